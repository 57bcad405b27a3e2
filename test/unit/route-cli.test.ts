import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT, fixture } from '../helpers/paths';

/** Runs the built CLI as a process in the route fixture's folder. */
function exconn(...args: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'route', ...args], { cwd: fixture('route'), encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('exconn route --format json prints the routes and exits 0 when delivered', () => {
  const r = exconn('--from', 'Paris', '--to', 'user@example.com', '--format', 'json');
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.equal(out.delivered, true);
  assert.deepEqual(out.routes, [
    {
      totalCost: 11,
      exit: 'connector',
      hops: [
        { connector: 'Paris to Boston', from: 'Paris', to: 'Boston', cost: 1 },
        { connector: 'Boston Internet', from: 'Boston', to: '*', cost: 10 },
      ],
    },
  ]);
  assert.ok(out.passedOver.some((p: { connector: string; reason: string }) => p.connector === 'Paris Internet' && p.reason === 'cost'));
});

test('exconn route text: one line per hop, then the passed-over candidates', () => {
  const r = exconn('--from', 'Paris', '--to', 'user@example.com', '--size', '6000', '.');
  assert.equal(r.status, 0, r.stderr);
  const lines = r.stdout.split('\n');
  assert.equal(lines[0], 'From Paris to user@example.com (6000 KB, normal priority, non-system): delivered');
  assert.equal(lines[1], 'Route 1, total cost 20:');
  assert.equal(lines[2], '  Paris -> * via "Paris Internet" (cost 20)');
  assert.equal(lines[3], 'Passed over:');
  assert.ok(lines.includes('  "Boston Internet": size: the message (6000 KB) is not smaller than its size limit (5000 KB)'), r.stdout);
});

test('exconn route: an unreachable group is delivered false with exit status 1', () => {
  const r = exconn('--from', 'Paris', '--to-group', 'Oslo', '--format', 'json');
  assert.equal(r.status, 1);
  const out = JSON.parse(r.stdout);
  assert.equal(out.delivered, false);
  assert.deepEqual(out.routes, []);
});

test('exconn route: an unknown --from or --to-group, or a missing target, is exit 2 naming it', () => {
  const a = exconn('--from', 'Atlantis', '--to', 'x@example.com');
  assert.equal(a.status, 2);
  assert.match(a.stderr, /--from: no routing group named 'Atlantis'/);
  const b = exconn('--from', 'Paris', '--to-group', 'Atlantis');
  assert.equal(b.status, 2);
  assert.match(b.stderr, /--to-group: no routing group named 'Atlantis'/);
  const c = exconn('--from', 'Paris');
  assert.equal(c.status, 2);
  assert.match(c.stderr, /give one of --to ADDRESS and --to-group ROUTING_GROUP/);
  assert.equal(exconn('--from', 'Paris', '--to', 'x@example.com', '--priority', 'urgent').status, 2);
  const d = exconn('--from', 'Paris', '--to', 'user@');
  assert.equal(d.status, 2);
  assert.match(d.stderr, /--to: 'user@' is neither an e-mail address nor a domain/);
});

/** Runs the built CLI in the hop-by-hop fixture's folder. */
function hops(...args: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'route', ...args], { cwd: fixture('route-hops'), encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('exconn route: a DNS exit is delivered (exit 0) and says which group sends by DNS', () => {
  const r = hops('--from', 'Nairobi', '--to', 'someone@example.com');
  assert.equal(r.status, 0, r.stderr);
  const lines = r.stdout.split('\n');
  assert.equal(lines[0], 'From Nairobi to someone@example.com (1 KB, normal priority, non-system): delivered');
  assert.deepEqual(lines.slice(1, 3), ['Route 1, total cost 0:', '  then by DNS from the SMTP virtual servers of Nairobi']);
  const json = JSON.parse(hops('--from', 'Nairobi', '--to', 'someone@example.com', '--format', 'json').stdout);
  assert.deepEqual(json.routes, [{ totalCost: 0, exit: 'dns', hops: [] }]);
});

test('exconn route: a loop is not delivered (exit 1), with the groups in order and NDR 5.4.6', () => {
  const r = hops('--from', 'Nairobi', '--to', 'buyer@fabrikam.com');
  assert.equal(r.status, 1);
  const lines = r.stdout.split('\n');
  assert.equal(
    lines[0],
    'From Nairobi to buyer@fabrikam.com (1 KB, normal priority, non-system): not delivered: loops: London → Paris → London (NDR 5.4.6)',
  );
  assert.deepEqual(lines.slice(1, 4), [
    'Loop:',
    '  London -> Paris via "London to Paris" (cost 1)',
    '  Paris -> London via "Paris to London" (cost 1)',
  ]);
  const json = JSON.parse(hops('--from', 'Nairobi', '--to', 'buyer@fabrikam.com', '--format', 'json').stdout);
  assert.equal(json.delivered, false);
  assert.deepEqual(json.loop, ['London', 'Paris', 'London']);
});

test('exconn route: hop by hop, re-routed at Johannesburg; oversize only above thresholdKB', () => {
  const r = hops('--from', 'Nairobi', '--to', 'a@partner.net');
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(r.stdout.split('\n').slice(1, 4), [
    'Route 1, total cost 2:',
    '  Nairobi -> Johannesburg via "Nairobi to Johannesburg" (cost 1)',
    '  Johannesburg -> *.partner.net via "Johannesburg Partner" (cost 1)',
  ]);
  assert.equal(hops('--from', 'Johannesburg', '--to', 'x@example.com', '--size', '2000').status, 0);
  assert.equal(hops('--from', 'Johannesburg', '--to', 'x@example.com', '--size', '2001').status, 1);
});
