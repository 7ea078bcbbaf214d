import { describe, expect, it } from 'vitest';
import { formatNumber, formatTarget, meetsTarget } from '../../../bench/lib/row.js';

describe('meetsTarget', () => {
  it('checks the ratio or the value, whichever the target names', () => {
    expect(meetsTarget({ value: 100, ratio: 0.6, target: { on: 'ratio', atLeast: 0.5 } })).toBe(true);
    expect(meetsTarget({ value: 100, ratio: 0.4, target: { on: 'ratio', atLeast: 0.5 } })).toBe(false);
    expect(meetsTarget({ value: 12, ratio: 0.1, target: { on: 'value', atMost: 10 } })).toBe(false);
    expect(meetsTarget({ value: 10, target: { on: 'value', atMost: 10 } })).toBe(true);
  });

  it('checks both bounds when both are given', () => {
    const target = { on: 'value' as const, atLeast: 1, atMost: 2 };
    expect(meetsTarget({ value: 1.5, target })).toBe(true);
    expect(meetsTarget({ value: 0.5, target })).toBe(false);
    expect(meetsTarget({ value: 2.5, target })).toBe(false);
  });

  it('is null without a target or without the number it is about', () => {
    expect(meetsTarget({ value: 1 })).toBeNull();
    expect(meetsTarget({ value: null, target: { on: 'value', atMost: 1 } })).toBeNull();
    expect(meetsTarget({ value: 1, ratio: null, target: { on: 'ratio', atMost: 1 } })).toBeNull();
  });
});

describe('formatTarget', () => {
  it('writes ratios with × and values with their unit', () => {
    expect(formatTarget({ on: 'ratio', atLeast: 0.5 }, 'MB/s')).toBe('≥ 0.5×');
    expect(formatTarget({ on: 'value', atMost: 10 }, 'ms')).toBe('≤ 10 ms');
    expect(formatTarget(undefined, 'ms')).toBe('');
  });
});

describe('formatNumber', () => {
  it('keeps about three significant digits and groups thousands', () => {
    expect(formatNumber(1234567.8)).toBe('1,234,568');
    expect(formatNumber(123.4)).toBe('123');
    expect(formatNumber(12.34)).toBe('12.3');
    expect(formatNumber(1.234)).toBe('1.23');
    expect(formatNumber(0.01234)).toBe('0.012');
    expect(formatNumber(0)).toBe('0');
  });

  it('shows a dash for a missing number', () => {
    expect(formatNumber(null)).toBe('—');
    expect(formatNumber(undefined)).toBe('—');
  });
});
