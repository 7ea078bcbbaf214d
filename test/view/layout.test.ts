import { describe, expect, it } from 'vitest';
import { computeLayout, inner, MIN_COLS, MIN_ROWS, type Layout, type Rect } from '../../src/view/layout.js';

function panes(cols: number, rows: number, alert = false, renderJobs = 1): Layout {
  const layout = computeLayout(cols, rows, 4, alert, renderJobs);
  if (layout.kind !== 'panes') throw new Error('expected panes');
  return layout;
}

const bottom = (r: Rect): number => r.top + r.height;
const right = (r: Rect): number => r.left + r.width;

describe('computeLayout', () => {
  it('at 120×40 with a render job puts history beside the nodes and the render pane beside the processes', () => {
    const l = panes(120, 40);
    expect(l.history).not.toBeNull();
    expect(right(l.nodes)).toBe(l.history?.left);
    // The top row grows past the 4 node rows so the load chart beside them has room to plot.
    expect(l.nodes.height).toBe(12);
    expect(l.history?.height).toBe(12);
    expect(l.processes.top).toBe(l.render.top);
    expect(right(l.processes)).toBe(l.render.left);
    expect(right(l.render)).toBe(120);
    expect(bottom(l.processes)).toBe(l.status.top);
    expect(l.footer.top).toBe(39);
  });

  it('without a render job the render pane is a one-line strip and the processes take the whole width', () => {
    for (const [cols, rows] of [[120, 40], [80, 24], [60, 16]] as const) {
      const l = panes(cols, rows, false, 0);
      expect(l.processes.width, `${cols}×${rows}`).toBe(cols);
      expect(l.render).toEqual({ left: 0, top: bottom(l.processes), width: cols, height: 3 });
      expect(bottom(l.render)).toBe(l.status.top);
    }
  });

  it('at 80×24 stacks the panes, every node row still fits, and nothing overlaps', () => {
    for (const alert of [false, true]) {
      const l = panes(80, 24, alert);
      expect(l.history).toBeNull();
      expect(l.nodes.height).toBeGreaterThanOrEqual(alert ? 6 : 7);
      expect(bottom(l.nodes)).toBe(l.processes.top);
      expect(bottom(l.processes)).toBe(l.render.top);
      expect(bottom(l.render)).toBe(l.status.top);
      expect(l.processes.height).toBeGreaterThanOrEqual(6);
      expect(l.render.height).toBeGreaterThanOrEqual(5);
    }
  });

  it('at the minimum 60×16 the process pane keeps a header and at least 3 processes', () => {
    for (const renderJobs of [0, 1]) {
      const l = panes(MIN_COLS, MIN_ROWS, false, renderJobs);
      expect(inner(l.processes).rows, `${renderJobs} jobs`).toBeGreaterThanOrEqual(4);
      expect(l.nodes.height).toBeGreaterThanOrEqual(4);
      expect(bottom(l.render)).toBe(l.status.top);
    }
    // With the alert line as well, still two processes.
    expect(inner(panes(MIN_COLS, MIN_ROWS, true, 0).processes).rows).toBeGreaterThanOrEqual(3);
  });

  it('below the minimum, says which size it needs', () => {
    expect(computeLayout(MIN_COLS - 1, 40, 4, false)).toEqual({ kind: 'tooSmall', needCols: MIN_COLS, needRows: MIN_ROWS, cols: MIN_COLS - 1, rows: 40 });
    expect(computeLayout(100, MIN_ROWS - 1, 4, false).kind).toBe('tooSmall');
    expect(computeLayout(MIN_COLS, MIN_ROWS, 4, true).kind).toBe('panes');
  });
});
