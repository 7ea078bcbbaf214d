import { describe, expect, it } from 'vitest';
import { mean, median, percentile, perSecond, ratio, slope } from '../../../bench/lib/stats.js';

describe('percentile', () => {
  it('interpolates between the two nearest ranks', () => {
    expect(percentile([1, 2, 3, 4], 50)).toBe(2.5);
    expect(percentile([10, 20, 30, 40, 50], 25)).toBe(20);
    expect(percentile([0, 100], 99)).toBeCloseTo(99, 10);
  });

  it('does not depend on the order of the samples', () => {
    expect(percentile([5, 1, 4, 2, 3], 50)).toBe(3);
    expect(percentile([5, 1, 4, 2, 3], 100)).toBe(5);
    expect(percentile([5, 1, 4, 2, 3], 0)).toBe(1);
  });

  it('clamps p to 0-100, gives the value for one sample and NaN for none', () => {
    expect(percentile([1, 2, 3], 150)).toBe(3);
    expect(percentile([1, 2, 3], -5)).toBe(1);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });

  it('leaves the input array alone', () => {
    const samples = [3, 1, 2];
    percentile(samples, 50);
    expect(samples).toEqual([3, 1, 2]);
  });
});

describe('median and mean', () => {
  it('give the middle and the average', () => {
    expect(median([9, 1, 5])).toBe(5);
    expect(median([1, 2, 3, 10])).toBe(2.5);
    expect(mean([1, 2, 3, 10])).toBe(4);
    expect(mean([])).toBeNaN();
  });
});

describe('ratio', () => {
  it('divides value by baseline', () => {
    expect(ratio(5, 10)).toBe(0.5);
    expect(ratio(30, 10)).toBe(3);
  });

  it('is null for a zero or non-finite baseline or value', () => {
    expect(ratio(5, 0)).toBeNull();
    expect(ratio(Number.NaN, 1)).toBeNull();
    expect(ratio(1, Number.POSITIVE_INFINITY)).toBeNull();
  });
});

describe('perSecond', () => {
  it('turns a count over milliseconds into a rate per second', () => {
    expect(perSecond(500, 250)).toBe(2000);
    expect(perSecond(1, 0)).toBeNaN();
  });
});

describe('slope', () => {
  it('finds the least-squares slope', () => {
    expect(slope([[0, 1], [1, 3], [2, 5]])).toBeCloseTo(2, 10);
    expect(slope([[0, 4], [10, 4], [20, 4]])).toBe(0);
    expect(slope([[0, 0], [1, 1], [2, 0], [3, 1]])).toBeCloseTo(0.2, 10);
  });

  it('is NaN with fewer than two distinct x values', () => {
    expect(slope([[1, 1]])).toBeNaN();
    expect(slope([[2, 1], [2, 5]])).toBeNaN();
  });
});
