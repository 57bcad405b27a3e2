#!/usr/bin/env bash
# npm run test:e2e: installs what is missing (first run only), builds the
# .vsix files and runs both suites in a real VS Code (code-server + Chromium).
set -euo pipefail
cd "$(dirname "$0")/../.."
bash test/e2e/setup.sh
node test/e2e/build.mjs
node --test --test-concurrency=1 .e2e/driver/e2e.test.js
