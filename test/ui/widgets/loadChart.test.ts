// The load history chart: directly on a headless screen (colours, NO_COLOR), and inside the
// dashboard over the demo cluster (wide layout, 80×24, resizes).
import { afterEach, describe, expect, it, vi } from 'vitest';
import type blessed from 'blessed';
import { createDemoBackend } from '../../../src/backends/demo.js';
import { createTheme } from '../../../src/ui/theme.js';
import { createLoadChart, seriesColour } from '../../../src/ui/widgets/loadChart.js';
import { toLoadChartVm } from '../../../src/view/loadHistory.js';
import { createFakeBackend, fakeSnapshot } from '../../helpers/fakeBackend.js';
import { startDashboard, type DashboardHarness } from '../../helpers/dashboardHarness.js';
import { createScreenHarness, type ScreenHarness } from '../../helpers/screenHarness.js';

const BRAILLE = /[\u2800-\u28ff]/;
const BRAILLE_ALL = /[\u2800-\u28ff]/g;
/** An ANSI colour (30-37) right before a braille cell: how drawille colours a series. */
const COLOURED_DOT = /\x1b\[3([0-7])m[\u2800-\u28ff]/g;

let screen: ScreenHarness | null = null;
let dash: DashboardHarness | null = null;
afterEach(async () => {
  screen?.destroy();
  screen = null;
  await dash?.close();
  dash = null;
});

// Loads far apart, so each node's line has cells of its own.
const spread = (id: number): number[] => Array.from({ length: 30 }, (_, i) => (id - 260) * 60 + (i % 5) * 4);

function drawChart(color: boolean): { chart: blessed.Widgets.BoxElement; legend: string } {
  screen = createScreenHarness(60, 20);
  const widget = createLoadChart(screen.screen, createTheme(color));
  widget.render(toLoadChartVm(fakeSnapshot(), { cols: 38, rows: 10 }, spread), { left: 0, top: 0, width: 40, height: 12 });
  screen.screen.render();
  const legend = widget.element.children
    .map((c) => ('content' in c && typeof c.content === 'string' ? c.content : ''))
    .find((text) => text.includes('N261*')) ?? '';
  return { chart: widget.element, legend };
}

const pane = (lines: string[], left: number, top: number, height: number): string[] =>
  lines.slice(top, top + height).map((l) => l.slice(left));

describe('load chart widget', () => {
  it('draws each node in its own colour and colours the legend to match', () => {
    const { chart, legend } = drawChart(true);
    const colours = new Set([...chart.getContent().matchAll(COLOURED_DOT)].map((m) => m[1]));
    expect(colours.size).toBeGreaterThanOrEqual(3);
    for (const [i, id] of [261, 262, 265, 266].entries()) {
      expect(legend).toMatch(new RegExp(`\\{${seriesColour(i, true)}-fg\\}N${id}`));
    }
  });

  it('with NO_COLOR draws every series in the default colour and the legend without colour', () => {
    const { chart, legend } = drawChart(false);
    expect(chart.getContent()).toMatch(BRAILLE);
    expect([...chart.getContent().matchAll(COLOURED_DOT)]).toEqual([]);
    expect(legend).not.toMatch(/-fg\}/);
    for (const name of ['N261* 76', 'N262 136', 'N265 316', 'N266 376']) expect(legend).toContain(name);
  });
});

describe('load chart redraws', () => {
  it('keeps the canvas for the same plot, draws anew for another; the content is what a fresh drawing gives', () => {
    screen = createScreenHarness(60, 20);
    const widget = createLoadChart(screen.screen, createTheme(true));
    const rect = { left: 0, top: 0, width: 40, height: 12 };
    const vm = toLoadChartVm(fakeSnapshot(), { cols: 38, rows: 10 }, spread);
    const attach = vi.fn();
    widget.element.on('attach', attach);
    widget.render(vm, rect);
    screen.screen.render();
    const first = widget.element.getContent();
    expect(first).toMatch(BRAILLE);
    widget.render(toLoadChartVm(fakeSnapshot(), { cols: 38, rows: 10 }, spread), rect);
    screen.screen.render();
    expect(attach).toHaveBeenCalledTimes(1);
    expect(widget.element.getContent()).toBe(first);

    const higher = (id: number): number[] => spread(id).map((v) => v * 3);
    widget.render(toLoadChartVm(fakeSnapshot(), { cols: 38, rows: 10 }, higher), rect);
    screen.screen.render();
    expect(attach).toHaveBeenCalledTimes(2);
    const other = widget.element.getContent();
    expect(other).not.toBe(first);
    // The same plot drawn by a chart that never drew anything else: nothing of the first lingers.
    const fresh = createLoadChart(screen.screen, createTheme(true));
    fresh.render(toLoadChartVm(fakeSnapshot(), { cols: 38, rows: 10 }, higher), rect);
    screen.screen.render();
    expect(other).toBe(fresh.element.getContent());
  });
});

describe('load chart in the dashboard', () => {
  it('wide layout: a braille line chart beside the nodes, its legend naming the four demo nodes', async () => {
    const backend = createDemoBackend({ seed: 7, realtime: false });
    dash = await startDashboard(backend);
    for (let i = 0; i < 5; i++) await dash.refresh();
    const frame = dash.app.frame();
    if (frame.kind !== 'panes' || frame.layout.history === null) throw new Error('expected the wide layout');
    const { left, top, height } = frame.layout.history;
    const lines = await dash.lines();
    const chart = pane(lines, left, top, height);
    expect(chart[0]).toMatch(/^┌─ Load history · \d+ readings ─+┐$/);
    expect(chart.join('\n')).toMatch(BRAILLE);
    const legend = chart.slice(-3, -1).join(' ');
    const { nodes, localNode } = backend.emulator.inspect();
    expect(nodes).toHaveLength(4);
    for (const node of nodes) expect(legend).toMatch(new RegExp(`N${node.id}${node.id === localNode ? '\\*' : ''} \\d+`));
    // The nodes pane keeps its table; the text sparkline column is only for narrow screens.
    const table = lines.slice(top, top + height).map((l) => l.slice(0, left)).join('\n');
    expect(table).not.toMatch(BRAILLE);
    expect(table).not.toContain('HISTORY');
  });

  it('80×24: no chart, the node table keeps its text sparkline column', async () => {
    dash = await startDashboard(createFakeBackend(), { cols: 80, rows: 24 });
    await dash.refresh();
    const lines = await dash.lines();
    const text = lines.join('\n');
    expect(text).not.toMatch(BRAILLE);
    expect(text).toContain('HISTORY');
    expect(text).not.toContain('Load history');
    for (const id of [261, 262, 265, 266]) expect(text).toMatch(new RegExp(`│\\s*\\*?${id} `));
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(80);
  });

  it('follows resizes: gone at 80×24 and too small, redrawn to the new width when wide again', async () => {
    dash = await startDashboard(createFakeBackend());
    for (let i = 0; i < 3; i++) await dash.refresh();
    const widest = async (): Promise<number> => {
      const frame = dash?.app.frame();
      if (frame?.kind !== 'panes' || frame.layout.history === null || dash === null) throw new Error('expected the wide layout');
      const { left, top, height } = frame.layout.history;
      return Math.max(...pane(await dash.lines(), left, top, height).map((l) => (l.match(BRAILLE_ALL) ?? []).length));
    };
    const at120 = await widest();
    expect(at120).toBeGreaterThan(10);
    await dash.resize(80, 24);
    expect((await dash.lines()).join('\n')).not.toMatch(BRAILLE);
    await dash.resize(50, 12);
    expect((await dash.lines()).join('\n')).toMatch(/omtop needs at least 60×16/);
    await dash.resize(160, 40);
    const at160 = await widest();
    expect(at160).toBeGreaterThan(at120);
    const frame = dash.app.frame();
    if (frame.kind !== 'panes' || frame.layout.history === null) throw new Error('expected the wide layout');
    // The canvas fits the new pane: no braille spills past its right border.
    const { left, width, top, height } = frame.layout.history;
    for (const line of pane(await dash.lines(), left, top, height)) {
      expect(line.slice(width - 1)).not.toMatch(BRAILLE);
      expect(line.length).toBe(width);
    }
  });
});
