import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  bitmapToLocal,
  localToBitmap,
  localToWindows,
  windowsToLocal,
  readSchedule,
  presetQuarters,
  parseOffset,
  formatDays,
} from '../../server/src/import/schedule';

/** A bitmap set from UTC quarter numbers, as the SDK describes it: high bit first, Sunday 00:00 UTC is bit 0. */
function utcBitmap(quarters: number[]): Uint8Array {
  const b = new Uint8Array(84);
  for (const q of quarters) b[q >> 3] |= 0x80 >> (q & 7);
  return b;
}

test('bitmap: bit 0 is Sunday 00:00-00:15 UTC, the high bit of byte 0', () => {
  const b = utcBitmap([0]);
  assert.equal(b[0], 0x80);
  assert.deepEqual(readSchedule(1, b, 0), { connectionTime: 'custom', schedule: ['Sun 00:00-00:15'] });
  // At UTC+01:00 the same quarter is Sunday 01:00 local; at UTC-05:00 it is Saturday 19:00.
  assert.deepEqual(readSchedule(1, b, 60)?.schedule, ['Sun 01:00-01:15']);
  assert.deepEqual(readSchedule(1, b, -300)?.schedule, ['Sat 19:00-19:15']);
});

test('windows: days with the same times share a window; a run into the next morning is one window over midnight', () => {
  const local = windowsToLocal(['Mon-Fri 22:00-06:00', 'Sat,Sun 00:00-24:00']);
  // Friday's night runs into a Saturday open all day: that stays two windows.
  assert.deepEqual(localToWindows(local), ['Mon-Thu 22:00-06:00', 'Fri 22:00-24:00', 'Sat,Sun 00:00-24:00']);
  assert.deepEqual(windowsToLocal(localToWindows(local)), local);
  assert.deepEqual(localToWindows(windowsToLocal(['Mon-Fri 06:00-22:00', 'Sat,Sun 00:00-24:00'])), [
    'Mon-Fri 06:00-22:00',
    'Sat,Sun 00:00-24:00',
  ]);
  assert.deepEqual(localToWindows(windowsToLocal(['Mon-Fri 22:00-06:00'])), ['Mon-Fri 22:00-06:00']);
});

test('windows: every bitmap converts exactly, at every offset (pseudo-random bitmaps)', () => {
  let seed = 7;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let n = 0; n < 12; n++) {
    const b = Uint8Array.from({ length: 84 }, () => (rnd() < 0.3 ? 0 : Math.floor(rnd() * 256)));
    for (const offset of [0, 60, -300, 330, 825]) {
      const local = bitmapToLocal(b, offset);
      assert.deepEqual([...localToBitmap(local, offset)], [...b]);
      assert.deepEqual(windowsToLocal(localToWindows(local)), local, `bitmap ${n} at ${offset}`);
    }
  }
});

test('styles: 0 never, 2 always, 1 the schedule; presets recognised by pattern at the offset', () => {
  assert.deepEqual(readSchedule(0, undefined, 0), { connectionTime: 'never' });
  assert.deepEqual(readSchedule(2, undefined, 0), { connectionTime: 'always' });
  assert.deepEqual(readSchedule(1, new Uint8Array(84), 0), { connectionTime: 'never' });
  assert.equal(readSchedule(1, new Uint8Array(83), 0), undefined);
  assert.equal(readSchedule(3, undefined, 0), undefined);
  for (const p of ['every1Hour', 'every2Hours', 'every4Hours', 'dailyAt11PM'] as const) {
    for (const offset of [0, 60, -300])
      assert.deepEqual(readSchedule(1, localToBitmap(presetQuarters(p), offset), offset), { connectionTime: p });
  }
  // Every two hours written at UTC+01:00 but read at UTC is every other odd hour: custom, not the preset.
  assert.equal(readSchedule(1, localToBitmap(presetQuarters('every2Hours'), 60), 0)?.connectionTime, 'custom');
});

test('offsets and day lists', () => {
  assert.equal(parseOffset('+01:00'), 60);
  assert.equal(parseOffset('-05:30'), -330);
  assert.equal(parseOffset('Z'), 0);
  assert.equal(parseOffset('+01:10'), undefined);
  assert.equal(parseOffset('+15:00'), undefined);
  assert.equal(parseOffset('1'), undefined);
  assert.equal(formatDays([1, 2, 3, 4, 5]), 'Mon-Fri');
  assert.equal(formatDays([6, 0]), 'Sat,Sun');
  assert.equal(formatDays([1, 3, 4, 5, 0]), 'Mon,Wed-Fri,Sun');
});
