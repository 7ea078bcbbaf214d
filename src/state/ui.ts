// The dashboard's own state and the messages that change it. Plain data: the reducer is pure,
// the app applies the effects, the widgets only read view models built from this.
import type { ClusterCommand, SignalName } from '../cluster/commands.js';
import type { RenderRequest } from '../launcher/types.js';
import type { KeyActionId } from './keyTable.js';

export type PaneId = 'nodes' | 'processes' | 'render';
export const PANES: readonly PaneId[] = ['nodes', 'processes', 'render'];

export type ProcessSortKey = 'pid' | 'user' | 'node' | 'state' | 'cpu' | 'mem' | 'time' | 'command';
export const PROCESS_SORT_KEYS: readonly ProcessSortKey[] = ['pid', 'user', 'node', 'state', 'cpu', 'mem', 'time', 'command'];

/** 'auto': on while a render runs (a job of ours, or blender processes in the cluster). */
export type BlenderFilter = 'auto' | 'on' | 'off';

export interface StatusLine {
  readonly text: string;
  readonly kind: 'info' | 'running' | 'ok' | 'error';
}

export interface PickerOption {
  readonly label: string;
  readonly value: string;
}

/** The render form's fields, as typed (validated on submit). */
export interface RenderFormFields {
  readonly file: string;
  readonly start: string;
  readonly end: string;
  readonly parts: string;
  readonly output: string;
  readonly movie: boolean;
}
export type RenderFormField = keyof RenderFormFields;
export const RENDER_FORM_FIELDS: readonly RenderFormField[] = ['file', 'start', 'end', 'parts', 'output', 'movie'];

/** What is drawn over the panes and gets every key while it is open. */
export type Overlay =
  | { readonly kind: 'help'; readonly offset: number }
  | { readonly kind: 'confirm'; readonly question: string; readonly effect: Effect }
  | {
      readonly kind: 'picker';
      readonly title: string;
      readonly purpose: 'migrate' | 'signal';
      readonly pid: number;
      readonly options: readonly PickerOption[];
      readonly index: number;
    }
  | { readonly kind: 'filter'; readonly text: string }
  | {
      readonly kind: 'renderForm';
      readonly fields: RenderFormFields;
      readonly field: RenderFormField;
      readonly error: string | null;
    };

export interface UiState {
  readonly focus: PaneId;
  readonly readonly: boolean;
  readonly paused: boolean;
  readonly intervalMs: number;
  readonly selectedNode: number | null;
  readonly selectedPid: number | null;
  /** Where the selection was, for when the selected process disappears. */
  readonly processIndexHint: number;
  readonly selectedJobId: string | null;
  readonly sort: { readonly key: ProcessSortKey; readonly descending: boolean };
  readonly filterText: string;
  readonly blenderFilter: BlenderFilter;
  readonly overlay: Overlay | null;
  readonly status: StatusLine | null;
}

/** Side effects the app carries out after a reduction. */
export type Effect =
  | { readonly kind: 'perform'; readonly action: ClusterCommand; readonly label: string }
  | { readonly kind: 'quit' }
  | { readonly kind: 'setIntervalMs'; readonly ms: number }
  | { readonly kind: 'setPaused'; readonly paused: boolean }
  | { readonly kind: 'startRender'; readonly request: RenderRequest }
  | { readonly kind: 'cancelRender'; readonly jobId: string };

export type SignalChoice = SignalName;

export function initialUiState(options: { readonly: boolean; intervalMs: number }): UiState {
  return {
    focus: 'nodes',
    readonly: options.readonly,
    paused: false,
    intervalMs: options.intervalMs,
    selectedNode: null,
    selectedPid: null,
    processIndexHint: 0,
    selectedJobId: null,
    sort: { key: 'cpu', descending: true },
    filterText: '',
    blenderFilter: 'auto',
    overlay: null,
    status: options.readonly ? { text: 'read-only mode: actions are disabled', kind: 'info' } : null,
  };
}

/** Everything that changes UiState: keys from KEYMAP, dialog input, and news from the app. */
export type UiAction =
  | { readonly type: 'key'; readonly id: KeyActionId }
  | { readonly type: 'confirmYes' }
  /** Esc / n: close whatever is open, doing nothing. */
  | { readonly type: 'dismiss' }
  | { readonly type: 'overlayMove'; readonly delta: number }
  | { readonly type: 'overlayChoose' }
  | { readonly type: 'textInput'; readonly text: string }
  | { readonly type: 'textBackspace' }
  | { readonly type: 'status'; readonly status: StatusLine }
  | { readonly type: 'renderStarted'; readonly jobId: string; readonly message: string };
