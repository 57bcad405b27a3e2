import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Workspace } from '../../server/src/engine/workspace';
import { fixFile } from '../../server/src/engine/fixAll';
import { applyEdits } from '../../server/src/engine/applyEdits';
import { setRuleErrorHandler } from '../../server/src/engine/checkDocument';
import { CODES } from '../../server/src/rules/codes';
import type { Finding } from '../../server/src/engine/types';
import { LineIndex } from '../../server/src/model/text';
import { ROOT, fixture } from '../helpers/paths';
import { lines } from '../helpers/engine';
import { seededRandom } from '../helpers/random';

/**
 * The engine never throws, whatever the text: half-typed files, random bytes,
 * alias bombs, absurd nesting, huge files. Each check returns well-formed
 * diagnostics, and no rule crashes on the way (a crash is caught by the engine,
 * so it is collected here and must not happen).
 */

const crashes: unknown[] = [];
before(() => setRuleErrorHandler((e) => crashes.push(e)));
after(() => setRuleErrorHandler(() => {}));

const SEVERITIES = ['error', 'warning', 'information', 'hint'];

/** Every finding names a known code and severity, has a message, and a range inside the text. */
function assertWellFormed(text: string, findings: Finding[], label: string): void {
  assert.ok(Array.isArray(findings), label);
  const index = new LineIndex(text);
  for (const f of findings) {
    assert.ok(f.code in CODES, `${label}: unknown code ${f.code}`);
    assert.ok(SEVERITIES.includes(f.severity), `${label}: severity ${f.severity}`);
    assert.equal(typeof f.message, 'string');
    assert.ok(f.message.length > 0, `${label}: empty message for ${f.code}`);
    for (const p of [f.range.start, f.range.end]) {
      assert.ok(p.line >= 0 && p.line < index.lineCount, `${label}: ${f.code} on line ${p.line} of ${index.lineCount}`);
      assert.ok(p.character >= 0 && p.character <= index.lineText(p.line).length, `${label}: ${f.code} at column ${p.character}`);
    }
    assert.ok(
      f.range.start.line < f.range.end.line ||
        (f.range.start.line === f.range.end.line && f.range.start.character <= f.range.end.character),
      `${label}: ${f.code} range backwards`,
    );
  }
}

/** Checks a text and applies every preferred fix, in a fresh workspace; returns the findings of the first check. */
function checkAndFix(text: string, label: string, uri = 'robust.connector.yaml'): Finding[] {
  const ws = new Workspace();
  ws.setFile(uri, text);
  const findings = ws.findings(uri);
  assertWellFormed(text, findings, label);
  const fixed = fixFile(ws, uri);
  assert.equal(typeof fixed.text, 'string');
  assertWellFormed(fixed.text, ws.findings(uri), `${label} (fixed)`);
  assert.deepEqual(crashes, [], `${label}: a rule crashed`);
  return findings;
}

const fullConnector = lines(
  '# Paris forwards to Boston over the WAN',
  'kind: SmtpConnector',
  'name: SMTP Connector for Paris and Boston Routing Groups',
  'administrativeGroup: First Administrative Group',
  'routingGroup: Paris',
  '',
  'general:',
  '  delivery: smartHost',
  '  smartHosts:',
  '    - bos-ex01.boston.contoso.com',
  '    - "[10.1.0.10]"',
  '  localBridgeheads:',
  '    - server: PAR-EX01',
  '      virtualServer: Default SMTP Virtual Server',
  '  allowPublicFolderReferrals: true',
  'addressSpace:',
  '  entries:',
  '    - type: SMTP',
  '      address: "*"',
  '      cost: 1',
  '  scope: organization',
  '  allowRelay: false',
  'connectedRoutingGroups:',
  '  - routingGroup: Boston',
  '    administrativeGroup: First Administrative Group',
  '    organization: Contoso',
  '    routingAddress: boston.contoso.com',
  '    cost: 1',
  '  - exchange55Site: LEGACY',
  '    cost: 10',
  'deliveryRestrictions:',
  '  default: accept',
  '  acceptFrom: []',
  '  rejectFrom: [CONTOSO\\temp-staff]',
  'contentRestrictions:',
  '  allowedPriorities: [high, normal, low]',
  '  allowedTypes: [system, nonSystem]',
  '  maxMessageSizeKB: 10240',
  'deliveryOptions:',
  '  connectionTime: custom',
  '  schedule: ["Mon-Fri 18:00-07:00", "Sat,Sun 00:00-24:00"]',
  '  oversize:',
  '    thresholdKB: 1000',
  '    connectionTime: custom',
  '    schedule: ["Mon-Sun 22:00-05:00"]',
  '  remoteTriggeredDelivery:',
  '    enabled: true',
  '    authorizedAccounts: [CONTOSO\\etrn-pull]',
  'advanced:',
  '  sendHelo: false',
  '  outboundSecurity:',
  '    authentication: basic',
  '    username: CONTOSO\\smtp-relay',
  '    tls: false',
  '  etrnTurn:',
  '    request: fromDifferentServer',
  '    server: etrn.boston.contoso.com',
  '    connectionTime: custom',
  '    schedule: ["Mon-Fri 06:00-07:00"]',
  '    dequeue: etrn',
  '    etrnDomains: [contoso.com]',
  'details:',
  '  adminNote: Links Paris to Boston over the WAN',
  '---',
  'kind: RoutingGroup',
  'name: Boston',
  'administrativeGroup: First Administrative Group',
  'servers:',
  '  - name: BOS-EX01',
  '    fqdn: bos-ex01.boston.contoso.com',
  '    ip: 10.1.0.10',
  '    version: "2003"',
  '    smtpVirtualServers: [Default SMTP Virtual Server]',
  '---',
  'kind: Organization',
  'name: Contoso',
  'authoritativeDomains: [contoso.com]',
  'administrativeGroups: [First Administrative Group]',
);

function exampleFiles(): string[] {
  const dir = join(ROOT, 'examples');
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(connector|routinggroup|organization)\.ya?ml$/.test(name)) out.push(p);
    }
  };
  if (existsSync(dir)) walk(dir);
  return out.sort();
}

/** Types a text into one workspace, as an editor would, checking after each character (or each `step`). */
function typeOut(text: string, label: string, uri: string, step = 1): void {
  const ws = new Workspace();
  for (let i = 0; i <= text.length; i += step) {
    const prefix = text.slice(0, i);
    ws.setFile(uri, prefix);
    assertWellFormed(prefix, ws.findings(uri), `${label} prefix ${i}`);
  }
  assert.deepEqual(crashes, [], `${label}: a rule crashed`);
}

test('every prefix of a full connector file (three kinds, every tab) is checked without a throw, and many with CRLF', () => {
  typeOut(fullConnector, 'full connector', 'full.connector.yaml');
  // With CRLF every fifth prefix is enough; some of them end between a CR and its LF.
  typeOut(fullConnector.replace(/\n/g, '\r\n'), 'full connector, CRLF', 'full.connector.yaml', 5);
});

test('every prefix of every example file is checked without a throw', () => {
  const files = exampleFiles();
  for (const file of files) typeOut(readFileSync(file, 'utf8'), file, file);
});

test('preferred fixes apply to every tenth prefix of the full connector without a throw', () => {
  for (let i = 0; i <= fullConnector.length; i += 10) checkAndFix(fullConnector.slice(0, i), `fix prefix ${i}`);
});

test('random text (NUL, lone surrogates, bare CR, YAML indicators) never makes the engine throw', () => {
  const rand = seededRandom(20031);
  const alphabet = [
    '\0',
    '\uD800',
    '\uDFFF',
    '\r',
    '\n',
    '\t',
    ' ',
    ':',
    '-',
    '---',
    '...',
    '#',
    '&a',
    '*a',
    '!',
    '!!',
    '|',
    '>',
    '[',
    ']',
    '{',
    '}',
    ',',
    '?',
    '%',
    '@',
    '`',
    '"',
    "'",
    '\\',
    '\uFEFF',
    '😀',
    'kind',
    'password',
    'cost',
    'SmtpConnector',
    '0',
    '1e9',
    'true',
    'yes',
    '~',
  ];
  for (let n = 0; n < 300; n++) {
    let text = '';
    const len = Math.floor(rand() * 200);
    for (let i = 0; i < len; i++) {
      // Half the time any UTF-16 code unit at all, else a piece of YAML syntax.
      text += rand() < 0.5 ? String.fromCharCode(Math.floor(rand() * 0x10000)) : alphabet[Math.floor(rand() * alphabet.length)];
    }
    checkAndFix(text, `random #${n}`);
  }
});

test('random damage to a valid file never makes the engine throw', () => {
  const rand = seededRandom(2003);
  const pieces = [
    '\0',
    '\r',
    '\n',
    '\t',
    ' ',
    '  ',
    ':',
    '- ',
    '---\n',
    '#',
    '&x ',
    '*x',
    '"',
    "'",
    '[',
    ']',
    '{',
    '}',
    ',',
    '|\n',
    'password: x\n',
    '\uD83D',
  ];
  for (let n = 0; n < 300; n++) {
    let text = fullConnector;
    const edits = 1 + Math.floor(rand() * 5);
    for (let e = 0; e < edits; e++) {
      const at = Math.floor(rand() * text.length);
      const cut = rand() < 0.5 ? Math.floor(rand() * 8) : 0;
      text = text.slice(0, at) + pieces[Math.floor(rand() * pieces.length)] + text.slice(at + cut);
    }
    checkAndFix(text, `damaged #${n}`);
  }
});

test('every quick fix of every finding in damaged mistake fixtures applies and leaves the YAML readable', () => {
  const rand = seededRandom(5);
  const dir = fixture('mistakes');
  const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));
  assert.ok(files.length > 0);
  const pieces = ['\n', ' ', '  ', ':', '- ', '#', '"', '[', ']', '{', '}', ',', 'x', 'password: x\n', 'cost: 0', 'Kind'];
  let fixesTried = 0;
  for (const file of files) {
    const original = readFileSync(join(dir, file), 'utf8');
    for (let n = 0; n < 40; n++) {
      let text = original;
      if (n > 0) {
        const at = Math.floor(rand() * text.length);
        text = text.slice(0, at) + pieces[Math.floor(rand() * pieces.length)] + text.slice(at + Math.floor(rand() * 4));
      }
      const findings = checkAndFix(text, `${file} #${n}`);
      if (findings.some((f) => f.code === 'yaml-syntax')) continue;
      for (const f of findings) {
        for (const fix of f.fixes) {
          const label = `${file} #${n}: ${f.code} "${fix.title}"`;
          const fixed = applyEdits(text, fix.edits);
          const ws = new Workspace();
          ws.setFile('fixed.connector.yaml', fixed);
          assert.deepEqual(
            ws
              .findings('fixed.connector.yaml')
              .filter((x) => x.code === 'yaml-syntax')
              .map((x) => x.message),
            [],
            `${label}\n${fixed}`,
          );
          fixesTried++;
        }
      }
    }
  }
  assert.ok(fixesTried > 100, `only ${fixesTried} fixes tried`);
});

test('a billion-laughs alias bomb is checked without expanding it', () => {
  let text = lines(
    'kind: SmtpConnector',
    'name: Bomb',
    'administrativeGroup: A',
    'routingGroup: P',
    'x0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]',
  );
  for (let i = 1; i < 30; i++)
    text += `x${i}: &a${i} [${Array(10)
      .fill(`*a${i - 1}`)
      .join(', ')}]\n`;
  text += lines(
    'general:',
    '  smartHosts: *a29',
    '  localBridgeheads: *a29',
    'deliveryRestrictions:',
    '  rejectFrom: *a29',
    'details: *a29',
  );
  const findings = checkAndFix(text, 'alias bomb');
  assert.ok(
    findings.some((f) => f.code === 'unknown-field'),
    'the x keys are still reported',
  );
});

test('an alias to a mapping that holds an alias to itself is checked without looping', () => {
  const text = lines(
    'kind: SmtpConnector',
    'name: Loop',
    'administrativeGroup: A',
    'routingGroup: P',
    'general: &g',
    '  localBridgeheads: [*g]',
    'addressSpace: *g',
  );
  checkAndFix(text, 'self alias');
});

test('absurd nesting is a yaml-syntax diagnostic, not a crash', () => {
  const depth = 100_000;
  const texts: [string, string][] = [
    ['100k [', '['.repeat(depth)],
    ['100k {', '{'.repeat(depth)],
    ['100k [] closed', 'kind: SmtpConnector\nname: ' + '['.repeat(depth) + ']'.repeat(depth) + '\n'],
    ['100k nested block sequences', '- '.repeat(depth) + 'x\n'],
    ['100k nested block maps', '? '.repeat(depth) + 'x\n'],
    ['100k nested flow maps as values', 'kind: SmtpConnector\ngeneral: ' + '{a: '.repeat(depth) + '1' + '}'.repeat(depth) + '\n'],
  ];
  for (const [label, text] of texts) {
    const findings = checkAndFix(text, label);
    assert.ok(
      findings.some((f) => f.code === 'yaml-syntax'),
      `${label}: ${JSON.stringify(findings.map((f) => f.code))}`,
    );
  }
});

test('2,000 levels of indented block mappings are checked without a throw', () => {
  let text = 'kind: SmtpConnector\n';
  for (let i = 0; i < 2000; i++) text += ' '.repeat(i) + `k${i}:\n`;
  checkAndFix(text, 'indented nesting');
});

test('a 1 MB file of many documents is checked in full, and an edit re-parses only its document', () => {
  const one = (i: number) =>
    lines(
      '---',
      'kind: SmtpConnector',
      `name: Connector ${i}`,
      'administrativeGroup: First Administrative Group',
      'routingGroup: Paris',
      'general:',
      '  delivery: dns',
      '  localBridgeheads:',
      '    - server: PAR-EX01',
      '      virtualServer: Default SMTP Virtual Server',
      'addressSpace:',
      '  entries:',
      `    - {type: SMTP, address: "d${i}.contoso.com", cost: ${i % 3 === 0 ? 150 : 5}}`,
    );
  let text = '';
  let count = 0;
  while (text.length < 1_000_000) text += one(count++);
  const ws = new Workspace();
  const v1 = ws.setFile('big.connector.yaml', text);
  assert.equal(v1.documents.length, count);
  const findings = ws.findings('big.connector.yaml');
  assertWellFormed(text, findings, '1 MB');
  assert.equal(findings.filter((f) => f.code === 'cost-range').length, Math.ceil(count / 3));

  const edited = text.replace('name: Connector 500\n', 'name: Connector five hundred\n');
  const v2 = ws.setFile('big.connector.yaml', edited);
  const changed = v2.documents.filter((d, i) => d.doc !== v1.documents[i].doc);
  assert.equal(changed.length, 1);
  assert.match(changed[0].doc.text, /Connector five hundred/);

  const { text: fixed } = fixFile(ws, 'big.connector.yaml');
  assert.equal(ws.findings('big.connector.yaml').filter((f) => f.code === 'cost-range').length, 0);
  assert.equal(fixed, edited.replace(/cost: 150\}/g, 'cost: 100}'));
  assert.deepEqual(crashes, []);
});

test('tabs used for indentation are a yaml-syntax diagnostic on the tab', () => {
  const text = lines('kind: SmtpConnector', 'general:', '\tdelivery: dns', '\t\tsmartHosts: []');
  const findings = checkAndFix(text, 'tabs');
  assert.deepEqual(
    findings.map((f) => [f.code, f.range.start]),
    [
      ['yaml-syntax', { line: 2, character: 0 }],
      ['yaml-syntax', { line: 3, character: 0 }],
    ],
  );
});

test('a byte-order mark before a valid file changes nothing', () => {
  const plain = checkAndFix(fullConnector, 'no BOM').map((f) => f.code);
  const withBom = checkAndFix('\uFEFF' + fullConnector, 'BOM').map((f) => f.code);
  assert.deepEqual(withBom, plain);
  assert.ok(!withBom.includes('yaml-syntax'));
});
