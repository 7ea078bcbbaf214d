// What the pure reducer may look at besides UiState: the latest data, never I/O.
import type { ClusterSnapshot } from '../model/snapshot.js';
import type { RenderJobView } from '../launcher/types.js';
import type { Effect, StatusLine, UiState } from '../state/ui.js';

export interface ReduceContext {
  readonly snapshot: ClusterSnapshot | null;
  readonly jobs: readonly RenderJobView[];
  /** Rows visible in the focused pane, for PgUp/PgDn. */
  readonly pageSize: number;
}

export interface Reduction {
  readonly ui: UiState;
  readonly effects: readonly Effect[];
}

export const unchanged = (ui: UiState): Reduction => ({ ui, effects: [] });

export const withStatus = (ui: UiState, text: string, kind: StatusLine['kind'] = 'info'): Reduction =>
  ({ ui: { ...ui, status: { text, kind } }, effects: [] });

/** Emits an effect; cluster actions show "running…" until their result comes back. */
export function run(ui: UiState, effect: Effect): Reduction {
  const status = effect.kind === 'perform' ? { text: `${effect.label}: running…`, kind: 'running' as const } : ui.status;
  return { ui: { ...ui, overlay: null, status }, effects: [effect] };
}
