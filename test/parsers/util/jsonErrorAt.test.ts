import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonErrorAt } from '../../../parsers/util/jsonErrorAt.js';

describe('jsonErrorAt', () => {
  it('-1 for valid JSON of every kind, agreeing with JSON.parse', () => {
    fc.assert(fc.property(fc.jsonValue(), fc.boolean(), (value, pretty) => {
      const text = JSON.stringify(value, null, pretty ? 2 : undefined);
      expect(jsonErrorAt(text)).toBe(-1);
    }), { numRuns: 300 });
  });

  it('the offset of the first bad character', () => {
    expect(jsonErrorAt('{"a": [1, oops]}')).toBe(10);
    expect(jsonErrorAt('{"a" 1}')).toBe(5);
    expect(jsonErrorAt('[1,]')).toBe(3);
    expect(jsonErrorAt('{"a":1,}')).toBe(7);
    expect(jsonErrorAt('{} x')).toBe(3);
    expect(jsonErrorAt('{"a":')).toBe(5);
    expect(jsonErrorAt('"a"true')).toBe(3);
  });

  it('never accepts what JSON.parse refuses, on truncated and edited JSON', () => {
    fc.assert(fc.property(fc.jsonValue(), fc.double({ min: 0, max: 1, noNaN: true }), fc.string({ maxLength: 3 }), (value, at, junk) => {
      const text = JSON.stringify(value);
      const i = Math.floor(at * text.length);
      const edited = text.slice(0, i) + junk + text.slice(i + 1);
      let valid = true;
      try { JSON.parse(edited); } catch { valid = false; }
      expect(jsonErrorAt(edited) === -1).toBe(valid);
    }), { numRuns: 500 });
  });

  it('deep nesting does not overflow the stack', () => {
    expect(jsonErrorAt(`${'['.repeat(200_000)}${']'.repeat(200_000)}`)).toBe(-1);
  });
});
