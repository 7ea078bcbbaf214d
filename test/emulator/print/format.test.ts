import { describe, expect, it } from 'vitest';
import { fixed1, leftCut, right, rightCut, scaleK, scaleTime } from '../../../src/emulator/print/format.js';

describe('scaleK (procps 2.0 top)', () => {
  it('prints KiB as is when the number fits the column', () => {
    expect(scaleK(39328, 5)).toBe('39328');
    expect(scaleK(848, 4)).toBe('848');
  });

  it('falls back to M with a decimal, then without, as in the tutorial (38M)', () => {
    expect(scaleK(38912, 4)).toBe('38M');
    expect(scaleK(123456, 5)).toBe('120M');
    expect(scaleK(1258291, 5)).toBe('1228M');
    expect(scaleK(1258291, 4)).toBe('1.2G');
  });

  it('goes up to T for very large sizes', () => {
    expect(scaleK(3 * 1024 ** 3, 4)).toBe('3.0T');
  });
});

describe('scaleTime (procps 2.0 top)', () => {
  it('prints m:ss while it fits and whole units after that', () => {
    expect(scaleTime(17, 6)).toBe('0:17');
    expect(scaleTime(227 * 60 + 33, 6)).toBe('227:33');
    expect(scaleTime(1234 * 60 + 5, 6)).toBe('1234m');
    expect(scaleTime(99_999 * 60, 6)).toBe('99999m');
    expect(scaleTime(999_999 * 60, 6)).toBe('16666h');
  });
});

describe('printf helpers', () => {
  it('pads and cuts like %N.Ns and %-N.Ns', () => {
    expect(right(7, 3)).toBe('  7');
    expect(right(12345, 3)).toBe('12345');
    expect(leftCut('longusername', 8)).toBe('longuser');
    expect(rightCut('ab', 4)).toBe('  ab');
  });

  it('prints %4.1f without a negative zero', () => {
    expect(fixed1(-0.01, 4)).toBe(' 0.0');
    expect(fixed1(160.84, 4)).toBe('160.8');
  });
});
