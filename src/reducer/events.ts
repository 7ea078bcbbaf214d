// Everything that changes UiState: a key's command from the key table, input to an open dialog,
// and news from the app (a command's result, a render that started).
import type { KeyId } from '../state/keyTable.js';
import type { PaneId, RenderFormFields, StatusLine } from '../state/ui.js';
import type { RenderRequest } from '../launcher/types.js';

export type UiEvent =
  | { readonly type: 'key'; readonly id: KeyId }
  | { readonly type: 'confirmYes' }
  /** Esc / n: close whatever is open, doing nothing. */
  | { readonly type: 'dismiss' }
  | { readonly type: 'overlayMove'; readonly delta: number }
  | { readonly type: 'overlayChoose' }
  | { readonly type: 'textInput'; readonly text: string }
  | { readonly type: 'textBackspace' }
  /** A click on a pane: focus it and select list row `row` (null: not on a row, only focus). */
  | { readonly type: 'pointAt'; readonly pane: PaneId; readonly row: number | null }
  /** The mouse wheel, `delta` rows, over `pane` (null: over no pane, e.g. a dialog). */
  | { readonly type: 'wheel'; readonly pane: PaneId | null; readonly delta: number }
  | { readonly type: 'status'; readonly status: StatusLine }
  | { readonly type: 'renderStarted'; readonly jobId: string; readonly message: string }
  /** Text to read (a job's details or log): opens the text dialog, or refreshes the log it follows. */
  | { readonly type: 'showText'; readonly title: string; readonly lines: readonly string[]; readonly follow: string | null; readonly update: boolean }
  /** The form's render did not start: why, and (frames already on disk) how many, so the form can ask. */
  | {
      readonly type: 'renderRefused';
      readonly request: RenderRequest;
      readonly fields: RenderFormFields;
      readonly error: string;
      readonly framesExist: { readonly existing: number; readonly total: number; readonly folder: string } | null;
    }
  /** Blender's answer about the .blend typed in the form. */
  | {
      readonly type: 'blendInspected';
      readonly file: string;
      readonly result:
        | { readonly ok: true; readonly pattern: string; readonly frameStart: number; readonly frameEnd: number }
        | { readonly ok: false; readonly error: string };
    };
