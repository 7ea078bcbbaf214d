// Where each pane goes for a terminal size. Wide terminals get the load history beside the nodes
// and, while there are render jobs, the render pane beside the processes; narrow ones stack them
// and fold the history into a column. With no render job the render pane is a one-line strip.

export interface Rect {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

export interface Layout {
  readonly kind: 'panes';
  readonly header: Rect;
  readonly alert: Rect | null;
  readonly nodes: Rect;
  /** null: no room for a separate history pane; the node table gets a sparkline column. */
  readonly history: Rect | null;
  readonly processes: Rect;
  readonly render: Rect;
  readonly status: Rect;
  readonly footer: Rect;
}

export interface TooSmall {
  readonly kind: 'tooSmall';
  readonly needCols: number;
  readonly needRows: number;
  readonly cols: number;
  readonly rows: number;
}

export const MIN_COLS = 60;
export const MIN_ROWS = 16;
const WIDE_COLS = 110;
const WIDE_TOP_ROWS = 12;

const rect = (left: number, top: number, width: number, height: number): Rect => ({ left, top, width, height });

/** Rows the process pane keeps before the others get more: border, column header and 3 processes. */
const MIN_PROCESS_ROWS = 6;
/** The render pane with nothing to show: one line in a border, under the processes. */
const RENDER_STRIP_ROWS = 3;

/**
 * @param renderJobs render jobs to show: with none the render pane is a one-line strip under the
 * processes, so the process table (and its COMMAND column) gets the whole width.
 */
export function computeLayout(cols: number, rows: number, nodeCount: number, hasAlert: boolean, renderJobs = 0): Layout | TooSmall {
  if (cols < MIN_COLS || rows < MIN_ROWS) return { kind: 'tooSmall', needCols: MIN_COLS, needRows: MIN_ROWS, cols, rows };
  const header = rect(0, 0, cols, 1);
  const alert = hasAlert ? rect(0, 1, cols, 1) : null;
  const bodyTop = hasAlert ? 2 : 1;
  const bodyHeight = rows - bodyTop - 2;
  const wide = cols >= WIDE_COLS;
  const beside = wide && renderJobs > 0;
  // The render pane under the processes takes at least a strip; beside them it takes no height.
  const renderBelow = beside ? 0 : RENDER_STRIP_ROWS;
  // Border (2) + column header (1) + one line per node, but never more than 40 % of the body, and
  // never so much that fewer than 3 processes are left. Wide screens draw the load history as a
  // line chart beside the nodes; it needs about 12 rows for a readable plot (contrib keeps 3 for
  // its axis), so the top row grows to that.
  const wanted = wide ? Math.max(nodeCount + 3, WIDE_TOP_ROWS) : nodeCount + 3;
  const nodesHeight = Math.max(4, Math.min(wanted, Math.floor(bodyHeight * 0.4), bodyHeight - MIN_PROCESS_ROWS - renderBelow));
  const historyWidth = wide ? Math.min(50, Math.max(30, Math.floor(cols * 0.3))) : 0;
  const nodes = rect(0, bodyTop, cols - historyWidth, nodesHeight);
  const history = wide ? rect(cols - historyWidth, bodyTop, historyWidth, nodesHeight) : null;
  const lowerTop = bodyTop + nodesHeight;
  const lowerHeight = bodyHeight - nodesHeight;
  let processes: Rect;
  let render: Rect;
  if (beside) {
    const renderWidth = Math.min(64, Math.max(44, Math.floor(cols * 0.4)));
    processes = rect(0, lowerTop, cols - renderWidth, lowerHeight);
    render = rect(cols - renderWidth, lowerTop, renderWidth, lowerHeight);
  } else {
    const share = renderJobs > 0 ? Math.max(5, Math.floor(lowerHeight * 0.35)) : RENDER_STRIP_ROWS;
    const renderHeight = Math.max(RENDER_STRIP_ROWS, Math.min(share, lowerHeight - MIN_PROCESS_ROWS));
    processes = rect(0, lowerTop, cols, lowerHeight - renderHeight);
    render = rect(0, lowerTop + lowerHeight - renderHeight, cols, renderHeight);
  }
  return {
    kind: 'panes', header, alert, nodes, history, processes, render,
    status: rect(0, rows - 2, cols, 1),
    footer: rect(0, rows - 1, cols, 1),
  };
}

/** Inside a bordered pane. */
export function inner(r: Rect): { cols: number; rows: number } {
  return { cols: Math.max(0, r.width - 2), rows: Math.max(0, r.height - 2) };
}
