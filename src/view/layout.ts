// Where each pane goes for a terminal size. Wide terminals get the load history beside the nodes
// and the render pane beside the processes; narrow ones stack them and fold the history into a column.

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

export function computeLayout(cols: number, rows: number, nodeCount: number, hasAlert: boolean): Layout | TooSmall {
  if (cols < MIN_COLS || rows < MIN_ROWS) return { kind: 'tooSmall', needCols: MIN_COLS, needRows: MIN_ROWS, cols, rows };
  const header = rect(0, 0, cols, 1);
  const alert = hasAlert ? rect(0, 1, cols, 1) : null;
  const bodyTop = hasAlert ? 2 : 1;
  const bodyHeight = rows - bodyTop - 2;
  // Border (2) + column header (1) + one line per node, but never more than 40 % of the body.
  const wide = cols >= WIDE_COLS;
  // Wide screens draw the load history as a line chart beside the nodes; it needs about 12 rows
  // for a readable plot (contrib keeps 3 of them for its axis), so the top row grows to that.
  const wanted = wide ? Math.max(nodeCount + 3, WIDE_TOP_ROWS) : nodeCount + 3;
  const nodesHeight = Math.max(4, Math.min(wanted, Math.floor(bodyHeight * 0.4)));
  const historyWidth = wide ? Math.min(50, Math.max(30, Math.floor(cols * 0.3))) : 0;
  const nodes = rect(0, bodyTop, cols - historyWidth, nodesHeight);
  const history = wide ? rect(cols - historyWidth, bodyTop, historyWidth, nodesHeight) : null;
  const lowerTop = bodyTop + nodesHeight;
  const lowerHeight = bodyHeight - nodesHeight;
  let processes: Rect;
  let render: Rect;
  if (wide) {
    const renderWidth = Math.min(64, Math.max(44, Math.floor(cols * 0.4)));
    processes = rect(0, lowerTop, cols - renderWidth, lowerHeight);
    render = rect(cols - renderWidth, lowerTop, renderWidth, lowerHeight);
  } else {
    const renderHeight = Math.max(5, Math.floor(lowerHeight * 0.35));
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
