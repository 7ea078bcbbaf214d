// A frame costs what changed: drawing the same frame again hands blessed no new content and sends
// the terminal nothing; a frame where one pane changed sends that pane's changed text alone.
import blessed from 'blessed';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createStore } from '../../src/store/store.js';
import { initialUiState } from '../../src/state/ui.js';
import { createDashboardView } from '../../src/ui/dashboardView.js';
import { createTheme } from '../../src/ui/theme.js';
import { toFrameVm, type FrameVm } from '../../src/view/frame.js';
import { fakeSnapshot } from '../helpers/fakeBackend.js';
import { createScreenHarness, type ScreenHarness } from '../helpers/screenHarness.js';

let h: ScreenHarness | null = null;
afterEach(() => {
  vi.restoreAllMocks();
  h?.destroy();
  h = null;
});

/** Every blessed element's methods (not in @types/blessed's runtime namespace). */
const elementMethods = (blessed as unknown as { widget: { Element: { prototype: blessed.Widgets.BlessedElement } } }).widget.Element.prototype;

function frameOf(): FrameVm {
  const store = createStore();
  store.ingest(fakeSnapshot());
  const ui = { ...initialUiState({ readonly: false, intervalMs: 1000 }), focus: 'processes' as const };
  return toFrameVm({ snapshot: store.latest(), loadHistory: (id) => store.history(id).load, jobs: [], ui, notice: null, cols: 120, rows: 40 });
}

describe('redrawing the dashboard', () => {
  it('sets no content and writes nothing for an unchanged frame; a changed pane alone is set and written', async () => {
    h = createScreenHarness(120, 40);
    const view = createDashboardView(h.screen, createTheme(true));
    const frame = frameOf();
    if (frame.kind !== 'panes') throw new Error(`expected panes, got ${frame.kind}`);
    view.draw(frame);
    h.screen.render();
    await h.lines();
    const setContent = vi.spyOn(elementMethods, 'setContent');
    const setLabel = vi.spyOn(elementMethods, 'setLabel');
    const before = h.written().length;

    view.draw(frame);
    // The load chart's canvas sets its own drawing while rendering: only what draw() sets counts.
    expect(setContent).not.toHaveBeenCalled();
    expect(setLabel).not.toHaveBeenCalled();
    h.screen.render();
    await h.lines();
    expect(h.written().length).toBe(before);

    const [first, ...rest] = frame.processes.lines;
    if (first === undefined) throw new Error('the fake cluster shows no process');
    const changed: FrameVm = { ...frame, processes: { ...frame.processes, lines: [{ ...first, text: first.text.replace(/blender/, 'BLENDER') }, ...rest] } };
    setContent.mockClear();
    view.draw(changed);
    // The process table paints its rows as cells (widgets/cells.ts): no content is set at all.
    expect(setContent).not.toHaveBeenCalled();
    expect(setLabel).not.toHaveBeenCalled();
    h.screen.render();
    const lines = await h.lines();
    expect(lines.some((line) => line.includes('BLENDER'))).toBe(true);
    expect(h.written().slice(before)).toContain('BLENDER');
  });
});
