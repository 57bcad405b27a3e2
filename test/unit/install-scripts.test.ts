import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers/paths';

const INSTALL_SCRIPTS = ['preinstall', 'install', 'postinstall'];

/** Every installed package (nested node_modules too) whose package.json has an install script: name@version. */
function packagesWithInstallScripts(dir: string, out: string[] = []): string[] {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    if (name.startsWith('.')) continue;
    const names = name.startsWith('@') ? readdirSync(join(dir, name)).map((n) => `${name}/${n}`) : [name];
    for (const n of names) {
      const manifest = join(dir, n, 'package.json');
      if (!existsSync(manifest)) continue;
      const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string; scripts?: Record<string, string> };
      if (INSTALL_SCRIPTS.some((s) => pkg.scripts?.[s])) out.push(`${n}@${pkg.version}`);
      packagesWithInstallScripts(join(dir, n, 'node_modules'), out);
    }
  }
  return out;
}

test("package.json's allowScripts decides every installed install script, so npm ci prints no install-scripts warning", () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { allowScripts?: Record<string, boolean> };
  const allow = pkg.allowScripts ?? {};
  const found = packagesWithInstallScripts(join(ROOT, 'node_modules'));
  assert.ok(found.length > 0, 'esbuild at least has an install script');
  const undecided = found.filter((id) => {
    const name = id.slice(0, id.lastIndexOf('@'));
    return typeof allow[name] !== 'boolean' && typeof allow[id] !== 'boolean';
  });
  assert.deepEqual(undecided, []);
  // esbuild's postinstall checks its platform binary; vsce-sign's fetches a signing tool that packaging never uses.
  assert.equal(allow.esbuild, true);
  assert.equal(allow['@vscode/vsce-sign'], false);
});
