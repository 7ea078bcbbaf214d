import { describe, expect, it } from 'vitest';
import { cpuTimeSeconds } from '../../../parsers/util/cpuTime.js';

describe('cpuTimeSeconds', () => {
  it.each([
    ['0:17', 17], ['227:33', 227 * 60 + 33], ['1:02:03', 3723], ['2-01:00:00', 2 * 86400 + 3600],
    ['1234m', 1234 * 60], ['31h', 31 * 3600], ['4d', 4 * 86400], ['2w', 2 * 604800],
  ])('%s is %i seconds', (text, seconds) => {
    expect(cpuTimeSeconds(text)).toBe(seconds);
  });

  it.each(['', '0:0x', '1:60', '12', 'm', '3y', '-1:00'])('%j is not a CPU time', (text) => {
    expect(cpuTimeSeconds(text)).toBeNull();
  });
});
