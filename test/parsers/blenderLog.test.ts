import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseBlenderLine, timecodeSeconds, type BlenderLogEvent } from '../../parsers/blenderLog.js';

function eventsOf(fixture: string): BlenderLogEvent[] {
  const text = readFileSync(new URL(`../../fixtures/blender/${fixture}`, import.meta.url), 'utf8');
  return text.split('\n').map(parseBlenderLine);
}

function savedPaths(events: readonly BlenderLogEvent[]): string[] {
  return events.flatMap((e) => (e.kind === 'saved' ? [e.path] : []));
}

describe('parseBlenderLine on recorded Blender 3.4.1 output', () => {
  it('reads Cycles progress, quoted Saved lines and the separate Time line', () => {
    const events = eventsOf('3.4-cycles.log');
    expect(savedPaths(events)).toEqual([4, 5, 6].map((f) => `/tmp/omtop-fixture/cycles/frame_000${f}.jpg`));
    const frames = new Set(events.flatMap((e) => (e.kind === 'progress' ? [e.frame] : [])));
    expect([...frames]).toEqual([4, 5, 6]);
    const times = events.filter((e) => e.kind === 'time');
    expect(times).toHaveLength(3);
    const samples = events.flatMap((e) => (e.kind === 'progress' && e.sample ? [e.sample] : []));
    expect(samples).toContainEqual({ done: 300, total: 300 });
    expect(events[0]).toEqual({ kind: 'version', version: '3.4.1' });
    expect(events.some((e) => e.kind === 'quit')).toBe(true);
  });

  it('counts Workbench frames from Saved lines alone (no Fra: lines)', () => {
    const events = eventsOf('3.4-workbench.log');
    expect(events.some((e) => e.kind === 'progress')).toBe(false);
    expect(savedPaths(events)).toHaveLength(3);
    expect(events.some((e) => e.kind === 'error')).toBe(false); // EGL noise is not a failure
  });

  it('reads EEVEE sample progress', () => {
    const samples = eventsOf('3.4-eevee.log').flatMap((e) => (e.kind === 'progress' && e.sample ? [e.sample] : []));
    expect(samples.at(-1)).toEqual({ done: 4, total: 4 });
  });

  it('reports skipped existing frames', () => {
    const skipped = eventsOf('3.4-skip-existing.log').flatMap((e) => (e.kind === 'skipped' ? [e.path] : []));
    expect(skipped).toEqual(['/tmp/omtop-fixture/cycles/frame_0005.jpg', '/tmp/omtop-fixture/cycles/frame_0006.jpg']);
  });

  it('reports errors: missing file, missing denoiser, unknown scene', () => {
    const errors = (fixture: string): string[] =>
      eventsOf(fixture).flatMap((e) => (e.kind === 'error' ? [e.message] : []));
    expect(errors('3.4-missing-blend.log')).toEqual([
      "Error: Cannot read file '/tmp/omtop-fixture/missing.blend': No such file or directory",
    ]);
    expect(errors('3.4-no-denoiser.log')).toContain('Error: Build without OpenImageDenoiser');
    expect(errors('3.4-bad-scene.log')[0]).toMatch(/^Can't find scene: 'NoSuchScene'/);
  });
});

describe('parseBlenderLine on hand-written samples of other versions', () => {
  it('2.4x: Saved and Time on one unquoted line', () => {
    const events = eventsOf('2.49-internal.log');
    expect(events.filter((e) => e.kind === 'saved')).toEqual([
      { kind: 'saved', path: '/home/user/blacksmith/rendered/0001.jpg', renderSeconds: 1.23, savingSeconds: null },
      { kind: 'saved', path: '/home/user/blacksmith/rendered/0002.jpg', renderSeconds: 1.19, savingSeconds: null },
    ]);
    expect(events.filter((e) => e.kind === 'progress').map((e) => (e.kind === 'progress' ? e.frame : 0))).toEqual([1, 1, 1, 2]);
  });

  it('2.7x: same-line Saving time, tiles with samples, save errors', () => {
    const events = eventsOf('2.79-cycles.log');
    expect(events).toContainEqual({ kind: 'saved', path: '/home/user/out/frame_0125.png', renderSeconds: 0.31, savingSeconds: 0.02 });
    expect(events).toContainEqual({
      kind: 'progress', frame: 125, elapsedSeconds: 0.13, remainingSeconds: 0.14, sample: { done: 10, total: 10 },
    });
    expect(events).toContainEqual({ kind: 'skipped', path: '/home/user/out/frame_0126.png' });
    expect(events).toContainEqual({ kind: 'error', message: 'Render error: cannot save /readonly/frame_0127.png' });
  });

  it('5.0: strips the stopwatch/category prefix', () => {
    const events = eventsOf('5.0-cycles.log');
    expect(savedPaths(events)).toEqual(['/home/user/out dir/frame_0001.png']);
    expect(events).toContainEqual({ kind: 'time', renderSeconds: 1.06, savingSeconds: 0.02 });
    expect(events).toContainEqual({ kind: 'skipped', path: '/home/user/out dir/frame_0002.png' });
    expect(events).toContainEqual({ kind: 'progress', frame: 4, elapsedSeconds: null, remainingSeconds: null, sample: { done: 24, total: 24 } });
  });
});

describe('parseBlenderLine edge cases', () => {
  it('keeps quotes inside a quoted path', () => {
    expect(parseBlenderLine("Saved: '/tmp/it's \"here\"/frame_0001.png'")).toEqual({
      kind: 'saved', path: "/tmp/it's \"here\"/frame_0001.png", renderSeconds: null, savingSeconds: null,
    });
  });

  it('reads hour-long timecodes', () => {
    expect(timecodeSeconds('01:02:03.50')).toBe(3723.5);
    expect(timecodeSeconds('nonsense')).toBeNull();
    expect(parseBlenderLine(' Time: 01:00:00.00 (Saving: 00:00.10)')).toEqual({ kind: 'time', renderSeconds: 3600, savingSeconds: 0.1 });
  });

  it('never throws, whatever the line', () => {
    fc.assert(fc.property(fc.string(), (line) => {
      expect(typeof parseBlenderLine(line).kind).toBe('string');
    }));
  });
});
