// Keys → UiEvents. This file only translates: what a key means is in reducer/keyRouting.ts and the key table.
import type blessed from 'blessed';
import { resolveKey } from '../reducer/keyRouting.js';
import type { UiEvent } from '../reducer/events.js';
import type { UiState } from '../state/ui.js';

interface BlessedKey {
  readonly full?: string;
  readonly name?: string;
}

/** Listens to every key on the screen; returns the function that stops listening. */
export function bindKeys(screen: blessed.Widgets.Screen, currentUi: () => UiState, dispatch: (event: UiEvent) => void): () => void {
  const onKey = (ch: string | undefined, key: BlessedKey | undefined): void => {
    const full = key?.full ?? ch;
    if (full === undefined) return;
    const event = resolveKey(currentUi(), { full, ch });
    if (event !== null) dispatch(event);
  };
  screen.on('keypress', onKey);
  return () => {
    screen.removeListener('keypress', onKey);
  };
}
