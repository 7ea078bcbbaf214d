import { describe, expect, it } from 'vitest';
import { ReadSchedule, spreadOf } from '../../../src/backends/openmosix/readSchedule.js';

describe('ReadSchedule', () => {
  it('makes a reading never made due, and a good one due again one period later', () => {
    const schedule = new ReadSchedule();
    expect(schedule.isDue('mem', 1, 0)).toBe(true);
    schedule.done('mem', 1, 0, 10_000, 0);
    schedule.done('mem', 1, 0, 10_000, 0);
    expect(schedule.isDue('mem', 1, 9_999)).toBe(false);
    expect(schedule.isDue('mem', 1, 10_000)).toBe(true);
    expect(schedule.isDue('speed', 1, 9_999)).toBe(true);
  });

  it('shortens only the first period by the spread, so nodes read together come due apart', () => {
    const schedule = new ReadSchedule();
    const ids = [1, 2, 3, 4];
    ids.forEach((id, index) => schedule.done('mem', id, 0, 10_000, spreadOf(index, ids.length)));
    const firstDue = (id: number) => [...Array(11).keys()].map((s) => s * 1000).find((at) => schedule.isDue('mem', id, at));
    expect(ids.map(firstDue)).toEqual([9000, 7000, 4000, 2000]);
    schedule.done('mem', 4, 2000, 10_000, spreadOf(3, 4));
    expect(schedule.isDue('mem', 4, 11_999)).toBe(false);
    expect(schedule.isDue('mem', 4, 12_000)).toBe(true);
  });

  it('makes a reading due again at once, for one node or for all, and forgets unlisted nodes', () => {
    const schedule = new ReadSchedule();
    for (const id of [1, 2]) for (const kind of ['mem', 'flags']) schedule.done(kind, id, 0, 10_000, 0);
    schedule.dueNow('mem', 1);
    expect([schedule.isDue('mem', 1, 1), schedule.isDue('mem', 2, 1)]).toEqual([true, false]);
    schedule.allDueNow('flags');
    expect([schedule.isDue('flags', 1, 1), schedule.isDue('flags', 2, 1)]).toEqual([true, true]);
    schedule.keepOnly(new Set([1]));
    schedule.done('mem', 2, 5000, 10_000, 0.5);
    // Node 2 was forgotten, so this is its first reading again: shortened by the spread.
    expect(schedule.isDue('mem', 2, 10_000)).toBe(true);
    expect(schedule.isDue('mem', 1, 1)).toBe(true);
  });
});
