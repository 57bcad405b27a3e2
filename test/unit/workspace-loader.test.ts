import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Connection } from 'vscode-languageserver/node';
import { loadFolders, readFolders, startReaderThread, type ReaderThread } from '../../server/src/lsp/loader';
import { READ_BATCH_FILES, READ_FIRST_BATCH_FILES } from '../../server/src/lsp/readerMessages';
import { ServerState } from '../../server/src/lsp/state';
import { readCaps } from '../../server/src/features/caps';
import { ROOT } from '../helpers/paths';
import { generateOrganization } from '../../bench/workspace-gen';

// The loader in the server's process: the files are read on the reader thread
// (dist/readerThread.js), or on the server's own when that thread cannot run.

function folder(groups: number): { dir: string; files: Map<string, string> } {
  const dir = mkdtempSync(join(tmpdir(), 'exconn-loader-'));
  const files = new Map<string, string>();
  for (const [path, text] of generateOrganization(groups)) {
    const abs = join(dir, path);
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, text);
    files.set(pathToFileURL(abs).href, text);
  }
  return { dir, files };
}

async function load(dir: string, readerThread: string | ReaderThread) {
  const state = new ServerState();
  const logs: string[] = [];
  const log = (m: string) => logs.push(m);
  const count = await loadFolders(
    {} as Connection,
    state,
    readFolders([pathToFileURL(dir).href], state.diskTime(), log, readerThread),
    readCaps(undefined),
    log,
  );
  return { state, logs, count };
}

for (const [how, script] of [
  ['on the reader thread', join(ROOT, 'dist', 'readerThread.js')],
  ['on the server thread when the reader thread cannot start', join(ROOT, 'dist', 'no-such-thread.js')],
] as const) {
  test(`every file of the folder is read into the engine ${how}`, async () => {
    const { dir, files } = folder(30);
    try {
      const { state, logs, count } = await load(dir, script);
      assert.equal(count, files.size);
      assert.deepEqual(state.ws.uris().sort(), [...files.keys()].sort());
      for (const [uri, text] of files) assert.equal(state.ws.file(uri)?.text, text);
      const fellBack = logs.filter((l) => l.includes('on a thread of their own'));
      assert.equal(fellBack.length, script.endsWith('readerThread.js') ? 0 : 1, logs.join('\n'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

test('a reader thread started before its folders are known reads them when asked, on that thread', async () => {
  const { dir, files } = folder(20);
  try {
    // As the server does: the thread starts with the process, the folders come with initialize.
    const early = startReaderThread(join(ROOT, 'dist', 'readerThread.js'));
    await new Promise((r) => setImmediate(r));
    assert.equal(early.inbox.length, 0, 'nothing is read before the folders are given');
    const { state, logs, count } = await load(dir, early);
    assert.equal(count, files.size);
    for (const [uri, text] of files) assert.equal(state.ws.file(uri)?.text, text);
    assert.deepEqual(
      logs.filter((l) => l.includes('on a thread of their own')),
      [],
      logs.join('\n'),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a file changed on disk while the workspace loads keeps the text read after the change', async () => {
  const { dir, files } = folder(10);
  try {
    const state = new ServerState();
    const log = () => undefined;
    const reading = readFolders([pathToFileURL(dir).href], state.diskTime(), log, join(ROOT, 'dist', 'readerThread.js'));
    const [changed, removed] = [...files.keys()];
    // The watcher's events come in before the loader takes the (older) texts the reader thread read.
    state.setDisk(changed, 'kind: SmtpConnector\nname: Changed meanwhile\n');
    state.removeDisk(removed);
    await loadFolders({} as Connection, state, reading, readCaps(undefined), log);
    assert.equal(state.ws.file(changed)?.text, 'kind: SmtpConnector\nname: Changed meanwhile\n');
    assert.equal(state.ws.file(removed), undefined);
    assert.equal(state.ws.uris().length, files.size - 1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a load works out no document reads for the workspace rules; the idle steps after its checks, or the first change, do', async () => {
  const { dir, files } = folder(12);
  try {
    const { state } = await load(dir, join(ROOT, 'dist', 'readerThread.js'));
    const index = state.ws.index;
    assert.equal(index.deferReads, false, 'deferred only while loading');
    assert.equal(index.readsDeferred, 0, 'no document read worked out while loading');
    for (const uri of state.ws.uris()) state.ws.findings(uri);
    assert.equal(index.readsDeferred, 0, 'nor by the checks');
    // The server's idle steps: a part at a time.
    assert.equal(index.linkReads(10), false);
    assert.equal(index.readsDeferred, 10);
    assert.equal(index.linkReads(Infinity), true);
    assert.equal(index.readsDeferred, files.size, 'each document once (one per file here)');
    // The servers of a routing group renamed: every file's findings as a fresh workspace's, and some other file's changed.
    const [group, text] = [...files].find(([uri]) => uri.endsWith('.routinggroup.yaml'))!;
    const renamed = text.replace(/-EX0[12]/g, '-EX09');
    const before = new Map(state.ws.uris().map((u) => [u, state.ws.findings(u)]));
    state.setDisk(group, renamed);
    const fresh = new ServerState();
    for (const [uri, t] of files) fresh.setDisk(uri, uri === group ? renamed : t);
    for (const uri of files.keys()) assert.deepEqual(state.ws.findings(uri), fresh.ws.findings(uri), uri);
    const others = [...files.keys()].filter((u) => u !== group && JSON.stringify(before.get(u)) !== JSON.stringify(state.ws.findings(u)));
    assert.ok(others.length > 0, 'the change shows in other files');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the first change after a load works out the reads left', async () => {
  const { dir, files } = folder(6);
  try {
    const { state } = await load(dir, join(ROOT, 'dist', 'readerThread.js'));
    for (const uri of state.ws.uris()) state.ws.findings(uri);
    const [uri, text] = [...files][0];
    state.setDisk(uri, `${text}\n`);
    assert.equal(state.ws.index.readsDeferred, files.size);
    assert.equal(state.ws.index.linkReads(Infinity), true);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the reader thread sends its first files in a small batch, the rest in larger ones', async () => {
  const { dir, files } = folder(30);
  try {
    const reader = startReaderThread(join(ROOT, 'dist', 'readerThread.js'));
    reader.read([dir]);
    while (reader.total === undefined) await new Promise<void>((resolve) => (reader.wake = resolve));
    reader.stop();
    const batches = reader.inbox.flatMap((m) => (m instanceof Error || m.kind !== 'files' ? [] : [m.paths.length]));
    assert.equal(batches[0], READ_FIRST_BATCH_FILES, `batches: ${batches}`);
    assert.equal(batches[1], READ_BATCH_FILES, `batches: ${batches}`);
    assert.equal(
      batches.reduce((a, b) => a + b, 0),
      files.size,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
