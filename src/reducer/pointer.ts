// The mouse, already turned into pane and row by view/hitTest.ts: a click focuses the pane under it
// and selects the row; the wheel moves the selection of the pane under it (or the open dialog's list).
import type { UiState } from '../state/ui.js';
import { moveIn } from './dashboardKeys.js';
import type { UiEvent } from './events.js';
import { unchanged, type ReduceContext, type Reduction } from './reduceContext.js';
import { reduceOverlay } from './reduceOverlay.js';

type PointerEvent = Extract<UiEvent, { type: 'pointAt' | 'wheel' }>;

export function reducePointer(ui: UiState, event: PointerEvent, ctx: ReduceContext): Reduction {
  if (event.type === 'wheel') {
    // Over a dialog the wheel scrolls its list, as ↑/↓ do there.
    if (ui.overlay !== null) return reduceOverlay(ui, ui.overlay, { type: 'overlayMove', delta: event.delta }, ctx);
    // In the detail view it shows the previous/next process, as ↑/↓ do.
    if (ui.detail !== null) return moveIn(ui, 'processes', ctx, Math.sign(event.delta));
    if (event.pane === null) return unchanged(ui);
    return moveIn({ ...ui, focus: event.pane }, event.pane, ctx, event.delta);
  }
  // A click while a dialog or the detail view is open does nothing: they are closed from the keyboard.
  if (ui.overlay !== null || ui.detail !== null) return unchanged(ui);
  const focused = { ...ui, focus: event.pane };
  if (event.row === null) return unchanged(focused);
  return moveIn(focused, event.pane, ctx, 0, event.row);
}
