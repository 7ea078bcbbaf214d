// reduceUi: the dashboard's one state transition. Pure: (state, event, latest data) → (state, effects).
import { canDo, unavailableLine } from '../cluster/abilities.js';
import { describeKey, policyOf, type KeyId } from '../state/keyTable.js';
import { listWith } from '../state/list.js';
import type { PaneId, UiState } from '../state/ui.js';
import { CLUSTER_KEYS } from './clusterKeys.js';
import { DASHBOARD_KEYS } from './dashboardKeys.js';
import type { UiEvent } from './events.js';
import { run, unchanged, withStatus, type ReduceContext, type Reduction } from './reduceContext.js';
import { reduceOverlay } from './reduceOverlay.js';
import { reducePointer } from './pointer.js';
import { PROCESS_KEYS } from './processKeys.js';
import { SLURM_KEYS, slurmOverride } from './slurmKeys.js';
import { reduceRenderNews, RENDER_KEYS } from './renderKeys.js';
import { jobActive } from '../state/selectors.js';

export type { ReduceContext, Reduction } from './reduceContext.js';
export { INTERVAL_STEPS_MS } from './dashboardKeys.js';

/** One handler per command of the key table: a command without one does not type-check. */
const HANDLERS: { readonly [Id in KeyId]: (ui: UiState, ctx: ReduceContext) => Reduction } = {
  ...DASHBOARD_KEYS, ...PROCESS_KEYS, ...CLUSTER_KEYS, ...SLURM_KEYS, ...RENDER_KEYS,
};

const PANE_NAMES: Readonly<Record<PaneId, string>> = {
  nodes: 'Nodes', processes: 'Processes', render: 'Render',
};

/** The key table's policy first (what the backend can do, read-only, the pane it acts in), then the command's own handler. */
function reduceKey(ui: UiState, id: KeyId, ctx: ReduceContext): Reduction {
  const policy = policyOf(id);
  const backend = ctx.snapshot?.backend;
  // On Slurm some openMosix keys do the closest Slurm thing; the others the backend cannot run.
  const slurmMeaning = slurmOverride(id, ctx);
  if (slurmMeaning === undefined && policy.needs !== null && backend !== undefined && !canDo(backend, policy.needs)) {
    return withStatus(ui, unavailableLine(`"${describeKey(id)}"`, policy.needs, backend), 'error');
  }
  if (policy.mutates && ui.readonly) {
    return withStatus(ui, `read-only mode: "${describeKey(id)}" is disabled (omtop was started with --readonly)`, 'error');
  }
  if (policy.pane !== null && policy.pane !== ui.focus) {
    return withStatus(ui, `"${describeKey(id)}" works in the ${PANE_NAMES[policy.pane]} pane (Tab moves there)`, 'error');
  }
  return (slurmMeaning ?? HANDLERS[id])(ui, ctx);
}

function quit(ui: UiState, ctx: ReduceContext): Reduction {
  const asking = ui.overlay?.kind === 'confirm' && ui.overlay.effect.kind === 'quit';
  const running = ctx.jobs.filter((job) => job.origin !== 'observed' && jobActive(job)).length;
  if (asking || running === 0) return run(ui, { kind: 'quit' });
  const question = `${running} render${running === 1 ? '' : 's'} running: stop ${running === 1 ? 'it' : 'them'} and quit? Finished frames are kept.`;
  return { ui: { ...ui, overlay: { kind: 'confirm', question, effect: { kind: 'quit' } } }, effects: [] };
}

export function reduceUi(ui: UiState, event: UiEvent, ctx: ReduceContext): Reduction {
  if (event.type === 'status') return { ui: { ...ui, status: event.status }, effects: [] };
  if (event.type === 'renderStarted') {
    return { ui: { ...ui, jobs: listWith(event.jobId), status: { text: event.message, kind: 'ok' } }, effects: [] };
  }
  if (event.type === 'showText') {
    const open = ui.overlay;
    // A log update lands only while its dialog is still open; a new text opens unless another dialog is.
    if (event.update) {
      if (open?.kind !== 'text' || open.follow !== event.follow) return unchanged(ui);
    } else if (open !== null && open.kind !== 'text') {
      return unchanged(ui);
    }
    return { ui: { ...ui, overlay: { kind: 'text', title: event.title, lines: event.lines, follow: event.follow }, status: event.update ? ui.status : null }, effects: [] };
  }
  if (event.type === 'renderRefused' || event.type === 'blendInspected') return reduceRenderNews(ui, event);
  // Quit works with any dialog open; with renders of this session running it asks first (a second q or Ctrl-C says yes).
  if (event.type === 'key' && event.id === 'quit') return quit(ui, ctx);
  if (event.type === 'pointAt' || event.type === 'wheel') return reducePointer(ui, event, ctx);
  if (ui.overlay !== null) return reduceOverlay(ui, ui.overlay, event, ctx);
  // Esc (or Enter again) closes the detail view, back to the list.
  if (ui.detail !== null && event.type === 'dismiss') return { ui: { ...ui, detail: null }, effects: [] };
  return event.type === 'key' ? reduceKey(ui, event.id, ctx) : unchanged(ui);
}
