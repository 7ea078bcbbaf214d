import { afterEach, describe, expect, it } from 'vitest';
import { createTheme, wantsColor } from '../../src/ui/theme.js';
import { createFakeBackend } from '../helpers/fakeBackend.js';
import { startDashboard, type DashboardHarness } from '../helpers/dashboardHarness.js';

let h: DashboardHarness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

describe('theme', () => {
  it('NO_COLOR set and non-empty turns colour off', () => {
    expect(wantsColor({})).toBe(true);
    expect(wantsColor({ NO_COLOR: '' })).toBe(true);
    expect(wantsColor({ NO_COLOR: '1' })).toBe(false);
  });

  it('colours tones, or uses only bold/underline without colour', () => {
    expect(createTheme(true).tone('migrated', 'x')).toBe('{yellow-fg}x{/}');
    expect(createTheme(false).tone('migrated', 'x')).toBe('{bold}x{/}');
    expect(createTheme(false).tone('down', 'x')).toBe('x');
    expect(createTheme(false).border(true)).toBeUndefined();
  });

  it('without colour no cell on screen has a foreground or background colour', async () => {
    h = await startDashboard(createFakeBackend(), { color: false });
    const coloured = await colouredCells(h);
    expect(coloured).toBe(0);
  });

  it('with colour, migrated processes are coloured', async () => {
    h = await startDashboard(createFakeBackend(), { color: true });
    expect(await colouredCells(h)).toBeGreaterThan(0);
  });
});

async function colouredCells(harness: DashboardHarness): Promise<number> {
  await harness.lines();
  let count = 0;
  // blessed's cell buffer (toolchain notes §2, way A): lines[y][x] = [attr, ch]; not in @types/blessed.
  const { lines } = harness.screen as unknown as { lines: Array<Array<[number, string]>> };
  for (const row of lines) {
    for (const [attr] of row) {
      // blessed packs attributes as flags << 18 | fg << 9 | bg; 0x1ff is "default" for both.
      const fg = (attr >> 9) & 0x1ff;
      const bg = attr & 0x1ff;
      if (fg !== 0x1ff || bg !== 0x1ff) count += 1;
    }
  }
  return count;
}
