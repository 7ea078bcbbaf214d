// parseRenderCommand under the same kind of fuzz as the table parsers (robustness.test.ts): real
// command lines (the tutorial's script from /proc and from mps, its blender children, blenders
// started by hand) mutated, arbitrary bytes, and long hostile lines. Whatever the text, it gives a
// value that can be true — a script whose ranges are render.sh's split of its own numbers, a
// blender whose frames are whole and in order — or, past 1 MB, an error on line 1; never a throw,
// and a long line costs CPU time linear in its length.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type RenderCommand, parseRenderCommand, scriptSplit } from '../../parsers/renderCommand.js';
import { cpuTimed } from '../helpers/cpuTime.js';
import { impossibleValues } from './invariants.js';

const SEEDS = [
  '/bin/sh\0render\0blacksmith-jpeg.blend\x001\x00235\x004\0',
  '/bin/sh render blacksmith-jpeg.blend 1 235 4',
  'blender\0-b\0blacksmith-jpeg.blend\0-s\x002\0-e\x0059\0-a\0',
  '/usr/bin/blender -b /srv/shot.blend -o //out/frame_ -F PNG -f 7',
  'blender -b scene.blend -S Shot2 -E CYCLES -o /tmp/f_#### -s 1 -e 48 -j 2 -a',
  'blender -b a.blend -f 1,3..5,9 -t 1',
  './render.sh demo.blend 0 1000 2',
  'sh -c while :; do :; done',
];
const JUNK = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc.constantFrom('\0', ' ', '-a', '-f', '-s', '-e', '-j', '..', ',', '+2', '-1', '99999999999', '.blend', '1..999999999', 'render', 'sh'),
);
const mutated = fc
  .tuple(fc.constantFrom(...SEEDS), fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.nat(3), JUNK), { minLength: 1, maxLength: 5 }))
  .map(([seed, edits]) => edits.reduce((text, [where, cut, junk]) => {
    const at = Math.floor(where * text.length);
    return text.slice(0, at) + junk + text.slice(at + cut);
  }, seed));

function checkCommand(command: RenderCommand | null): void {
  expect(impossibleValues(command)).toEqual([]);
  if (command === null) return;
  if (command.kind === 'script') {
    for (const number of [command.start, command.end, command.parts]) expect(Number.isSafeInteger(number) && number >= 0).toBe(true);
    expect(command.ranges).toEqual(scriptSplit(command.start, command.end, command.parts));
    return;
  }
  expect(command.step >= 1 && Number.isSafeInteger(command.step)).toBe(true);
  const { frames } = command;
  if (Array.isArray(frames)) {
    // Whole frame numbers, as many as one command line may ask for (frameListArg's bound).
    expect(frames.every((frame) => Number.isSafeInteger(frame) && frame >= 0)).toBe(true);
    expect(frames.length).toBeLessThanOrEqual(1_000_000);
  } else if (frames !== null) {
    const span = frames as { first: number; last: number };
    expect(Number.isSafeInteger(span.first) && Number.isSafeInteger(span.last)).toBe(true);
  }
}

function check(text: string): void {
  const result = parseRenderCommand(text);
  if (!result.ok) {
    expect(text.length).toBeGreaterThan(1_000_000);
    expect(result.error.line).toBe(1);
    return;
  }
  checkCommand(result.value);
  for (const warning of result.warnings) {
    expect(warning.line).toBe(1);
    expect(warning.message).not.toMatch(/^$/);
  }
}

describe('parseRenderCommand under fuzz', () => {
  it('reads every mutated real command line into a possible render or none', () => {
    let renders = 0;
    fc.assert(fc.property(mutated, (text) => {
      check(text);
      const result = parseRenderCommand(text);
      if (result.ok && result.value !== null) renders += 1;
    }), { numRuns: 3000 });
    // The mutations leave many lines still renders, so the value checks above did run.
    expect(renders).toBeGreaterThan(300);
  });

  it('survives arbitrary bytes', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 400 }), check), { numRuns: 500 });
  });

  it('reads a long hostile command line in linear time', { timeout: 120_000 }, () => {
    const long = fc.record({
      seed: fc.constantFrom(...SEEDS),
      unit: fc.constantFrom(' -f 1', ',1', '1..2,', ' -s', '\0-a', 'a'.repeat(7), ' x.blend', '/', '  '),
      length: fc.integer({ min: 20_000, max: 60_000 }),
    }).map(({ seed, unit, length }) => seed + unit.repeat(Math.ceil(length / unit.length)));
    fc.assert(fc.property(long, (text) => {
      const { ms } = cpuTimed(() => check(text));
      expect(ms).toBeLessThan(1500);
    }), { numRuns: 40 });
  });
});
