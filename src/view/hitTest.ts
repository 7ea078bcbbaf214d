// Which pane and which list row are at a screen cell, from the frame as drawn: what a mouse click
// or the wheel is over. Pure; the screen's mouse events come through ui/bindMouse.ts.
import { PANES, type PaneId } from '../state/ui.js';
import type { PanesFrameVm } from './frame.js';
import type { Rect } from './layout.js';
import type { PaneVm } from './tableVm.js';

export interface Hit {
  readonly pane: PaneId;
  /** The list row under the cell (an index into the pane's whole list); null: the border, the column header, or below the last row. */
  readonly row: number | null;
}

const inside = (r: Rect, x: number, y: number): boolean => x >= r.left && x < r.left + r.width && y >= r.top && y < r.top + r.height;

/** The list row at screen line `y` of a pane drawn in `r`: inside the border, under the column header. */
function rowAt(vm: PaneVm, r: Rect, x: number, y: number): number | null {
  if (x <= r.left || x >= r.left + r.width - 1) return null;
  const line = y - r.top - 1 - (vm.header === null ? 0 : 1);
  const first = vm.window.first ?? 0;
  const listed = Math.min(vm.window.rows, vm.window.total - first);
  return line >= 0 && line < listed && line < vm.lines.length ? first + line : null;
}

/** The pane and row at column `x`, line `y` (0-based); null when over none (the header, status and footer lines, a dialog). */
export function hitTest(frame: PanesFrameVm, x: number, y: number): Hit | null {
  // A dialog or the detail view covers the panes: what is under it cannot be clicked.
  if (frame.dialog !== null || frame.detail !== null) return null;
  for (const pane of PANES) {
    const r = frame.layout[pane];
    if (inside(r, x, y)) return { pane, row: rowAt(frame[pane], r, x, y) };
  }
  // The load history belongs with the nodes beside it.
  const history = frame.layout.history;
  return history !== null && inside(history, x, y) ? { pane: 'nodes', row: null } : null;
}
