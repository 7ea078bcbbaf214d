// One whole screen as plain data: the only thing the UI layer needs to draw a frame.
import type { ClusterSnapshot } from '../model/snapshot.js';
import type { RenderJobView } from '../launcher/types.js';
import type { ListWindow } from '../state/list.js';
import { listProcesses, processQueryOf } from '../state/processQuery.js';
import type { ProcessTrack } from '../store/processTracks.js';
import { jobsRunning, selectedNodeIndex } from '../state/selectors.js';
import type { LogEntry } from '../store/eventLog.js';
import { fitWords } from '../text/format.js';
import type { StatusLine, UiState } from '../state/ui.js';
import { toDialogVm, type DialogVm } from './dialog.js';
import { toFooterText, type FooterContext } from './footer.js';
import { toHeaderVm } from './header.js';
import { computeLayout, inner, type Layout } from './layout.js';
import { toLoadChartVm, type LoadChartVm } from './loadHistory.js';
import { toNodeTableVm } from './nodeTable.js';
import { processDetailDialog } from './processDetail.js';
import { toProcessTableVm } from './processTable.js';
import { toJobTableVm } from './jobTable.js';
import { renderPids, toRenderPaneVm, type PreviewInput } from './renderPane.js';
import type { PaneVm } from './tableVm.js';

export interface FrameInput {
  readonly snapshot: ClusterSnapshot | null;
  readonly loadHistory: (nodeId: number) => readonly (number | null)[];
  readonly jobs: readonly RenderJobView[];
  readonly ui: UiState;
  /** Why omtop is not showing the cluster asked for (fallback to the emulator). */
  readonly notice: string | null;
  /** Ticks dropped because the refresh before them was still running (a slow or hung tool). */
  readonly skippedRefreshes?: number;
  /** The event log, oldest first. */
  readonly events?: readonly LogEntry[];
  /** A process's history across snapshots (the detail view). */
  readonly processTrack?: (pid: number) => ProcessTrack | null;
  readonly cols: number;
  readonly rows: number;
  /** The decoded last finished frame the app holds (see app/previewLoader). */
  readonly preview?: PreviewInput | null;
}

export interface PanesFrameVm {
  readonly kind: 'panes';
  readonly layout: Layout;
  readonly header: string;
  readonly alert: string | null;
  readonly nodes: PaneVm;
  readonly history: LoadChartVm | null;
  readonly processes: PaneVm;
  readonly render: PaneVm;
  readonly status: StatusLine;
  readonly footer: string;
  readonly dialog: DialogVm | null;
  /** The process detail view (Enter), under any dialog. */
  readonly detail: DialogVm | null;
  /** The list keys move in now: the open dialog's, else the focused pane's (the reducer pages by it). */
  readonly shown: ListWindow;
}

export interface TooSmallFrameVm {
  readonly kind: 'tooSmall';
  readonly message: string;
}

export type FrameVm = PanesFrameVm | TooSmallFrameVm;

/** While the filter is typed: what it matches so far. */
function filterStatus(text: string, matched: number, total: number): StatusLine {
  if (text.trim() === '') return { text: `Filter: _  type words or node:N user:NAME state:R pid:N cmd:TEXT · Enter keeps · Esc undoes`, kind: 'info' };
  if (matched === 0) return { text: `Filter: ${text}_  no process matches · Backspace edits · Esc undoes`, kind: 'error' };
  return { text: `Filter: ${text}_  ${matched} of ${total} match · Enter keeps · Esc undoes`, kind: 'info' };
}

function statusOf(ui: UiState, width: number, matched: number, total: number): StatusLine {
  if (ui.overlay?.kind === 'filter') return filterStatus(ui.overlay.text, matched, total);
  const status = ui.status ?? { text: 'ready · ? for help', kind: 'info' };
  // Never cut mid-word; an action's whole result is also in the event log (E).
  return { ...status, text: fitWords(status.text, width) };
}

/**
 * The node keys' target for the footer: the local node (mosctl changes only that one), and the
 * selected one when it is another. null on a scheduler's cluster, where node keys act on the selected node.
 */
function nodeTarget(snapshot: ClusterSnapshot | null, ui: UiState): FooterContext['nodes'] {
  const local = snapshot?.nodes.find((n) => n.isLocal);
  if (snapshot === null || local === undefined || snapshot.backend === 'slurm') return null;
  return { local: local.id, selected: snapshot.nodes[selectedNodeIndex(snapshot, ui)]?.id ?? null };
}

export function toFrameVm(input: FrameInput): FrameVm {
  const { snapshot, ui, jobs } = input;
  const header = toHeaderVm(snapshot, ui, input.notice, input.cols, input.skippedRefreshes ?? 0);
  const layout = computeLayout(input.cols, input.rows, snapshot?.nodes.length ?? 1, header.alert !== null, jobs.length);
  if (layout.kind === 'tooSmall') {
    return { kind: 'tooSmall', message: `omtop needs at least ${layout.needCols}×${layout.needRows}\nthis terminal is ${layout.cols}×${layout.rows}\nenlarge it, or press q to quit` };
  }
  const query = processQueryOf(ui, snapshot, jobsRunning(jobs));
  const panes = {
    nodes: toNodeTableVm(snapshot, ui, inner(layout.nodes), input.loadHistory, layout.history === null),
    // A scheduler's jobs take the process pane: a job is not a process.
    processes: snapshot?.jobs !== undefined
      ? toJobTableVm(snapshot, ui, inner(layout.processes), jobsRunning(jobs))
      : toProcessTableVm(snapshot, ui, inner(layout.processes), query, renderPids(jobs)),
    render: toRenderPaneVm(jobs, snapshot, ui, inner(layout.render), input.preview ?? null),
  };
  const backend = snapshot?.backend ?? null;
  const dialog = toDialogVm(ui.overlay, ui, input.cols, input.rows, { events: input.events ?? [], backend, jobs, snapshot });
  const detail = ui.detail === null ? null : processDetailDialog({
    pid: ui.detail.pid, snapshot, track: input.processTrack?.(ui.detail.pid) ?? null, jobs, cols: input.cols, rows: input.rows,
  });
  const listed = snapshot === null ? 0 : snapshot.jobs !== undefined ? panes.processes.window.total : listProcesses(snapshot.processes, query).rows.processCount;
  const total = snapshot === null ? 0 : snapshot.jobs?.length ?? snapshot.processes.length;
  return {
    kind: 'panes',
    layout,
    header: header.text,
    alert: header.alert,
    ...panes,
    history: layout.history === null ? null : toLoadChartVm(snapshot, inner(layout.history), input.loadHistory),
    status: statusOf(ui, input.cols, listed, total),
    footer: toFooterText(ui, { backend, width: input.cols, nodes: nodeTarget(snapshot, ui) }),
    dialog,
    detail,
    shown: dialog?.window ?? panes[ui.focus].window,
  };
}
