// reduceUi: the dashboard's one state transition. Pure: (state, action, latest data) → (state, effects).
import { KEYMAP, type KeyActionId } from '../state/keyTable.js';
import { PANES, PROCESS_SORT_KEYS, type UiAction, type UiState } from '../state/ui.js';
import { run, unchanged, withStatus, type ReduceContext, type Reduction } from './reduceContext.js';
import { CLUSTER_KEYS, reduceClusterKey } from './reduceCluster.js';
import { reduceOverlay } from './reduceOverlay.js';
import { effectiveBlenderOnly, orderProcesses, processAt, processViewOf, selectedProcessIndex } from '../view/processTable.js';
import { selectedNodeIndex } from '../view/nodeTable.js';
import { jobsRunning, selectedJobIndex } from '../view/renderPane.js';
import { sortHeader } from '../view/processTable.js';

export type { ReduceContext, Reduction } from './reduceContext.js';

/** Refresh intervals `+`/`-` step through, in milliseconds. */
export const INTERVAL_STEPS_MS = [500, 1000, 2000, 3000, 5000, 10_000, 30_000, 60_000];

const clamp = (value: number, max: number): number => Math.max(0, Math.min(max, value));

function moveSelection(ui: UiState, delta: number, ctx: ReduceContext): Reduction {
  const { snapshot } = ctx;
  if (ui.focus === 'render') {
    const index = selectedJobIndex(ctx.jobs, ui);
    const job = ctx.jobs[clamp(index + delta, ctx.jobs.length - 1)];
    return job === undefined ? unchanged(ui) : { ui: { ...ui, selectedJobId: job.id }, effects: [] };
  }
  if (snapshot === null) return unchanged(ui);
  if (ui.focus === 'nodes') {
    const node = snapshot.nodes[clamp(selectedNodeIndex(snapshot, ui) + delta, snapshot.nodes.length - 1)];
    return node === undefined ? unchanged(ui) : { ui: { ...ui, selectedNode: node.id }, effects: [] };
  }
  const order = orderProcesses(snapshot.processes, processViewOf(ui, snapshot, jobsRunning(ctx.jobs)));
  const index = clamp(selectedProcessIndex(order, ui) + delta, order.length - 1);
  const process = processAt(order, index);
  return process === undefined ? unchanged(ui) : { ui: { ...ui, selectedPid: process.pid, processIndexHint: index }, effects: [] };
}

function stepInterval(ui: UiState, direction: 1 | -1): Reduction {
  const next = direction > 0
    ? INTERVAL_STEPS_MS.find((ms) => ms > ui.intervalMs) ?? ui.intervalMs
    : [...INTERVAL_STEPS_MS].reverse().find((ms) => ms < ui.intervalMs) ?? ui.intervalMs;
  if (next === ui.intervalMs) return withStatus(ui, `refresh interval stays at ${next / 1000}s (the ${direction > 0 ? 'longest' : 'shortest'})`);
  return { ui: { ...ui, intervalMs: next, status: { text: `refreshing every ${next / 1000}s`, kind: 'info' } }, effects: [{ kind: 'setIntervalMs', ms: next }] };
}

function cycleSort(ui: UiState, delta: number): Reduction {
  const index = PROCESS_SORT_KEYS.indexOf(ui.sort.key);
  const key = PROCESS_SORT_KEYS[(index + delta + PROCESS_SORT_KEYS.length) % PROCESS_SORT_KEYS.length] ?? ui.sort.key;
  // Numbers read best biggest-first, text A to Z.
  const descending = key === 'cpu' || key === 'mem' || key === 'time';
  return withStatus({ ...ui, sort: { key, descending } }, `sorting processes by ${sortHeader(key)}`);
}

function reduceKey(ui: UiState, id: KeyActionId, ctx: ReduceContext): Reduction {
  const binding = KEYMAP.find((b) => b.action === id);
  if (CLUSTER_KEYS.has(id)) return reduceClusterKey(ui, id, binding?.description ?? id, ctx);
  switch (id) {
    case 'moveUp': return moveSelection(ui, -1, ctx);
    case 'moveDown': return moveSelection(ui, 1, ctx);
    case 'pageUp': return moveSelection(ui, -Math.max(1, ctx.pageSize), ctx);
    case 'pageDown': return moveSelection(ui, Math.max(1, ctx.pageSize), ctx);
    case 'nextPane':
    case 'prevPane': {
      const step = id === 'nextPane' ? 1 : PANES.length - 1;
      return { ui: { ...ui, focus: PANES[(PANES.indexOf(ui.focus) + step) % PANES.length] ?? ui.focus }, effects: [] };
    }
    case 'help': return { ui: { ...ui, overlay: { kind: 'help', offset: 0 } }, effects: [] };
    case 'quit': return run(ui, { kind: 'quit' });
    case 'intervalUp': return stepInterval(ui, 1);
    case 'intervalDown': return stepInterval(ui, -1);
    case 'togglePause': {
      const paused = !ui.paused;
      return { ui: { ...ui, paused, status: { text: paused ? 'updates paused (space resumes)' : 'updates resumed', kind: 'info' } },
        effects: [{ kind: 'setPaused', paused }] };
    }
    case 'filterText': return { ui: { ...ui, overlay: { kind: 'filter', text: ui.filterText } }, effects: [] };
    case 'toggleBlenderOnly': {
      const on = !effectiveBlenderOnly(ui, ctx.snapshot, jobsRunning(ctx.jobs));
      return withStatus({ ...ui, blenderFilter: on ? 'on' : 'off', processIndexHint: 0 }, on ? 'showing blender processes only' : 'showing all processes');
    }
    case 'sortNext': return cycleSort(ui, 1);
    case 'sortPrev': return cycleSort(ui, -1);
    case 'sortInvert': return withStatus({ ...ui, sort: { ...ui.sort, descending: !ui.sort.descending } },
      `sort order ${ui.sort.descending ? 'ascending' : 'descending'}`);
    default: return withStatus(ui, `no handler for ${id}`, 'error');
  }
}

export function reduceUi(ui: UiState, action: UiAction, ctx: ReduceContext): Reduction {
  if (action.type === 'status') return { ui: { ...ui, status: action.status }, effects: [] };
  if (action.type === 'renderStarted') {
    return { ui: { ...ui, selectedJobId: action.jobId, status: { text: action.message, kind: 'ok' } }, effects: [] };
  }
  // Quit always works, even with a dialog open.
  if (action.type === 'key' && action.id === 'quit') return run(ui, { kind: 'quit' });
  if (ui.overlay !== null) return reduceOverlay(ui, ui.overlay, action);
  return action.type === 'key' ? reduceKey(ui, action.id, ctx) : unchanged(ui);
}
