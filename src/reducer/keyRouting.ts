// A key press (blessed's key.full name plus the typed character) → the UiEvent it means now.
// With a dialog open every key goes to the dialog; otherwise KEYMAP decides, per focused pane.
import { lookupKey, type KeyId } from '../state/keyTable.js';
import type { UiState } from '../state/ui.js';
import type { UiEvent } from './events.js';

export interface KeyPress {
  /** blessed's key.full: 'up', 'S-b', 'C-c', 'enter', or the character itself. */
  readonly full: string;
  /** The character typed, when there is one. */
  readonly ch?: string | undefined;
}

const MOVES: Readonly<Record<string, number>> = { up: -1, down: 1, pageup: -10, pagedown: 10, home: -Infinity, end: Infinity };

function printable(key: KeyPress): string | null {
  if (key.ch === undefined || key.full.startsWith('C-') || key.full.startsWith('M-')) return null;
  return /^[^\u0000-\u001f\u007f]+$/.test(key.ch) ? key.ch : null;
}

function dialogKey(ui: UiState, key: KeyPress): UiEvent | null {
  const overlay = ui.overlay;
  if (overlay === null) return null;
  if (key.full === 'escape') return { type: 'dismiss' };
  if (overlay.kind === 'text') return ['q', 'enter'].includes(key.full) ? { type: 'dismiss' } : null;
  if (overlay.kind === 'filter' || overlay.kind === 'renderForm' || overlay.kind === 'reason') {
    if (key.full === 'enter') return { type: 'overlayChoose' };
    if (key.full === 'backspace') return { type: 'textBackspace' };
    if (overlay.kind === 'renderForm') {
      if (key.full === 'tab' || key.full === 'down') return { type: 'overlayMove', delta: 1 };
      if (key.full === 'S-tab' || key.full === 'up') return { type: 'overlayMove', delta: -1 };
    }
    const text = printable(key);
    return text === null ? null : { type: 'textInput', text };
  }
  const move = MOVES[key.full] ?? ({ j: 1, k: -1, g: -Infinity, 'S-g': Infinity } as Readonly<Record<string, number>>)[key.full];
  if (move !== undefined) return { type: 'overlayMove', delta: move };
  if (overlay.kind === 'help' || overlay.kind === 'jobDetail') return ['q', '?', 'f1', 'enter'].includes(key.full) ? { type: 'dismiss' } : null;
  if (overlay.kind === 'events') return ['q', 'S-e', 'enter'].includes(key.full) ? { type: 'dismiss' } : null;
  if (overlay.kind === 'confirm') {
    if (key.full === 'y' || key.full === 'enter') return { type: 'confirmYes' };
    return key.full === 'n' ? { type: 'dismiss' } : null;
  }
  return key.full === 'enter' ? { type: 'overlayChoose' } : null;
}

export function resolveKey(ui: UiState, key: KeyPress): UiEvent | null {
  // blessed reports Enter twice (as 'return' and 'enter'); only 'enter' counts.
  if (key.full === 'return') return null;
  if (key.full === 'C-c') return { type: 'key', id: 'quit' };
  // Like Ctrl-C, Ctrl-Z acts in a form or dialog too: the user expects the shell back.
  if (key.full === 'C-z') return { type: 'key', id: 'suspend' };
  if (ui.overlay !== null) return dialogKey(ui, key);
  if (ui.detail !== null) return detailKey(key);
  const binding = lookupKey(ui.focus, key.full);
  return binding === undefined ? null : { type: 'key', id: binding.id };
}

/** Besides the process keys (which act on the process shown), what works in the detail view. */
const IN_DETAIL: ReadonlySet<KeyId> = new Set<KeyId>(['quit', 'help', 'showEvents', 'togglePause', 'intervalUp', 'intervalDown', 'moveUp', 'moveDown',
  'pageUp', 'pageDown', 'firstRow', 'lastRow']);

/** The detail view: Esc or Enter goes back; the process pane's keys act on the process shown. */
function detailKey(key: KeyPress): UiEvent | null {
  if (key.full === 'escape' || key.full === 'enter') return { type: 'dismiss' };
  const binding = lookupKey('processes', key.full);
  if (binding === undefined) return null;
  const acts = binding.scope === 'processes' && binding.id !== 'scrollLeft' && binding.id !== 'scrollRight';
  return acts || IN_DETAIL.has(binding.id) ? { type: 'key', id: binding.id } : null;
}
