// What the UI state points at in the latest data: the selected node, process and render job,
// found the same way by the reducer (to act on them) and the view (to highlight them).
import type { RenderJobView } from '../launcher/types.js';
import type { ClusterSnapshot, JobSnapshot, ProcessSnapshot } from '../model/snapshot.js';
import { arrayItems, selectedIndex, type ListItems } from './list.js';
import { listProcesses, processQueryOf, type ProcessListing } from './processQuery.js';
import type { PaneRow, ProcessRows } from './processRows.js';
import type { UiState } from './ui.js';

/** The nodes as a list: selected by id, the local node until one is chosen. */
export function nodeItems(snapshot: ClusterSnapshot): ListItems<number> {
  const local = snapshot.nodes.findIndex((n) => n.isLocal);
  return arrayItems(snapshot.nodes, (n) => n.id, Math.max(0, local));
}

export function selectedNodeIndex(snapshot: ClusterSnapshot, ui: UiState): number {
  return selectedIndex(ui.nodes, nodeItems(snapshot));
}

/** The process pane's rows as a list: selected by PID (a node's total row by its groupKey). */
export function processItems(rows: ProcessRows): ListItems<number> {
  return { length: rows.length, indexOf: (key) => rows.indexOfKey(key), keyAt: (index) => rows.keyAt(index) };
}

/** Where the selected row is; when its process has gone, near where it was. */
export function selectedProcessIndex(rows: ProcessRows, ui: UiState): number {
  return selectedIndex(ui.processes, processItems(rows));
}

/** The row at a position of the pane's list. */
export function rowAt(rows: ProcessRows, index: number): PaneRow | undefined {
  return rows.window(index, index + 1)[0];
}

/** The processes as the pane lists them now. */
export function listedProcesses(ui: UiState, snapshot: ClusterSnapshot, jobs: readonly RenderJobView[]): ProcessListing {
  return listProcesses(snapshot.processes, processQueryOf(ui, snapshot, jobsRunning(jobs)));
}

/** The row the selection is on (a process, or a node's total row when grouped); undefined when nothing is listed. */
export function selectedRow(ui: UiState, snapshot: ClusterSnapshot | null, jobs: readonly RenderJobView[]): PaneRow | undefined {
  if (snapshot === null) return undefined;
  const { rows } = listedProcesses(ui, snapshot, jobs);
  return rowAt(rows, selectedProcessIndex(rows, ui));
}

/** The process the selection is on; undefined when nothing is listed or a node's total row is selected. */
export function selectedProcess(ui: UiState, snapshot: ClusterSnapshot | null, jobs: readonly RenderJobView[]): ProcessSnapshot | undefined {
  const row = selectedRow(ui, snapshot, jobs);
  return row?.kind === 'process' ? row.process : undefined;
}

/**
 * The process keys act on: the one the detail view shows while it is open (even when the list's
 * filter no longer lists it), else the selected one.
 */
export function targetProcess(ui: UiState, snapshot: ClusterSnapshot | null, jobs: readonly RenderJobView[]): ProcessSnapshot | undefined {
  if (ui.detail === null) return selectedProcess(ui, snapshot, jobs);
  const pid = ui.detail.pid;
  return snapshot?.processes.find((p) => p.pid === pid);
}

/** This session's render jobs as a list: selected by id, the newest until one is chosen. */
export function jobItems(jobs: readonly RenderJobView[]): ListItems<string> {
  return arrayItems(jobs, (j) => j.id, jobs.length - 1);
}

export function selectedJobIndex(jobs: readonly RenderJobView[], ui: UiState): number {
  return selectedIndex(ui.jobs, jobItems(jobs));
}

/** Still has blender parts or an encoder to stop: what cancel acts on. */
export function jobActive(job: RenderJobView): boolean {
  return job.state === 'running' || job.state === 'assembling';
}

export function jobsRunning(jobs: readonly RenderJobView[]): boolean {
  return jobs.some(jobActive);
}

/**
 * A Slurm cluster's jobs as the process pane lists them: the text filter matches id, name, user,
 * partition and state, and `user:NAME`, `partition:NAME`, `state:STATE` words match that field
 * only; the blender filter (f) keeps omtop's own render tasks.
 */
export function listedBatchJobs(ui: UiState, snapshot: ClusterSnapshot | null, renderRunning: boolean): readonly JobSnapshot[] {
  const jobs = snapshot?.jobs ?? [];
  const words = ui.filterText.toLowerCase().split(/\s+/).filter((word) => word !== '');
  const renderOnly = ui.blenderFilter === 'on' || (ui.blenderFilter === 'auto' && renderRunning && jobs.some((j) => j.isRender));
  return jobs.filter((job) => (!renderOnly || job.isRender) && words.every((word) => jobMatches(job, word)));
}

function jobMatches(job: JobSnapshot, word: string): boolean {
  const [field, value] = word.includes(':') ? [word.slice(0, word.indexOf(':')), word.slice(word.indexOf(':') + 1)] : [null, word];
  const has = (text: string | null): boolean => (text ?? '').toLowerCase().includes(value);
  switch (field) {
    case 'user': return has(job.user);
    case 'partition': return has(job.partition);
    case 'state': return has(job.state);
    default: return [job.id, job.name, job.user, job.partition, job.state, job.nodes.join(',')].some(has);
  }
}

export function batchJobItems(jobs: readonly JobSnapshot[]): ListItems<string> {
  return arrayItems(jobs, (j) => j.id, 0);
}

export function selectedBatchJobIndex(jobs: readonly JobSnapshot[], ui: UiState): number {
  return selectedIndex(ui.batchJobs, batchJobItems(jobs));
}

/** The Slurm job the process pane's selection is on. */
export function selectedBatchJob(ui: UiState, snapshot: ClusterSnapshot | null, jobs: readonly RenderJobView[]): JobSnapshot | undefined {
  const listed = listedBatchJobs(ui, snapshot, jobsRunning(jobs));
  return listed[selectedBatchJobIndex(listed, ui)];
}
