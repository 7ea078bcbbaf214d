import { describe, expect, it } from 'vitest';
import { jobEvents } from '../../src/app/jobEvents.js';
import { fakeJob, fakePart } from '../helpers/fakeBackend.js';

describe('jobEvents', () => {
  it('logs a render starting, a part failing or retried, and the job ending', () => {
    const running = fakeJob();
    expect(jobEvents([], [running], 5)).toEqual([{ at: 5, source: 'render', severity: 'info', text: 'render r1 started: 40 frames in 4 parts' }]);
    const failing = fakeJob({ parts: [fakePart(1, { state: 'failed' }), fakePart(2, { state: 'retrying' }), fakePart(3), fakePart(4)] });
    expect(jobEvents([running], [failing], 6)).toEqual([
      { at: 6, source: 'render', severity: 'error', text: 'render r1: part 1 (frames 1-10) failed; log /tmp/part1.log' },
      { at: 6, source: 'render', severity: 'warning', text: 'render r1: part 2 (frames 11-20) is retried; log /tmp/part2.log' },
    ]);
    expect(jobEvents([failing], [failing], 7)).toEqual([]);
    const failed = { ...failing, state: 'failed' as const, message: 'frames 3, 7 missing (see part-1.log)' };
    expect(jobEvents([failing], [failed], 8)).toEqual([{ at: 8, source: 'render', severity: 'error', text: 'render r1 failed: frames 3, 7 missing (see part-1.log)' }]);
    const cancelled = { ...running, state: 'cancelled' as const };
    expect(jobEvents([running], [cancelled], 9).map((e) => e.text)).toEqual(['render r1 cancelled, 16/40 frames kept']);
  });
});
