import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, expectOne, rangeOf, lines, crlf } from '../helpers/engine';
import { msg } from '../../server/src/rules/messages';

/** Ignore comments (next line, whole document, with and without codes) and severity settings. */

const head = lines(
  'kind: SmtpConnector',
  'name: Paris to Boston',
  'administrativeGroup: First Administrative Group',
  'routingGroup: Paris',
);

/** Two faults on two lines: a cost out of range and an unknown key. */
const faults = (prefix = '') =>
  head + lines('connectedRoutingGroups:', '  - routingGroup: Boston', `${prefix}    cost: 500`, '    colour: blue');

const codesOf = (text: string, options?: Parameters<typeof check>[1]) =>
  check(text, options)
    .filter((f) => ['cost-range', 'unknown-field', 'invalid-type', 'missing-field', 'unknown-kind', 'yaml-syntax'].includes(f.code))
    .map((f) => `${f.code}@${f.range.start.line}`);

test('both faults show when nothing silences them', () => {
  assert.deepEqual(codesOf(faults()), ['cost-range@6', 'unknown-field@7']);
});

test('exconn-disable-next-line CODE silences that code on the next line only', () => {
  const text =
    head +
    lines(
      'connectedRoutingGroups:',
      '  - routingGroup: Boston',
      '    # exconn-disable-next-line cost-range',
      '    cost: 500',
      '    colour: blue',
      '  - routingGroup: Rome',
      '    cost: 0',
    );
  assert.deepEqual(codesOf(text), ['unknown-field@8', 'cost-range@10']);
  assert.deepEqual(codesOf(crlf(text)), ['unknown-field@8', 'cost-range@10']);
});

test('exconn-disable-next-line with another code does not silence this one', () => {
  const text =
    head + lines('connectedRoutingGroups:', '  - routingGroup: Boston', '    # exconn-disable-next-line unknown-field', '    cost: 500');
  assert.deepEqual(codesOf(text), ['cost-range@7']);
});

test('exconn-disable-next-line without codes silences every code on the next line', () => {
  const text =
    head +
    lines(
      'connectedRoutingGroups:',
      '  - routingGroup: Boston',
      '    cost: 500 # stays',
      '    #exconn-disable-next-line',
      '    colour: "x" # gone',
    );
  assert.deepEqual(codesOf(text), ['cost-range@6']);
});

test('codes are a comma list; text after " -- " is a reason, not a code', () => {
  const text =
    head +
    lines(
      '# exconn-disable-next-line cost-range, unknown-field -- agreed with the network team',
      'connectedRoutingGroups: [{routingGroup: Boston, cost: 500, colour: blue}]',
      '# exconn-disable-next-line -- everything, for a reason',
      'details: {adminNote: 5, Colour: x}',
    );
  assert.deepEqual(codesOf(text), []);
});

test('a directive after content on the same line is not an ignore comment', () => {
  const text = head + lines('connectedRoutingGroups: # exconn-disable-next-line', '  - routingGroup: Boston', '    cost: 500');
  assert.deepEqual(codesOf(text), ['cost-range@6']);
  const doc = head + lines('details: {adminNote: x} # exconn-disable', 'colour: blue');
  assert.deepEqual(codesOf(doc), ['unknown-field@5']);
});

test('a directive inside a block scalar is text, not a comment', () => {
  const text = head + lines('details:', '  adminNote: |', '    # exconn-disable', '    written down only', 'colour: blue');
  assert.deepEqual(codesOf(text), ['unknown-field@8']);
});

test('exconn-disable CODE silences the code in its whole YAML document, wherever it stands in it', () => {
  const text = faults() + lines('# exconn-disable cost-range', '---') + faults();
  assert.deepEqual(codesOf(text), ['unknown-field@7', 'cost-range@16', 'unknown-field@17']);
});

test('exconn-disable without codes silences everything in its document and nothing in the next', () => {
  const text = lines('# exconn-disable', '---') + faults() + lines('---') + faults();
  assert.deepEqual(codesOf(text), ['cost-range@17', 'unknown-field@18']);
  assert.deepEqual(codesOf(crlf(text)), ['cost-range@17', 'unknown-field@18']);
});

test('a leading comment before the first marker belongs to the first document, even after a byte-order mark', () => {
  const text = '\uFEFF' + lines('# exconn-disable unknown-kind', '---', 'kind: Connector');
  assert.deepEqual(codesOf(text), []);
});

test('ignore comments silence yaml-syntax and missing-field too', () => {
  const broken = lines('# exconn-disable yaml-syntax', 'kind: SmtpConnector', 'name: [');
  assert.deepEqual(codesOf(broken), []);
  const missing = lines('# exconn-disable-next-line missing-field', 'kind: Organization');
  assert.deepEqual(codesOf(missing), []);
});

test("settings change a code's severity and leave the others alone", () => {
  const text = faults();
  const findings = check(text, { rules: { 'cost-range': 'warning', 'unknown-field': 'hint' } });
  expectOne(findings, { code: 'cost-range', severity: 'warning', range: rangeOf(text, '500'), message: msg.costRange('500') });
  expectOne(findings, {
    code: 'unknown-field',
    severity: 'hint',
    range: rangeOf(text, 'colour'),
    message: msg.unknownField('colour', "an entry of 'connectedRoutingGroups'"),
  });
  const info = check(text, { rules: { 'unknown-field': 'information' } });
  expectOne(info, { code: 'cost-range', severity: 'error', range: rangeOf(text, '500'), message: msg.costRange('500') });
  expectOne(info, {
    code: 'unknown-field',
    severity: 'information',
    range: rangeOf(text, 'colour'),
    message: msg.unknownField('colour', "an entry of 'connectedRoutingGroups'"),
  });
});

test('a setting of off silences the code; an unknown setting value keeps the default', () => {
  const text = faults();
  assert.deepEqual(codesOf(text, { rules: { 'cost-range': 'off' } }), ['unknown-field@7']);
  const f = check(text, { rules: { 'cost-range': 'fatal' as never } });
  expectOne(f, { code: 'cost-range', severity: 'error', range: rangeOf(text, '500'), message: msg.costRange('500') });
});

test('an ignore comment wins over a severity setting', () => {
  const text = faults().replace('    cost: 500', '    # exconn-disable-next-line\n    cost: 500');
  assert.deepEqual(codesOf(text, { rules: { 'cost-range': 'error' } }), ['unknown-field@8']);
});
