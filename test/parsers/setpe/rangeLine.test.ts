// scanRangeLine reads only the plain range line and leaves everything else (null) to the
// word-by-word reader, so it must accept exactly the lines this pattern describes, with the
// same numbers: `\s` is the same whitespace the word splitter uses, and /i compares ASCII
// letters only, as the scan does. The word reader then gets the same FIRST, LAST and ADDRESS
// texts from these lines (its own tests hold it to its messages).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scanRangeLine } from '../../../parsers/setpe/rangeLine.js';

const PLAIN = /^\s*openmosix\s+range\s+(\d{1,5})-(\d{1,5})\s+begins\s+at\s+(\S+)\s*$/i;

function reference(line: string): { first: number; last: number; address: string } | null {
  const match = PLAIN.exec(line);
  if (match === null) return null;
  const first = Number(match[1]);
  const last = Number(match[2]);
  return first >= 1 && last >= first && last <= 65535 ? { first, last, address: match[3] ?? '' } : null;
}

const edge = fc.constantFrom(' ', '  ', '\t', '\u00a0', '\u2003', '\r', '\v', '', '', '');
const space = fc.oneof({ weight: 12, arbitrary: fc.constantFrom(' ', '  ', '\t', '   ', '\u00a0', '\u2003', '\r', '\v') }, { weight: 1, arbitrary: fc.constant('') });
const word = (text: string): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 20, arbitrary: fc.array(fc.boolean(), { minLength: text.length, maxLength: text.length }).map((upper) => [...text].map((c, i) => (upper[i] ? c.toUpperCase() : c)).join('')) },
    { weight: 1, arbitrary: fc.constantFrom(`${text}x`, text.slice(1), `${text}:`, text.replace('i', 'İ'), text.replace('s', 'ſ'), '') },
  );
const number = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 70000 }).map(String) },
  { weight: 6, arbitrary: fc.integer({ min: 1, max: 300 }).map(String) },
  { weight: 1, arbitrary: fc.constantFrom('00001', '000001', '+5', '-1', '1e3', '', '٣', '99999', '65535', '65536') },
);
const address = fc.oneof({ weight: 4, arbitrary: fc.constantFrom('10.0.1.2', 'node266', '256.1.1.1', '::1') }, { weight: 1, arbitrary: fc.constantFrom('a b', '') }, { weight: 1, arbitrary: fc.string({ maxLength: 6 }) });

const rangeLine = fc
  .tuple(edge, word('openmosix'), space, word('range'), space, number, fc.constantFrom('-', '-', '-', '-', '-', '-', '', '--', '–'), number, space, word('begins'), space, word('at'), space, address, edge)
  .map((parts) => parts.join(''));

// Lines as setpe's printf writes them (`OpenMosix range %5d-%-5d begins at %s`), which the scan
// reads on a path of its own, now and then with one part bent off that shape.
const spaces = fc.oneof({ weight: 30, arbitrary: fc.integer({ min: 1, max: 6 }).map((n) => ' '.repeat(n)) }, { weight: 1, arbitrary: fc.constantFrom('', '\t', ' \u00a0', '\r') });
const printedNumber = fc.oneof({ weight: 30, arbitrary: fc.integer({ min: 1, max: 99 }).map(String) }, { weight: 1, arbitrary: number });
const printedAddress = fc.oneof({ weight: 30, arbitrary: fc.constantFrom('10.0.1.2', 'node266', '192.168.0.254') }, { weight: 1, arbitrary: address });
const PRINTED = /^OpenMosix range +\d{1,5}-\d{1,5} +begins at +\S+$/;
/** Mostly `usual`, now and then one of `others`. */
const bent = (usual: fc.Arbitrary<string> | string, ...others: string[]): fc.Arbitrary<string> =>
  fc.oneof({ weight: 30, arbitrary: typeof usual === 'string' ? fc.constant(usual) : usual }, { weight: 1, arbitrary: fc.constantFrom(...others) });
const printedLine = fc
  .tuple(
    bent('', ' ', '\t'), bent('OpenMosix', 'openmosix', 'OPENMOSIX', 'OpenMosi'), bent(' ', '  ', '\t', ''),
    bent('range', 'Range', 'ranges'), spaces, printedNumber, bent('-', '', '–'), printedNumber, spaces,
    bent('begins', 'Begins', 'begin'), bent(' ', '  ', '\t', ''), bent('at', 'AT', 'a'), spaces, printedAddress,
    bent('', ' ', '\t', ' x'),
  )
  .map((parts) => parts.join(''));

describe('scanRangeLine', () => {
  it('reads the lines as setpe prints them, and those bent off their shape, as the pattern does', () => {
    let read = 0;
    let printed = 0;
    fc.assert(fc.property(printedLine, (line) => {
      const expected = reference(line);
      if (expected !== null) read += 1;
      if (expected !== null && PRINTED.test(line)) printed += 1;
      expect(scanRangeLine(line)).toEqual(expected);
    }), { numRuns: 20000 });
    // The printed shape itself, lines bent off it that still read, and lines that do not.
    expect(printed).toBeGreaterThan(2000);
    expect(read - printed).toBeGreaterThan(500);
    expect(read).toBeLessThan(18000);
  });

  it('reads a printed line inside a text as it reads the line alone', () => {
    fc.assert(fc.property(printedLine, printedLine, printedLine, (before, line, after) => {
      const alone = line.replace(/[\r\n]/g, ' ');
      const text = `${before.replace(/[\r\n]/g, ' ')}\n${alone}\n${after}`;
      const from = text.indexOf('\n') + 1;
      expect(scanRangeLine(text, from, from + alone.length)).toEqual(scanRangeLine(alone));
    }), { numRuns: 5000 });
  });

  it('reads exactly the plain range lines, with the numbers and address the pattern gives', () => {
    let read = 0;
    fc.assert(fc.property(rangeLine, (line) => {
      const expected = reference(line);
      if (expected !== null) read += 1;
      expect(scanRangeLine(line)).toEqual(expected);
    }), { numRuns: 20000 });
    // Both sides of the boundary are tried: many lines are read, many are passed on.
    expect(read).toBeGreaterThan(2000);
    expect(read).toBeLessThan(18000);
  });

  it('reads a line inside a text as it reads the line alone', () => {
    fc.assert(fc.property(rangeLine, rangeLine, rangeLine, (before, line, after) => {
      const alone = line.replace(/[\r\n]/g, ' ');
      const text = `${before.replace(/[\r\n]/g, ' ')}\n${alone}\n${after}`;
      const from = text.indexOf('\n') + 1;
      expect(scanRangeLine(text, from, from + alone.length)).toEqual(scanRangeLine(alone));
    }), { numRuns: 5000 });
  });

  it('reads the lines setpe prints', () => {
    expect(scanRangeLine('OpenMosix range     1-8     begins at 10.0.2.1')).toEqual({ first: 1, last: 8, address: '10.0.2.1' });
    expect(scanRangeLine('OpenMosix range   266-266   begins at node266')).toEqual({ first: 266, last: 266, address: 'node266' });
    expect(scanRangeLine('OpenMosix range 8-1 begins at 10.0.2.1')).toBeNull();
    expect(scanRangeLine('OpenMosix range 1-8 begins at 10.0.2.1 extra')).toBeNull();
  });

});
