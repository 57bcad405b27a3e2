import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exconn } from './process';
import { fixture } from '../helpers/paths';

const ROUTE = fixture('route');
const firstLine = (s: string) => s.split('\n')[0];

test('an unknown command suggests the closest one, and a word far from all suggests nothing', () => {
  for (const [typed, meant] of [
    ['chek', 'check'],
    ['chekc', 'check'],
    ['rotue', 'route'],
  ]) {
    const r = exconn([typed], ROUTE);
    assert.equal(r.status, 2);
    assert.equal(firstLine(r.stderr), `exconn: unknown command '${typed}'; did you mean '${meant}'?`);
    assert.match(r.stderr, /\nUsage: exconn <command>/);
  }
  assert.equal(firstLine(exconn(['deploy'], ROUTE).stderr), "exconn: unknown command 'deploy'");
  assert.equal(firstLine(exconn(['--verison'], ROUTE).stderr), "exconn: unknown option '--verison'; did you mean '--version'?");
});

test("an unknown option of check or route suggests the command's closest option", () => {
  assert.equal(firstLine(exconn(['check', '--fxi'], ROUTE).stderr), "exconn: unknown option '--fxi'; did you mean '--fix'?");
  assert.equal(
    firstLine(exconn(['check', '--formt=json'], ROUTE).stderr),
    "exconn: unknown option '--formt=json'; did you mean '--format'?",
  );
  const r = exconn(['route', '--form', 'Paris', '--to', 'x@example.com'], ROUTE);
  assert.deepEqual([r.status, firstLine(r.stderr)], [2, "exconn: unknown option '--form'; did you mean '--from'?"]);
});

test('route: an unknown routing group lists the closest names, else the routing groups there are', () => {
  const near = exconn(['route', '--from', 'Pari', '--to', 'x@example.com'], ROUTE);
  assert.deepEqual(
    [near.status, near.stdout, near.stderr],
    [2, '', "exconn: --from: no routing group named 'Pari'; did you mean 'Paris'?\n"],
  );
  const group = exconn(['route', '--from', 'Paris', '--to-group', 'tokio'], ROUTE);
  assert.equal(group.stderr, "exconn: --to-group: no routing group named 'tokio'; did you mean 'Tokyo'?\n");
  const far = exconn(['route', '--from', 'Atlantis', '--to', 'x@example.com'], ROUTE);
  assert.equal(
    far.stderr,
    "exconn: --from: no routing group named 'Atlantis'; the routing groups are 'Boston', 'London', 'Oslo', 'Paris', 'Sydney', 'Tokyo'\n",
  );
});

test('route --to NAME where NAME is a routing group says to use --to-group; an address or a domain is still routed', () => {
  const r = exconn(['route', '--from', 'Paris', '--to', 'Tokyo'], ROUTE);
  assert.deepEqual(
    [r.status, r.stderr],
    [
      2,
      "exconn: --to: 'Tokyo' is a routing group, not a mail domain; use --to-group 'Tokyo' to route to it (--to takes an e-mail address or a domain)\n",
    ],
  );
  assert.equal(exconn(['route', '--from', 'Paris', '--to', 'someone@tokyo'], ROUTE).status, 0);
  assert.equal(exconn(['route', '--from', 'Paris', '--to', 'example.com'], ROUTE).status, 0);
});
