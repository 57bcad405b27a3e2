import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers/paths';
import { CODES } from '../../server/src/rules/codes';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const contributes = pkg.contributes;
const globs = ['connector', 'routinggroup', 'organization'].flatMap((k) => [`*.${k}.yaml`, `*.${k}.yml`]);

test("the language exchange-connector covers docs/format.md's globs and activates on them", () => {
  const [lang] = contributes.languages;
  assert.equal(lang.id, 'exchange-connector');
  assert.deepEqual([...lang.filenamePatterns].sort(), [...globs].sort());
  assert.ok(existsSync(join(ROOT, lang.configuration)));
  assert.ok(pkg.activationEvents.includes('onLanguage:exchange-connector'));
  for (const g of globs) assert.ok(pkg.activationEvents.includes(`workspaceContains:**/${g}`), g);
  assert.deepEqual([...contributes.yamlValidation[0].fileMatch].sort(), [...globs].sort());
});

test('every file the manifest names exists, and the icon is a 128×128 PNG', () => {
  const paths = [
    pkg.icon,
    contributes.grammars[0].path,
    contributes.yamlValidation[0].url,
    contributes.languages[0].icon.light,
    contributes.languages[0].icon.dark,
    ...contributes.views.exchangeConnectors.map((v: { icon: string }) => v.icon),
    ...contributes.viewsContainers.activitybar.map((v: { icon: string }) => v.icon),
  ];
  for (const p of paths) assert.ok(existsSync(join(ROOT, p)), p);
  const png = readFileSync(join(ROOT, pkg.icon));
  assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
  assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128]);
});

test('menus and welcome views name only contributed commands, and every command has a handler', () => {
  const ids = new Set(contributes.commands.map((c: { command: string }) => c.command));
  const used = Object.values(contributes.menus).flatMap((items) => (items as { command: string }[]).map((m) => m.command));
  for (const id of used) assert.ok(ids.has(id), id);
  for (const w of contributes.viewsWelcome) for (const [, id] of w.contents.matchAll(/\(command:([\w.]+)\)/g)) assert.ok(ids.has(id), id);
  const source = readFileSync(join(ROOT, 'client/src/commands.ts'), 'utf8') + readFileSync(join(ROOT, 'client/src/treeView.ts'), 'utf8');
  for (const id of ids) {
    const short = String(id).replace('exchangeConnectors.', '');
    assert.ok(
      source.includes(`'${id}'`) || (id === 'exchangeConnectors.openLocation' && source.includes('OPEN_LOCATION')),
      `a handler for ${id} (${short})`,
    );
  }
});

test('the Routing Groups view has its own activity-bar container and shows only where connector files exist', () => {
  assert.deepEqual(
    contributes.viewsContainers.activitybar.map((c: { id: string; title: string }) => [c.id, c.title]),
    [['exchangeConnectors', 'Exchange Connectors']],
  );
  assert.equal(contributes.views.explorer, undefined);
  const [view] = contributes.views.exchangeConnectors;
  assert.equal(view.id, 'exchangeConnectors.topology');
  assert.equal(view.when, 'exchangeConnectors.hasFiles');
});

test('every kind of tree node has a context menu, and the diagram restores itself after a reload', () => {
  const menu = contributes.menus['view/item/context'] as { command: string; when: string }[];
  const kinds = [
    'organization',
    'administrativeGroup',
    'routingGroup',
    'routingGroup.inferred',
    'server',
    'virtualServer',
    'connector.complete',
    'connector.oneSided',
    'connector.errors',
    'connectedGroup',
    'addressSpace',
  ];
  for (const kind of kinds) {
    const items = menu.filter((m) => {
      const test = m.when.match(/viewItem =~ \/(.*)\//);
      const equals = m.when.match(/viewItem == ([\w.]+)/);
      return test ? new RegExp(test[1]).test(kind) : equals ? equals[1] === kind : true;
    });
    const commands = items.map((m) => m.command);
    assert.ok(commands.includes('exchangeConnectors.showInDiagram'), kind);
    assert.ok(commands.includes('exchangeConnectors.traceFromHere'), kind);
    if (kind !== 'administrativeGroup' && kind !== 'routingGroup.inferred') {
      assert.ok(commands.includes('exchangeConnectors.openNode'), kind);
      assert.ok(commands.includes('exchangeConnectors.revealInExplorer'), kind);
    }
  }
  assert.ok(pkg.activationEvents.includes('onWebviewPanel:exchangeConnectors.topologyDiagram'));
  const title = contributes.menus['view/title'] as { command: string }[];
  assert.ok(title.some((m) => m.command === 'exchangeConnectors.showTopology'));
});

test('engines.vscode allows VS Code 1.91 and @types/vscode is no newer (vsce refuses otherwise)', () => {
  assert.equal(pkg.engines.vscode, '^1.91.0');
  assert.equal(pkg.devDependencies['@types/vscode'], '1.91.0');
  assert.equal(pkg.publisher, 'exconn');
  assert.equal(pkg.license, 'MIT');
  assert.deepEqual(pkg.capabilities.untrustedWorkspaces.supported, true);
  assert.equal(pkg.capabilities.virtualWorkspaces.supported, 'limited');
});

test('the .vsix keeps to the bundles, grammar, schema, icons, README and licence', () => {
  const lines = readFileSync(join(ROOT, '.vscodeignore'), 'utf8')
    .split('\n')
    .filter((l) => l && !l.startsWith('#'));
  assert.equal(lines[0], '**');
  assert.deepEqual(
    lines.slice(1).filter((l) => !l.startsWith('!')),
    [],
  );
  const kept = lines.slice(1).map((l) => l.slice(1));
  for (const p of [
    'dist/extension.js',
    'dist/server.js',
    'dist/readerThread.js',
    'dist/webview.js',
    'syntaxes/exchange-connector.tmLanguage.json',
    'README.md',
    'LICENSE',
    'images/icon.png',
  ])
    assert.ok(kept.includes(p), p);
});

test('the rules setting offers every code with its summary and default severity', () => {
  const props = contributes.configuration.properties['exchangeConnectors.rules'].properties;
  assert.deepEqual(Object.keys(props).sort(), Object.keys(CODES).sort());
  for (const [code, info] of Object.entries(CODES)) {
    assert.deepEqual(props[code].enum, ['off', 'error', 'warning', 'information', 'hint'], code);
    assert.equal(props[code].markdownDescription, `${info.summary} Default: \`${info.severity}\`.`, code);
  }
});

test('the language defaults to 2-space indentation with spaces, and suggestions while typing values (plain YAML values are strings)', () => {
  const defaults = contributes.configurationDefaults['[exchange-connector]'];
  assert.equal(defaults['editor.insertSpaces'], true);
  assert.equal(defaults['editor.tabSize'], 2);
  assert.equal(defaults['editor.detectIndentation'], undefined, 'a file written with 4 spaces keeps its own indentation');
  assert.deepEqual(defaults['editor.quickSuggestions'], { other: true, comments: false, strings: true });
});
