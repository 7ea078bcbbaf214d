// Keys that change only the dashboard: moving, panes, help, refresh, filters and sorting.
import type { KeyId } from '../state/keyTable.js';
import { listAt, moveSelection, selectedIndex, type ListItems, type ListState } from '../state/list.js';
import { effectiveBlenderOnly, PROCESS_SORT_KEYS, sortLabel } from '../state/processQuery.js';
import { batchJobItems, jobItems, jobsRunning, listedBatchJobs, listedProcesses, nodeItems, processItems } from '../state/selectors.js';
import { isGroupKey, type ProcessRows } from '../state/processRows.js';
import { PANES, type PaneId, type UiState } from '../state/ui.js';
import { run, unchanged, withStatus, type ReduceContext, type Reduction } from './reduceContext.js';

type KeyHandler = (ui: UiState, ctx: ReduceContext) => Reduction;

/** Refresh intervals `+`/`-` step through, in milliseconds. */
export const INTERVAL_STEPS_MS = [500, 1000, 2000, 3000, 5000, 10_000, 30_000, 60_000];

/** Moves `list` by `delta` rows, or to row `to` when given (a click). */
function moved<K>(ui: UiState, list: ListState<K>, items: ListItems<K>, delta: number, to: number | undefined, put: (next: ListState<K>) => UiState): Reduction {
  const next = moveSelection(list, items, to === undefined ? delta : to - selectedIndex(list, items));
  return next === list ? unchanged(ui) : { ui: put(next), effects: [] };
}

/** With the detail view open, ↑/↓ show the previous/next process: node total rows are passed over. */
function moveDetail(ui: UiState, rows: ProcessRows, delta: number): Reduction {
  const items = processItems(rows);
  let list = moveSelection(ui.processes, items, delta);
  if (list.key !== null && isGroupKey(list.key)) {
    const past = moveSelection(list, items, Math.sign(delta));
    list = past.key !== null && isGroupKey(past.key) ? ui.processes : past;
  }
  if (list.key === null || isGroupKey(list.key) || list === ui.processes) return unchanged(ui);
  return { ui: { ...ui, processes: list, detail: { pid: list.key } }, effects: [] };
}

/** Moves the selection of `pane` by `delta` rows, or to row `to` (a click); the detail view follows it. */
export function moveIn(ui: UiState, pane: PaneId, ctx: ReduceContext, delta: number, to?: number): Reduction {
  switch (pane) {
    case 'render':
      return moved(ui, ui.jobs, jobItems(ctx.jobs), delta, to, (jobs) => ({ ...ui, jobs }));
    case 'nodes':
      if (ctx.snapshot === null) return unchanged(ui);
      return moved(ui, ui.nodes, nodeItems(ctx.snapshot), delta, to, (nodes) => ({ ...ui, nodes }));
    case 'processes': {
      if (ctx.snapshot === null) return unchanged(ui);
      if (ctx.snapshot.jobs !== undefined) {
        const listed = listedBatchJobs(ui, ctx.snapshot, jobsRunning(ctx.jobs));
        return moved(ui, ui.batchJobs, batchJobItems(listed), delta, to, (batchJobs) => ({ ...ui, batchJobs }));
      }
      const { rows } = listedProcesses(ui, ctx.snapshot, ctx.jobs);
      if (ui.detail !== null) return moveDetail(ui, rows, delta);
      return moved(ui, ui.processes, processItems(rows), delta, to, (processes) => ({ ...ui, processes }));
    }
  }
}

/** Moves the focused pane's selection; `pages` counts in the rows the pane shows. */
function move(delta: number, pages = false): KeyHandler {
  return (ui, ctx) => moveIn(ui, ui.focus, ctx, pages ? delta * Math.max(1, ctx.shown.rows) : delta);
}

function stepInterval(direction: 1 | -1): KeyHandler {
  return (ui) => {
    const next = direction > 0
      ? INTERVAL_STEPS_MS.find((ms) => ms > ui.intervalMs) ?? ui.intervalMs
      : [...INTERVAL_STEPS_MS].reverse().find((ms) => ms < ui.intervalMs) ?? ui.intervalMs;
    if (next === ui.intervalMs) return withStatus(ui, `refresh interval stays at ${next / 1000}s (the ${direction > 0 ? 'longest' : 'shortest'})`);
    return { ui: { ...ui, intervalMs: next, status: { text: `refreshing every ${next / 1000}s`, kind: 'info' } }, effects: [{ kind: 'setIntervalMs', ms: next }] };
  };
}

function cycleSort(delta: number): KeyHandler {
  return (ui) => {
    const index = PROCESS_SORT_KEYS.indexOf(ui.sort.key);
    const key = PROCESS_SORT_KEYS[(index + delta + PROCESS_SORT_KEYS.length) % PROCESS_SORT_KEYS.length] ?? ui.sort.key;
    // Numbers read best biggest-first, text A to Z.
    const descending = key === 'cpu' || key === 'mem' || key === 'time';
    return withStatus({ ...ui, sort: { key, descending } }, `sorting processes by ${sortLabel(key)}`);
  };
}

function focusStep(step: number): KeyHandler {
  return (ui) => ({ ui: { ...ui, focus: PANES[(PANES.indexOf(ui.focus) + step + PANES.length) % PANES.length] ?? ui.focus }, effects: [] });
}

export const DASHBOARD_KEYS = {
  moveUp: move(-1),
  moveDown: move(1),
  pageUp: move(-1, true),
  pageDown: move(1, true),
  firstRow: move(-Infinity),
  lastRow: move(Infinity),
  nextPane: focusStep(1),
  prevPane: focusStep(-1),
  help: (ui) => ({ ui: { ...ui, overlay: { kind: 'help', scroll: listAt() } }, effects: [] }),
  showEvents: (ui) => ({ ui: { ...ui, overlay: { kind: 'events', scroll: listAt() } }, effects: [] }),
  quit: (ui) => run(ui, { kind: 'quit' }),
  suspend: (ui) => run(ui, { kind: 'suspend' }),
  intervalUp: stepInterval(1),
  intervalDown: stepInterval(-1),
  togglePause: (ui) => {
    const paused = !ui.paused;
    return { ui: { ...ui, paused, status: { text: paused ? 'updates paused (space resumes)' : 'updates resumed', kind: 'info' } },
      effects: [{ kind: 'setPaused', paused }] };
  },
  filterText: (ui) => ({ ui: { ...ui, overlay: { kind: 'filter', text: ui.filterText, before: ui.filterText } }, effects: [] }),
  toggleBlenderOnly: (ui, ctx) => {
    const on = !effectiveBlenderOnly(ui, ctx.snapshot, jobsRunning(ctx.jobs));
    return withStatus({ ...ui, blenderFilter: on ? 'on' : 'off', processes: { ...ui.processes, index: 0 } },
      on ? 'showing blender processes only' : 'showing all processes');
  },
  sortNext: cycleSort(1),
  sortPrev: cycleSort(-1),
  sortInvert: (ui) => withStatus({ ...ui, sort: { ...ui.sort, descending: !ui.sort.descending } },
    `sort order ${ui.sort.descending ? 'ascending' : 'descending'}`),
} satisfies Partial<Record<KeyId, KeyHandler>>;
