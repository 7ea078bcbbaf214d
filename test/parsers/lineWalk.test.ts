// mps, mtop and openmosix status walk their lines by position in an lfText: the text itself when
// it has no CR and no terminal escape, else its lines (splitLineTexts) joined by LF. Both ways
// must read the same lines, so the same lines joined by LF (read in place), by CRLF, or by LF with
// a reset escape at the end of every line, parse alike: the same value, warnings, error and line.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMps, parseMtop, parseOpenMosixStatus } from '../../parsers/index.js';
import { splitLineTexts } from '../../parsers/util/lines.js';
import { realCaptures, textFixtures } from './fixtureCases.js';

const PARSERS = { mps: parseMps, mtop: parseMtop, 'openmosix status': parseOpenMosixStatus };
const seeds = [...textFixtures().map((fixture) => fixture.input), ...realCaptures().map((capture) => capture.text)];
const junk = fc.constantFrom('', '\n', '  ', 'x', '\x1b[7m', '-1', '0:00', 'PID', 'OpenMosix range 1-2 begins at 10.0.0.1\n', '\u00a0', '\t');

const twins = (lines: readonly string[]): string[] => [lines.join('\r\n'), lines.map((line) => `${line}\x1b[0m`).join('\n')];

describe('lines walked by position', () => {
  it('the same lines parse alike, joined by LF, by CRLF, or by LF with escapes', () => {
    let values = 0;
    fc.assert(fc.property(fc.nat(seeds.length - 1), fc.double({ min: 0, max: 1, noNaN: true }), junk, (pick, where, insert) => {
      const seed = seeds[pick] ?? '';
      const at = Math.floor(where * seed.length);
      const lines = splitLineTexts(seed.slice(0, at) + insert + seed.slice(at));
      for (const parse of Object.values(PARSERS)) {
        const expected = parse(lines.join('\n'));
        if (expected.ok) values += 1;
        for (const twin of twins(lines)) expect(parse(twin)).toEqual(expected);
      }
    }), { numRuns: 1500 });
    expect(values).toBeGreaterThan(300);
  });
});
