import { describe, expect, it } from 'vitest';
import { initialUiState } from '../../src/state/ui.js';
import { toFrameVm, type PanesFrameVm } from '../../src/view/frame.js';
import { hitTest } from '../../src/view/hitTest.js';
import { fakeProcess, fakeSnapshot } from '../helpers/fakeBackend.js';

const ui = initialUiState({ readonly: false, intervalMs: 2000 });

function frameOf(processCount: number, patch: Partial<typeof ui> = {}): PanesFrameVm {
  const processes = Array.from({ length: processCount }, (_, i) => fakeProcess(100 + i, { cpu: processCount - i }));
  const frame = toFrameVm({
    snapshot: fakeSnapshot({ processes }), loadHistory: () => [], jobs: [], ui: { ...ui, blenderFilter: 'off', ...patch }, notice: null, cols: 120, rows: 40,
  });
  if (frame.kind !== 'panes') throw new Error('expected panes');
  return frame;
}

describe('hitTest', () => {
  it('finds the pane and the list row under a cell, past the border and the column header', () => {
    const frame = frameOf(5);
    const p = frame.layout.processes;
    // Border, column header, then the rows.
    expect(hitTest(frame, 5, p.top + 2)).toEqual({ pane: 'processes', row: 0 });
    expect(hitTest(frame, 5, p.top + 6)).toEqual({ pane: 'processes', row: 4 });
    expect(hitTest(frame, 5, p.top + 1)).toEqual({ pane: 'processes', row: null });
    expect(hitTest(frame, 5, p.top)).toEqual({ pane: 'processes', row: null });
    // Below the last process, and on the side border.
    expect(hitTest(frame, 5, p.top + 7)).toEqual({ pane: 'processes', row: null });
    expect(hitTest(frame, p.left, p.top + 2)).toEqual({ pane: 'processes', row: null });
    const n = frame.layout.nodes;
    expect(hitTest(frame, 3, n.top + 3)).toEqual({ pane: 'nodes', row: 1 });
    // The load history belongs with the nodes; the header and footer lines are no pane.
    const history = frame.layout.history;
    expect(history).not.toBeNull();
    if (history !== null) expect(hitTest(frame, history.left + 3, history.top + 3)).toEqual({ pane: 'nodes', row: null });
    expect(hitTest(frame, 3, 0)).toBeNull();
    expect(hitTest(frame, 3, frame.layout.footer.top)).toBeNull();
  });

  it('counts from the row the pane has scrolled to', () => {
    // 100 processes, the 60th selected: the pane shows a later page.
    const frame = frameOf(100, { focus: 'processes', processes: { key: 159, index: 59 } });
    const first = frame.processes.window.first ?? 0;
    expect(first).toBeGreaterThan(0);
    expect(hitTest(frame, 5, frame.layout.processes.top + 2)).toEqual({ pane: 'processes', row: first });
  });

  it('finds nothing under an open dialog', () => {
    const frame = frameOf(5, { overlay: { kind: 'help', scroll: { key: null, index: 0 } } });
    expect(hitTest(frame, 5, frame.layout.processes.top + 2)).toBeNull();
  });
});
