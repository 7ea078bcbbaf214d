// What the pure reducer may look at besides UiState (the latest data, never I/O), what it returns,
// and the few ways a reduction ends.
import type { ClusterSnapshot } from '../model/snapshot.js';
import type { RenderJobView } from '../launcher/types.js';
import { policyOf, type KeyId } from '../state/keyTable.js';
import type { ListWindow } from '../state/list.js';
import type { Effect, StatusLine, UiState } from '../state/ui.js';

export interface ReduceContext {
  readonly snapshot: ClusterSnapshot | null;
  readonly jobs: readonly RenderJobView[];
  /** The list keys move in, as drawn now (the open dialog's, else the focused pane's): PgUp/PgDn
   * move by its rows, and a list that only scrolls (the help) stops with its last row at the bottom. */
  readonly shown: ListWindow;
}

export interface Reduction {
  readonly ui: UiState;
  readonly effects: readonly Effect[];
}

export const unchanged = (ui: UiState): Reduction => ({ ui, effects: [] });

export const withStatus = (ui: UiState, text: string, kind: StatusLine['kind'] = 'info'): Reduction =>
  ({ ui: { ...ui, status: { text, kind } }, effects: [] });

/** Emits an effect; cluster commands show "running…" until their result comes back. */
export function run(ui: UiState, effect: Effect): Reduction {
  const status = effect.kind === 'perform' ? { text: `${effect.label}: running…`, kind: 'running' as const } : ui.status;
  return { ui: { ...ui, overlay: null, status }, effects: [effect] };
}

/** Asks `question`; yes runs `effect`. */
export function confirm(ui: UiState, question: string, effect: Effect): Reduction {
  return { ui: { ...ui, overlay: { kind: 'confirm', question, effect } }, effects: [] };
}

/** Runs `effect` for the command `id`, asking `question` first when the key table's policy says so. */
export function propose(ui: UiState, id: KeyId, question: string, effect: Effect): Reduction {
  return policyOf(id).confirm ? confirm(ui, question, effect) : run(ui, effect);
}
