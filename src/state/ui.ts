// The dashboard's own state. Plain data: the reducer (src/reducer) decides how it changes, the
// app carries out the effects, the view models (src/view) only read it.
import type { ClusterCommand } from '../cluster/commands.js';
import type { RenderRequest } from '../launcher/types.js';
import { listAt, type ListState } from './list.js';
import type { ProcessSortKey } from './processQuery.js';

export type PaneId = 'nodes' | 'processes' | 'render';
export const PANES: readonly PaneId[] = ['nodes', 'processes', 'render'];

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
  /** Where the parts run: here, or as a Slurm job array (offered only on a Slurm cluster). */
  readonly slurm: boolean;
  /** Turn Cycles denoising off (Debian's blender has no OpenImageDenoise). */
  readonly noDenoising: boolean;
}
export type RenderFormField = keyof RenderFormFields;
export const RENDER_FORM_FIELDS: readonly RenderFormField[] = ['file', 'start', 'end', 'parts', 'output', 'movie', 'noDenoising', 'slurm'];

/** What is drawn over the panes and gets every key while it is open. */
export type Overlay =
  | { readonly kind: 'help'; readonly scroll: ListState<never> }
  /** The event log, newest first: the scroll position counts from the newest. */
  | { readonly kind: 'events'; readonly scroll: ListState<never> }
  | { readonly kind: 'confirm'; readonly question: string; readonly effect: Effect }
  | {
      readonly kind: 'picker';
      readonly title: string;
      /** The command the choice is for: its policy decides whether choosing asks first. */
      readonly purpose: 'migrate' | 'signal' | 'jobSignal';
      readonly pid: number;
      /** For jobSignal: the Slurm job (or array task) id. */
      readonly job?: string;
      readonly options: readonly PickerOption[];
      /** Selected by option value. */
      readonly list: ListState<string>;
    }
  /** The filter as it is typed: the list follows every key; Esc puts `before` back. */
  | { readonly kind: 'filter'; readonly text: string; readonly before: string }
  /** The reason a Slurm drain asks for, typed in. */
  | { readonly kind: 'reason'; readonly node: string; readonly text: string }
  /** Lines to read: a Slurm job's details, or its log followed live (`follow` is the log file). */
  | { readonly kind: 'text'; readonly title: string; readonly lines: readonly string[]; readonly follow: string | null }
  | {
      readonly kind: 'renderForm';
      readonly fields: RenderFormFields;
      readonly field: RenderFormField;
      readonly error: string | null;
      /** What blender said about the .blend typed: where frames go, or why it cannot tell. */
      readonly destination?: FormDestination;
    }
  | {
      /** Frames of the form's render are on disk already: resume, overwrite, or cancel. */
      readonly kind: 'framesExist';
      readonly request: RenderRequest;
      readonly fields: RenderFormFields;
      readonly question: string;
      readonly list: ListState<string>;
    }
  | { readonly kind: 'jobDetail'; readonly jobId: string; readonly scroll: ListState<never> };

/** The render form's line about the .blend typed. */
export type FormDestination =
  | { readonly kind: 'asking'; readonly file: string }
  | { readonly kind: 'known'; readonly file: string; readonly pattern: string }
  | { readonly kind: 'unknown'; readonly file: string; readonly error: string };

export interface UiState {
  readonly focus: PaneId;
  readonly readonly: boolean;
  readonly paused: boolean;
  readonly intervalMs: number;
  /** The node pane, selected by node id: the local node until one is chosen. */
  readonly nodes: ListState<number>;
  /** The process pane, selected by PID: it stays near where it was when that process exits. */
  readonly processes: ListState<number>;
  /** The render pane's jobs, selected by job id: the newest until one is chosen. */
  readonly jobs: ListState<string>;
  /** A Slurm cluster's jobs in the process pane, selected by job id (`123`, `123_4`). */
  readonly batchJobs: ListState<string>;
  readonly sort: { readonly key: ProcessSortKey; readonly descending: boolean };
  readonly filterText: string;
  readonly blenderFilter: BlenderFilter;
  /** The process pane groups processes under the node they run on, with per-node totals (t). */
  readonly groupByNode: boolean;
  /** Kernel threads are listed (K); hidden by default, as in htop. */
  readonly showKernelThreads: boolean;
  /** Columns of the COMMAND column scrolled away to the left (←/→). */
  readonly commandOffset: number;
  /** The process detail view (Enter), over the panes, for this PID; null when closed. */
  readonly detail: { readonly pid: number } | null;
  readonly overlay: Overlay | null;
  readonly status: StatusLine | null;
  /** The render pane shows the last finished frame of the selected job. */
  readonly preview: boolean;
  /** What the render form held when it was last closed: opening it again starts from there. */
  readonly lastForm: RenderFormFields | null;
}

/** Side effects the app carries out after a reduction. */
export type Effect =
  | { readonly kind: 'perform'; readonly command: ClusterCommand; readonly label: string }
  | { readonly kind: 'quit' }
  /** Ctrl-Z: give the terminal back and stop, until the shell continues omtop. */
  | { readonly kind: 'suspend' }
  | { readonly kind: 'setIntervalMs'; readonly ms: number }
  | { readonly kind: 'setPaused'; readonly paused: boolean }
  | { readonly kind: 'startRender'; readonly request: RenderRequest; readonly fields?: RenderFormFields }
  | { readonly kind: 'cancelRender'; readonly jobId: string }
  /** A Slurm job's details (scontrol show job), or its log followed live. */
  | { readonly kind: 'showJob'; readonly job: string; readonly log: boolean }
  /** Stops a render omtop found running: TERM to its script and blender processes; frames stay. */
  | { readonly kind: 'stopObserved'; readonly jobId: string; readonly pids: readonly number[] }
  /** Asks blender where the .blend's frames go and its frame range, for the form. */
  | { readonly kind: 'inspectBlend'; readonly file: string };

export function initialUiState(options: { readonly: boolean; intervalMs: number }): UiState {
  return {
    focus: 'nodes',
    readonly: options.readonly,
    paused: false,
    intervalMs: options.intervalMs,
    nodes: listAt(),
    processes: listAt(),
    jobs: listAt(),
    batchJobs: listAt(),
    sort: { key: 'cpu', descending: true },
    filterText: '',
    blenderFilter: 'auto',
    groupByNode: false,
    showKernelThreads: false,
    commandOffset: 0,
    detail: null,
    overlay: null,
    status: options.readonly ? { text: 'read-only mode: actions are disabled', kind: 'info' } : null,
    preview: true,
    lastForm: null,
  };
}
