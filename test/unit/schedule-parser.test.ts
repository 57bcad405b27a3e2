import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isOpen, parseSchedule, parseWindow, roundWindow, formatTime, type ScheduleWindow } from '../../server/src/model/schedule';

const SUN = 0,
  MON = 1,
  TUE = 2,
  WED = 3,
  THU = 4,
  FRI = 5,
  SAT = 6;
const at = (h: number, m = 0) => h * 60 + m;

function window(text: string): ScheduleWindow {
  const p = parseWindow(text);
  assert.ok(p.ok, `'${text}' should parse: ${p.ok ? '' : p.reason}`);
  return p.window;
}

function reason(text: string): string {
  const p = parseWindow(text);
  assert.ok(!p.ok, `'${text}' should not parse`);
  return p.reason;
}

test('days: lists, ranges and ranges that wrap round the week', () => {
  assert.deepEqual([...window('Mon-Fri 18:00-07:00').days].sort(), [MON, TUE, WED, THU, FRI]);
  assert.deepEqual([...window('Sat,Sun 00:00-24:00').days].sort(), [SUN, SAT]);
  assert.deepEqual([...window('Fri-Mon 01:00-02:00').days].sort(), [SUN, MON, FRI, SAT]);
  assert.deepEqual([...window('Mon-Wed,Fri 01:00-02:00').days].sort(), [MON, TUE, WED, FRI]);
  assert.deepEqual([...window('Sun 01:00-02:00').days], [SUN]);
});

test('times: minutes after midnight, with their place in the text', () => {
  const w = window('Mon-Fri 18:00-07:00');
  assert.deepEqual([w.start.minutes, w.end.minutes, w.overnight], [at(18), at(7), true]);
  assert.deepEqual([w.start.offset, w.end.offset], [8, 14]);
  const d = window('Sat,Sun 00:00-24:00');
  assert.deepEqual([d.start.minutes, d.end.minutes, d.overnight], [0, 1440, false]);
});

test('windows that do not parse say why', () => {
  assert.match(reason('Mon-Fri'), /expected days and a time range/);
  assert.match(reason('Mnday 10:00-11:00'), /'Mnday' is not a day/);
  assert.match(reason('Mon-Frx 10:00-11:00'), /'Frx' is not a day/);
  assert.match(reason('Mon,,Tue 10:00-11:00'), /empty day/);
  assert.match(reason('Mon 9:00-11:00'), /'9:00' is not a time/);
  assert.match(reason('Mon 10:00-25:00'), /'25:00' is not a time of day/);
  assert.match(reason('Mon 10:60-11:00'), /'10:60' is not a time of day/);
  assert.match(reason('Mon 24:00-11:00'), /24:00 may only end a window/);
  assert.match(reason('Mon 10:00'), /is not a time range/);
  assert.match(reason('Mon 10:00-11:00-12:00'), /is not a time range/);
});

test('a window that starts when it ends is empty and does not parse', () => {
  assert.match(reason('Mon 10:00-10:00'), /empty/);
  assert.match(reason('Mon 00:00-00:00'), /empty/);
});

test('times off the 15-minute grid still parse', () => {
  const w = window('Mon 10:07-11:00');
  assert.equal(w.start.minutes, at(10, 7));
});

test('isOpen: a daytime window opens on its days, from its start up to (not at) its end', () => {
  const ws = parseSchedule(['Mon-Fri 09:00-17:00']);
  assert.equal(isOpen(ws, MON, at(9)), true);
  assert.equal(isOpen(ws, MON, at(16, 59)), true);
  assert.equal(isOpen(ws, MON, at(17)), false);
  assert.equal(isOpen(ws, MON, at(8, 59)), false);
  assert.equal(isOpen(ws, SAT, at(12)), false);
});

test('isOpen: a window over midnight runs into the next morning, Friday night into Saturday', () => {
  const ws = parseSchedule(['Mon-Fri 18:00-07:00']);
  assert.equal(isOpen(ws, FRI, at(23)), true);
  assert.equal(isOpen(ws, SAT, at(6, 59)), true);
  assert.equal(isOpen(ws, SAT, at(7)), false);
  assert.equal(isOpen(ws, MON, at(6)), false, 'Sunday night is not in the window');
  assert.equal(isOpen(ws, TUE, at(6)), true);
});

test('isOpen: 24:00 ends the day, and windows that do not parse are left out', () => {
  const ws = parseSchedule(['Sat,Sun 00:00-24:00', 'Wed 25:00-26:00']);
  assert.equal(ws.length, 1);
  assert.equal(isOpen(ws, SUN, at(23, 59)), true);
  assert.equal(isOpen(ws, MON, 0), false);
  assert.equal(isOpen(ws, WED, at(12)), false);
});

test('roundWindow: nearest quarter hour; a start never becomes 24:00; an emptied window grows instead', () => {
  const r = (text: string) => {
    const x = roundWindow(window(text));
    return x && `${formatTime(x.start)}-${formatTime(x.end)}`;
  };
  assert.equal(r('Mon 10:07-11:08'), '10:00-11:15');
  assert.equal(r('Mon 23:53-23:58'), '23:45-24:00');
  assert.equal(r('Mon 10:05-10:07'), '10:00-10:15');
  assert.equal(r('Mon 10:05-10:02'), undefined, 'a window of almost a whole day round midnight has no rounding');
});
