// The load chart's canvas painted as cells gives the screen the cells contrib's own render gave
// (its canvas text handed to blessed as content), in colour and without, at several sizes and scales.
import type blessed from 'blessed';
import { afterEach, describe, expect, it } from 'vitest';
import { createTheme } from '../../../src/ui/theme.js';
import { createLoadChart } from '../../../src/ui/widgets/loadChart.js';
import { toLoadChartVm } from '../../../src/view/loadHistory.js';
import { fakeSnapshot } from '../../helpers/fakeBackend.js';
import { createScreenHarness, type ScreenHarness } from '../../helpers/screenHarness.js';

let harness: ScreenHarness | null = null;
afterEach(() => {
  harness?.destroy();
  harness = null;
});

const cellsOf = (screen: blessed.Widgets.Screen): string =>
  JSON.stringify((screen as unknown as { lines: [number, string][][] }).lines.map((line) => line.map(([attr, ch]) => [attr, ch])));

describe('load chart painted as cells', () => {
  for (const color of [true, false]) {
    it(`gives the cells contrib's render gave (${color ? 'colour' : 'NO_COLOR'})`, () => {
      for (const [width, height, scale] of [[40, 12, 60], [56, 16, 7], [30, 9, 300]] as const) {
        harness = createScreenHarness(70, 20);
        const widget = createLoadChart(harness.screen, createTheme(color));
        const loads = (id: number): number[] => Array.from({ length: 40 }, (_, i) => ((id - 258) * scale + (i % 7) * 3) % 900);
        widget.render(toLoadChartVm(fakeSnapshot(), { cols: width - 2, rows: height - 2 }, loads), { left: 3, top: 2, width, height });
        harness.screen.render();
        const painted = cellsOf(harness.screen);
        expect(painted).toMatch(/[\u2800-\u28ff]/);
        // contrib's own render again, on the same canvas.
        delete (widget.element as unknown as { render?: unknown }).render;
        harness.screen.render();
        expect(painted).toBe(cellsOf(harness.screen));
        harness.destroy();
        harness = null;
      }
    });
  }
});
