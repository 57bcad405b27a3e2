/**
 * Run as its own process (with --expose-gc): opens a file of 2,000
 * connectors (about 0.5 MB) in the engine's Workspace, edits the cost of 20
 * connectors spread over it, and prints as JSON how far the heap grew over
 * the edits.
 */
import { Workspace } from '../../server/src/engine/workspace';

declare const gc: () => void;

const CONNECTORS = 2000;
const EDITS = 20;

function connector(i: number): string {
  return [
    `# Connector ${i}`,
    'kind: SmtpConnector',
    `name: Connector ${i}`,
    'administrativeGroup: North America',
    'routingGroup: Boston',
    'general:',
    '  delivery: smartHost',
    '  smartHosts:',
    `    - relay${i}.contoso.com`,
    'addressSpace:',
    '  entries:',
    `    - { type: SMTP, address: "*.d${i}.example.com", cost: ${1 + (i % 100)} }`,
  ].join('\n');
}

function heapAfterGc(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

const ws = new Workspace();
const uri = 'file:///w/large.connector.yaml';
let text = Array.from({ length: CONNECTORS }, (_, i) => connector(i + 1)).join('\n---\n') + '\n';
ws.setFile(uri, text);
ws.findings(uri);
const before = heapAfterGc();
for (let k = 0; k < EDITS; k++) {
  // A different connector each time: each version re-parses that one document, and keeps it.
  const at = text.indexOf('cost: ', text.indexOf(`name: Connector ${CONNECTORS - k * 97}\n`)) + 'cost: '.length;
  const end = text.indexOf(' ', at);
  text = text.slice(0, at) + String(10 + k) + text.slice(end);
  ws.setFile(uri, text);
  ws.findings(uri);
}
process.stdout.write(JSON.stringify({ growth: heapAfterGc() - before, bytes: text.length }));
