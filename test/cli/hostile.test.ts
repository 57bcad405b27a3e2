import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exconnJson, workspace } from './process';

/** A fixed pseudo-random sequence (xorshift32), so a failure can be replayed. */
function bytes(seed: number, n: number): Buffer {
  const out = Buffer.alloc(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

function survives(name: string, content: string | Buffer): void {
  const ws = workspace({ [name]: content });
  try {
    const { run, json } = exconnJson(['check'], ws.dir);
    assert.ok(run.status === 0 || run.status === 1, `exit ${run.status}: ${run.stderr.slice(0, 500)}`);
    assert.equal(json.files, 1);
    assert.ok(Array.isArray(json.diagnostics));
    assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace');
  } finally {
    ws.remove();
  }
}

test('random bytes: a report, not a crash', () => {
  for (const seed of [1, 2, 3]) survives('noise.connector.yaml', bytes(seed, 4096));
});

test('an alias bomb is not expanded', () => {
  const lines = [
    'kind: SmtpConnector',
    'name: bomb',
    'administrativeGroup: A',
    'routingGroup: B',
    'a0: &a0 [x, x, x, x, x, x, x, x, x, x]',
  ];
  for (let i = 1; i <= 12; i++)
    lines.push(
      `a${i}: &a${i} [${Array(10)
        .fill(`*a${i - 1}`)
        .join(', ')}]`,
    );
  lines.push('general:', '  smartHosts: *a12', '  localBridgeheads: *a12');
  survives('bomb.connector.yaml', lines.join('\n') + '\n');
});

test('a 1 MB file of many documents', () => {
  const doc = (i: number) =>
    [
      '---',
      'kind: SmtpConnector',
      `name: Connector ${i}`,
      'administrativeGroup: First Administrative Group',
      'routingGroup: Paris',
      'general:',
      '  delivery: smartHost',
      `  smartHosts: [host${i}.example.com, "[10.0.${i % 250}.1]"]`,
      '  localBridgeheads: [{server: PAR-EX01, virtualServer: Default SMTP Virtual Server}]',
      'addressSpace:',
      `  entries: [{type: SMTP, address: "d${i}.example.com", cost: ${(i % 120) + 1}}]`,
      '',
    ].join('\n');
  let text = '';
  for (let i = 0; text.length < 1024 * 1024; i++) text += doc(i);
  survives('big.connector.yaml', text);
});

test('deep nesting and a very long line', () => {
  survives('deep.connector.yaml', 'kind: SmtpConnector\nx: ' + '['.repeat(20000) + ']'.repeat(20000) + '\n');
  survives('long.connector.yaml', 'kind: SmtpConnector\nname: ' + 'n'.repeat(300000) + '\n');
});
