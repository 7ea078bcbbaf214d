// The readers check shapes by character code and compute short values by hand; these properties
// hold them to the plain definitions (a regex for the shape, Number() for the value).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readDecimal, readInt, readUnsignedDecimalIn, readUnsignedIntIn } from '../../../parsers/util/numbers.js';

function referenceInt(text: string): number | null {
  if (!/^[-+]?\d+$/.test(text)) return null;
  const value = Number(text);
  return Number.isSafeInteger(value) ? value : null;
}

function referenceDecimal(text: string): number | null {
  return /^[-+]?\d+(?:\.\d+)?$/.test(text) && text.length <= 30 ? Number(text) : null;
}

const numberLike = fc.oneof(
  fc.string({ unit: fc.constantFrom('0', '1', '5', '9', '-', '+', '.', 'e', ' ', '\u0661'), maxLength: 24 }),
  fc.tuple(fc.constantFrom('', '-', '+'), fc.stringMatching(/^\d{1,18}$/), fc.stringMatching(/^\d{1,18}$/))
    .map(([sign, whole, fraction]) => `${sign}${whole}.${fraction}`),
  fc.constantFrom('-0', '-0.0', '9007199254740991', '9007199254740992', '123456789012345', '0.1', '85.5', '160.8'),
);

describe('number readers', () => {
  it('read integers exactly as the regex and Number() define them (-0 included)', () => {
    fc.assert(fc.property(numberLike, (text) => Object.is(readInt(text), referenceInt(text))), { numRuns: 20000 });
  });

  it('read decimals to the very double Number() gives', () => {
    fc.assert(fc.property(numberLike, (text) => Object.is(readDecimal(text), referenceDecimal(text))), { numRuns: 20000 });
  });

  it('apply ranges after reading', () => {
    expect(readInt('4194305', { min: 0, max: 4194304 })).toBeNull();
    expect(readInt('-1', { min: -1, max: 65535 })).toBe(-1);
    expect(readDecimal('-0.5', { min: 0 })).toBeNull();
  });

  // The in-place readers give readInt/readDecimal's value for an unsigned cell and null for
  // anything else (the caller then uses readInt/readDecimal), whatever stands around the cell.
  // (In a row a cell ends at whitespace; a digit right after it would only make these decline.)
  const around = fc.tuple(fc.constantFrom('', ' ', '7', '.5', 'x', ':'), fc.constantFrom('', ' ', '.', 'x', ':'));

  it('read an unsigned integer cell in place as readInt reads it, or decline', () => {
    const range = { min: 0, max: 4194304 };
    fc.assert(fc.property(numberLike, around, (text, [before, after]) => {
      const found = readUnsignedIntIn(`${before}${text}${after}`, before.length, before.length + text.length, range);
      const unsigned = /^\d{1,15}$/.test(text);
      expect(found).toBe(unsigned ? readInt(text, range) : null);
    }), { numRuns: 20000 });
  });

  it('read an unsigned decimal cell in place as readDecimal reads it, or decline', () => {
    const range = { min: 0, max: 100 };
    fc.assert(fc.property(numberLike, around, (text, [before, after]) => {
      const found = readUnsignedDecimalIn(`${before}${text}${after}`, before.length, before.length + text.length, range);
      const unsigned = /^\d+(?:\.\d+)?$/.test(text);
      expect(Object.is(found, unsigned ? readDecimal(text, range) : null)).toBe(true);
    }), { numRuns: 20000 });
  });
});
