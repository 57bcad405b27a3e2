import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join, relative, sep } from 'node:path';
import ts from 'typescript';
import { ROOT } from '../helpers/paths';

/**
 * The client and the server are separate TypeScript roots that meet only in
 * shared/: each program (its files and everything they import, transitively)
 * must stay on its side.
 */
function programFiles(project: string): string[] {
  const config = ts.getParsedCommandLineOfConfigFile(
    join(ROOT, project, 'tsconfig.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => assert.fail(ts.flattenDiagnosticMessageText(d.messageText, '\n')),
    },
  );
  assert.ok(config);
  const program = ts.createProgram({ rootNames: config.fileNames, options: config.options });
  return program
    .getSourceFiles()
    .map((f) => relative(ROOT, f.fileName).split(sep).join('/'))
    .filter((f) => !f.startsWith('node_modules/'));
}

const outside = (files: string[], allowed: string[]) => files.filter((f) => !allowed.some((a) => f.startsWith(a)));

test('the extension program holds client/src and shared/ only: no engine, server or CLI file', () => {
  const files = programFiles('client');
  assert.ok(files.includes('client/src/extension.ts'));
  assert.ok(files.includes('shared/protocol.ts'));
  assert.deepEqual(outside(files, ['client/src/', 'shared/']), []);
});

test('the server program holds server/src and shared/ only: nothing of the extension', () => {
  const files = programFiles('server');
  assert.ok(files.includes('server/src/server.ts') && files.includes('server/src/cli.ts'));
  assert.deepEqual(outside(files, ['server/src/', 'shared/']), []);
});

test('shared/ imports neither side', () => {
  assert.deepEqual(outside(programFiles('shared'), ['shared/']), []);
});
