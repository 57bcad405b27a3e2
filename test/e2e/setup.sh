#!/usr/bin/env bash
# Installs what the end-to-end tests need, once: Debian's Chromium, ripgrep and
# the Kerberos headers (apt-get, only when missing), and code-server into
# .e2e/runtime from test/e2e/runtime's own package.json and lock file, so that
# the extension's `npm ci` never carries it. Safe to run again: it does nothing
# when everything is there.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
runtime_src="$root/test/e2e/runtime"
runtime="$root/.e2e/runtime"

missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v rg >/dev/null || missing+=(ripgrep)
command -v pkg-config >/dev/null || missing+=(pkg-config)
dpkg -s libkrb5-dev >/dev/null 2>&1 || missing+=(libkrb5-dev)
if [ ${#missing[@]} -gt 0 ]; then
  echo "e2e setup: installing ${missing[*]} with apt-get"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

stamp="$runtime/.installed"
if [ -f "$stamp" ] && cmp -s "$runtime_src/package-lock.json" "$stamp"; then
  exit 0
fi

# @vscode/ripgrep downloads rg from a host this machine cannot reach; its
# install script looks in this cache first, so hand it Debian's rg.
tmp="${TMPDIR:-/tmp}"
cache="$tmp/vscode-ripgrep-cache-1.15.11"
tarball="$cache/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz"
if [ ! -f "$tarball" ]; then
  mkdir -p "$cache"
  work="$(mktemp -d)"
  cp "$(command -v rg)" "$work/rg"
  tar -czf "$tarball" -C "$work" rg
  rm -rf "$work"
fi

echo "e2e setup: installing code-server into .e2e/runtime (about a minute and a half, first run only)"
rm -rf "$runtime"
mkdir -p "$runtime"
cp "$runtime_src/package.json" "$runtime_src/package-lock.json" "$runtime/"
(cd "$runtime" && npm_config_unsafe_perm=true npm_config_yes=true npm ci --no-audit --no-fund --loglevel=error)
cp "$runtime_src/package-lock.json" "$stamp"
