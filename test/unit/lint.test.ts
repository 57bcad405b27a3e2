import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { ROOT } from '../helpers/paths';

/**
 * The house's layering, as eslint.config.mjs enforces it (npm test runs
 * ESLint first): each case lints a file's text as if it were at that path.
 */
const eslint = new ESLint({ cwd: ROOT });

async function restricted(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code + '\n', { filePath: join(ROOT, path) });
  assert.ok(result, path);
  const other = result.messages.filter(
    (m) => m.ruleId !== '@typescript-eslint/no-restricted-imports' && m.ruleId !== '@typescript-eslint/no-unused-vars',
  );
  assert.deepEqual(other, [], `${path}: only the import rules should speak`);
  return result.messages.filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports').map((m) => m.message);
}

test('a rule file in server/src/engine/ that imports node:fs fails lint, saying why', async () => {
  const messages = await restricted(
    'server/src/engine/readsFiles.ts',
    "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;",
  );
  assert.equal(messages.length, 1);
  assert.match(messages[0], /The engine is pure: no Node\.js modules/);
});

test('every engine folder refuses Node modules (node: or bare), the LSP connection, lsp/, cli/ and client/', async () => {
  for (const dir of ['model', 'rules', 'rules/workspace', 'engine', 'workspace', 'route', 'features']) {
    const path = `server/src/${dir}/probe.ts`;
    const up = '../'.repeat(dir.split('/').length);
    for (const source of [
      'node:path',
      'fs',
      'fs/promises',
      'vscode-languageserver',
      'vscode-languageserver/node',
      'vscode',
      `${up}lsp/state`,
      `${up}cli/io`,
      `${up}server`,
      `${up}../../client/src/extension`,
    ]) {
      assert.equal((await restricted(path, `import * as m from '${source}';\nexport { m };`)).length, 1, `${path}: ${source}`);
    }
    // The protocol packages give the engine types, never a connection.
    assert.equal(
      (await restricted(path, `import { RequestType } from 'vscode-languageserver-protocol';\nexport { RequestType };`)).length,
      1,
    );
    assert.deepEqual(
      await restricted(
        path,
        `import type { ClientCapabilities } from 'vscode-languageserver-protocol';\nexport type C = ClientCapabilities;`,
      ),
      [],
    );
    assert.deepEqual(await restricted(path, `import type { Range } from 'vscode-languageserver-types';\nexport type R = Range;`), []);
  }
});

test('model/ is the bottom layer; its neighbours with Node-like names are not Node modules', async () => {
  assert.equal(
    (await restricted('server/src/model/extract.ts', "import { readKind } from '../rules/kind';\nexport { readKind };")).length,
    1,
  );
  assert.deepEqual(await restricted('server/src/rules/hosts.ts', "import { isDomain } from '../model/domain';\nexport { isDomain };"), []);
  assert.deepEqual(await restricted('server/src/rules/kind.ts', "import { kindOf } from '../model/kind';\nexport { kindOf };"), []);
});

test('the adapters may use Node and the connection; the extension reaches the server only through shared/', async () => {
  assert.deepEqual(await restricted('server/src/cli/io.ts', "import { readFileSync } from 'node:fs';\nexport { readFileSync };"), []);
  assert.deepEqual(
    await restricted(
      'server/src/lsp/probe.ts',
      "import { createConnection } from 'vscode-languageserver/node';\nexport { createConnection };",
    ),
    [],
  );
  assert.equal(
    (await restricted('client/src/probe.ts', "import { KINDS } from '../../server/src/model/catalog';\nexport { KINDS };")).length,
    1,
  );
  assert.deepEqual(
    await restricted('client/src/probe.ts', "import { RouteRequest } from '../../shared/protocol';\nexport { RouteRequest };"),
    [],
  );
  assert.equal((await restricted('shared/probe.ts', "import { KINDS } from '../server/src/model/catalog';\nexport { KINDS };")).length, 1);
});
