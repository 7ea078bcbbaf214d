// Keys → UiActions. This file only translates: what a key means is in actions/keyRouting + KEYMAP.
import type blessed from 'blessed';
import { resolveKey } from '../reducer/keyRouting.js';
import type { UiAction, UiState } from '../state/ui.js';

interface BlessedKey {
  readonly full?: string;
  readonly name?: string;
}

/** Listens to every key on the screen; returns the function that stops listening. */
export function bindKeys(screen: blessed.Widgets.Screen, currentUi: () => UiState, dispatch: (action: UiAction) => void): () => void {
  const onKey = (ch: string | undefined, key: BlessedKey | undefined): void => {
    const full = key?.full ?? ch;
    if (full === undefined) return;
    const action = resolveKey(currentUi(), { full, ch });
    if (action !== null) dispatch(action);
  };
  screen.on('keypress', onKey);
  return () => {
    screen.removeListener('keypress', onKey);
  };
}
