import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixture } from '../helpers/paths';
import { exconn } from './process';

/**
 * `exconn graph` on test/fixtures/graph (examples/ plus a one-sided link to an
 * inferred group with an invalid cost and a hostile name), compared with the
 * golden files in test/fixtures/graph-golden/. After an intended change of the
 * picture, rewrite them with `UPDATE_GOLDEN=1 node --test out/suite/cli/graph.test.js`
 * and read the diff.
 */

const GOLDEN = fixture('graph-golden');

function golden(name: string, actual: string): void {
  const file = join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN) writeFileSync(file, actual);
  assert.equal(actual, readFileSync(file, 'utf8'), `${name} differs from its golden file`);
}

const cases: [string, string[]][] = [
  ['topology.dot', []],
  ['topology.mmd', ['--format', 'mermaid']],
  ['topology.svg', ['--format', 'svg']],
  ['route.svg', ['--format', 'svg', '--route-from', 'Seattle', '--to', 'someone@fabrikam.com']],
  ['route.dot', ['--route-from', 'Seattle', '--to', 'someone@fabrikam.com']],
  ['route-to-group.mmd', ['--format', 'mermaid', '--route-from', 'Paris', '--to-group', 'Seattle']],
];

for (const [name, args] of cases) {
  test(`exconn graph ${args.join(' ')} prints ${name}, the same on every run`, () => {
    const first = exconn(['graph', ...args], fixture('graph'));
    assert.equal(first.status, 0, first.stderr);
    assert.equal(first.stderr, '');
    golden(name, first.stdout);
    assert.equal(exconn(['graph', '.', ...args], fixture('graph')).stdout, first.stdout);
  });
}

test('the SVG draws every routing group, site, connector and address space of the organization', () => {
  const svg = exconn(['graph', '--format', 'svg'], fixture('graph')).stdout;
  const names = [...svg.matchAll(/data-kind="(\w+)" data-name="([^"]*)"/g)].map((m) => `${m[1]} ${m[2]}`);
  assert.deepEqual(names, [
    'group Tokyo',
    'group Paris',
    'group Boston',
    'group Seattle',
    'exit fabrikam.com',
    'exit *.fabrikam.com',
    'site LYON',
    'exit *',
    'exit *',
  ]);
  const connectors = new Set([...svg.matchAll(/data-connector="([^"]*)"/g)].map((m) => m[1]));
  assert.deepEqual(
    [...connectors].sort(),
    [
      'Boston Internet',
      'Boston to Paris',
      'Boston to Seattle',
      'Paris to Boston',
      'Paris to Fabrikam',
      'Paris to Lyon 5.5 Site',
      'R&amp;D &quot;Lab&quot; &lt;Tokyo&gt; | {x} [y] `z` no.#1',
      'Seattle ISP Backup',
      'Seattle to Boston',
    ].sort(),
  );
});

test('names are escaped in every format: no markup, quote or label syntax of the file reaches the output', () => {
  const svg = exconn(['graph', '--format', 'svg'], fixture('graph')).stdout;
  assert.ok(!svg.includes('<Tokyo>'));
  assert.ok(svg.includes('R&amp;D &quot;Lab&quot; &lt;Tokyo&gt;'));
  const dot = exconn(['graph'], fixture('graph')).stdout;
  assert.ok(dot.includes('label="R&D \\"Lab\\" <Tokyo> | {x} [y] `z` no.#1 · cost invalid (500)"'), dot);
  const mermaid = exconn(['graph', '--format', 'mermaid'], fixture('graph')).stdout;
  assert.ok(mermaid.includes('R&D #34;Lab#34; #60;Tokyo#62; #124; #123;x#125; #91;y#93; #96;z#96; no.#35;1'), mermaid);
});

test('one-sided links are amber, links with errors and invalid costs red, inferred groups dashed, a route highlighted', () => {
  const dot = exconn(['graph'], fixture('graph')).stdout;
  const line = (from: string) => dot.split('\n').find((l) => l.includes(from))!;
  assert.match(line('label="Boston to Seattle · cost 1"'), /\[label=[^\]]*\]/);
  assert.ok(!line('label="Boston to Seattle · cost 1"').includes('color='));
  assert.match(line('cost invalid (500)'), /color="#e51400"/);
  assert.match(line('g1 [label="Tokyo'), /style="dashed"/);
  const routed = exconn(['graph', '--route-from', 'Seattle', '--to', 'someone@fabrikam.com'], fixture('graph')).stdout;
  const hop = (label: string) => routed.split('\n').find((l) => l.includes(`label="${label}"`))!;
  assert.match(hop('Seattle to Boston · cost 1'), /color="#1a85ff", penwidth=3/);
  assert.match(hop('Boston Internet'), /color="#1a85ff", penwidth=3/);
  assert.match(hop('Seattle ISP Backup'), /style=dashed/);
  assert.match(hop('Seattle ISP Backup'), /Passed over: its total cost from Boston is 51, more than 1 through \\"Boston Internet\\"/);
  // Each arrow says it once, though the connector has two address spaces (two arrows).
  for (const line of routed.split('\n').filter((l) => l.includes('label="Paris to Fabrikam"')))
    assert.equal(line.match(/Passed over/g)?.length, 1, line);
});

test('usage errors exit 2 with a message', () => {
  const cases: [string[], RegExp][] = [
    [['--format', 'png'], /unknown format 'png': expected dot, mermaid or svg/],
    [['--to', 'a@b.com'], /--to and --to-group need --route-from/],
    [['--route-from', 'Paris'], /--route-from needs one of --to ADDRESS and --to-group ROUTING_GROUP/],
    [['--route-from', 'Paris', '--to', 'not an address'], /--to: 'not an address' is neither an e-mail address nor a domain/],
    [['--route-from', 'Nowhere', '--to', 'a@b.com'], /no routing group named 'Nowhere'/],
    [['--bogus'], /unknown option '--bogus'/],
  ];
  for (const [args, message] of cases) {
    const r = exconn(['graph', ...args], fixture('graph'));
    assert.equal(r.status, 2, args.join(' '));
    assert.match(r.stderr, message);
    assert.equal(r.stdout, '');
  }
});

test('exconn graph --help prints its usage and exits 0', () => {
  const r = exconn(['graph', '--help'], fixture('graph'));
  assert.equal(r.status, 0);
  assert.match(r.stdout, /^Usage: exconn graph/);
});
