import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseTimezone, safeSegments, timezoneOf } from '../../client/src/importPlan';

test('the time zone typed: ±HH:MM on a quarter hour within ±14:00, or UTC', () => {
  assert.equal(parseTimezone('+01:00'), 60);
  assert.equal(parseTimezone(' UTC-05:30 '), -330);
  assert.equal(parseTimezone('z'), 0);
  for (const bad of ['+1:00', '+01:10', '+14:15', '01:00', '', '+01:60']) assert.equal(parseTimezone(bad), undefined, bad);
});

test('the default time zone is the machine’s, written as the prompt expects', () => {
  const east = (minutes: number) => ({ getTimezoneOffset: () => -minutes }) as Date;
  assert.equal(timezoneOf(east(60)), '+01:00');
  assert.equal(timezoneOf(east(-330)), '-05:30');
  assert.equal(timezoneOf(east(0)), '+00:00');
  assert.equal(parseTimezone(timezoneOf(east(345))), 345);
});

test('only relative paths of plain segments are written', () => {
  assert.deepEqual(safeSegments('europe/paris/paris.routinggroup.yaml'), ['europe', 'paris', 'paris.routinggroup.yaml']);
  for (const bad of ['../x.yaml', 'a/../../x', '/etc/x', 'a//b', 'a\\..\\b', 'c:/x', 'a/./b'])
    assert.equal(safeSegments(bad), undefined, bad);
});
