/**
 * Run as its own process (with --expose-gc): types into a file with a syntax
 * error, one character a version, through the engine's Workspace, and prints
 * as JSON how far the heap grew and whether the first version was freed.
 */
import { Workspace } from '../../server/src/engine/workspace';

declare const gc: () => void;

const VERSIONS = Number(process.argv[2] ?? 5000);

// A stray `]` at the top level: every version has a yaml parse error.
const base = [
  ']',
  'kind: SmtpConnector',
  'name: Boston to Seattle',
  'administrativeGroup: North America',
  'routingGroup: Boston',
  'general:',
  '  delivery: smartHost',
  '  smartHosts:',
  '    - sea-ex01.seattle.contoso.com',
  '  adminNote: x',
].join('\n');

function heapAfterGc(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

// A WeakRef's target stays alive until the end of the job that created or
// read it: the session lets a turn pass before it looks.
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

/** Weak references only: the async function below keeps its locals alive across awaits. */
function openFirstVersion(ws: Workspace, uri: string) {
  const file = ws.setFile(uri, base + '\n');
  ws.findings(uri);
  return { first: new WeakRef(file), firstDocument: new WeakRef(file.documents[0].doc) };
}

async function main(): Promise<void> {
  const ws = new Workspace();
  const uri = 'file:///w/typing.connector.yaml';
  const { first, firstDocument } = openFirstVersion(ws, uri);
  await nextTurn();
  const before = heapAfterGc();
  let note = '';
  for (let i = 0; i < VERSIONS; i++) {
    // Words of up to 40 letters, typed one letter a version, so the text stays small.
    note = i % 40 === 0 ? '' : note + String.fromCharCode(97 + (i % 26));
    ws.setFile(uri, `${base}${note}\n`);
    ws.findings(uri);
  }
  await nextTurn();
  const growth = heapAfterGc() - before;
  const result = { growth, firstFileFreed: first.deref() === undefined, firstDocumentFreed: firstDocument.deref() === undefined };
  process.stdout.write(JSON.stringify(result));
}

void main();
