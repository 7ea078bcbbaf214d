// Keys that change how the process pane shows processes: the detail view (Enter), grouping by
// node (t), kernel threads (K), scrolling long command lines (←/→) and clearing the filter (Esc).
import type { KeyId } from '../state/keyTable.js';
import { isGroupKey } from '../state/processRows.js';
import { selectedRow } from '../state/selectors.js';
import type { UiState } from '../state/ui.js';
import { unchanged, withStatus, type ReduceContext, type Reduction } from './reduceContext.js';

type KeyHandler = (ui: UiState, ctx: ReduceContext) => Reduction;

/** Columns ←/→ move the COMMAND column by. */
export const COMMAND_SCROLL_STEP = 8;

function scrollCommand(direction: 1 | -1): KeyHandler {
  return (ui, ctx) => {
    const most = ctx.shown.across ?? 0;
    if (most === 0 && ui.commandOffset === 0) return withStatus(ui, 'every command line fits: nothing to scroll');
    const next = Math.max(0, Math.min(most, ui.commandOffset + direction * COMMAND_SCROLL_STEP));
    return next === ui.commandOffset ? unchanged(ui) : { ui: { ...ui, commandOffset: next }, effects: [] };
  };
}

export const PROCESS_KEYS = {
  openDetail: (ui, ctx) => {
    const row = selectedRow(ui, ctx.snapshot, ctx.jobs);
    if (row === undefined) return withStatus(ui, 'no process selected', 'error');
    if (row.kind === 'group') return withStatus(ui, `that is node ${row.node}'s total: select a process under it (↓)`, 'error');
    return { ui: { ...ui, detail: { pid: row.process.pid } }, effects: [] };
  },
  toggleGroup: (ui, ctx) => {
    const grouped = !ui.groupByNode;
    // A node's total row selected when the groups go away: select its first process instead.
    const key = ui.processes.key;
    const processes = !grouped && key !== null && isGroupKey(key) ? { ...ui.processes, key: null } : ui.processes;
    const nodes = new Set((ctx.snapshot?.processes ?? []).map((p) => p.node)).size;
    return withStatus({ ...ui, groupByNode: grouped, processes },
      grouped ? `processes grouped by the node they run on (${nodes} node${nodes === 1 ? '' : 's'}); t lists them as one` : 'processes as one list; t groups them by node');
  },
  toggleKernelThreads: (ui, ctx) => {
    const shown = !ui.showKernelThreads;
    const count = (ctx.snapshot?.processes ?? []).filter((p) => p.kernelThread === true).length;
    const backend = ctx.snapshot?.backend;
    const text = count === 0
      ? `no process is marked as a kernel thread${backend === undefined ? '' : ` by the ${backend} backend`}`
      : `${count} kernel threads ${shown ? 'shown, in [brackets]' : 'hidden'} (K ${shown ? 'hides' : 'shows'} them)`;
    return withStatus({ ...ui, showKernelThreads: shown }, text);
  },
  scrollLeft: scrollCommand(-1),
  scrollRight: scrollCommand(1),
  clearFilter: (ui) => (ui.filterText === ''
    ? withStatus(ui, 'no filter to clear (/ filters processes)')
    : withStatus({ ...ui, filterText: '' }, `filter "${ui.filterText}" cleared`)),
} satisfies Partial<Record<KeyId, KeyHandler>>;
