import { describe, expect, it } from 'vitest';
import { bar, displayWidth, fit, formatCpuTime, formatDuration, humanBytes, sparkline } from '../../src/text/format.js';

describe('format', () => {
  it('prints memory in binary units as free -h does', () => {
    expect(humanBytes(512)).toBe('512B');
    expect(humanBytes(1536)).toBe('1.5K');
    expect(humanBytes(268423168)).toBe('256M');
    expect(humanBytes(3.9 * 1024 ** 3)).toBe('3.9G');
    expect(humanBytes(null)).toBe('-');
  });

  it('fits text to a width, cutting with an ellipsis and counting wide characters twice', () => {
    expect(fit('blender', 10)).toBe('blender   ');
    expect(fit('blender', 10, 'right')).toBe('   blender');
    expect(fit('blender -b scene.blend', 10)).toBe('blender -…');
    expect(displayWidth('日本')).toBe(4);
    expect(displayWidth(fit('日本語のファイル', 7))).toBe(7);
    expect(fit('a\tb', 3)).toBe('a b');
  });

  it('formats CPU time like ps and durations for people', () => {
    expect(formatCpuTime(75)).toBe('01:15');
    expect(formatCpuTime(3725)).toBe('1:02:05');
    expect(formatDuration(45)).toBe('45s');
    expect(formatDuration(725)).toBe('12m05s');
    expect(formatDuration(7380)).toBe('2h03m');
    expect(formatDuration(5)).toBe('5s');
    expect(formatDuration(3725)).toBe('1h02m');
    expect(formatDuration(null)).toBe('-');
  });

  it('draws bars and sparklines of the requested width', () => {
    expect(bar(0.5, 4)).toBe('██··');
    expect(bar(1.7, 3)).toBe('███');
    expect(bar(null, 3)).toBe('   ');
    expect(sparkline([0, 50, 100], 100, 3)).toBe('▁▅█');
    expect(sparkline([100, null], 100, 4)).toBe('  █ ');
  });
});
