// Render pane: the job list, then the selected job's parts with the node each part's PID runs on now.
import type { ClusterSnapshot, ProcessSnapshot } from '../model/snapshot.js';
import { nodeLabel } from '../model/snapshot.js';
import type { PartView, RenderJobView } from '../launcher/types.js';
import { pageStart } from '../state/list.js';
import { selectedJobIndex } from '../state/selectors.js';
import type { UiState } from '../state/ui.js';
import { fitColumns, formatHeader, formatRow, type Column } from './columns.js';
import { bar, fit, formatDuration } from '../text/format.js';
import type { LineVm, PaneSize, PaneVm, Tone } from './tableVm.js';
import { wrap } from '../text/wrap.js';
import type { Picture } from '../preview/decode.js';
import { toPictureVm, type PictureVm } from './picture.js';

const byPidCache = new WeakMap<readonly ProcessSnapshot[], Map<number, ProcessSnapshot>>();

function processesByPid(snapshot: ClusterSnapshot): Map<number, ProcessSnapshot> {
  let map = byPidCache.get(snapshot.processes);
  if (map === undefined) {
    map = new Map(snapshot.processes.map((p) => [p.pid, p]));
    byPidCache.set(snapshot.processes, map);
  }
  return map;
}

/** "N3" for the node a PID runs on now, "-" when it is not in the snapshot. */
export function nodeOfPid(snapshot: ClusterSnapshot | null, pid: number | null): string {
  if (snapshot === null || pid === null) return '-';
  const process = processesByPid(snapshot).get(pid);
  return process === undefined ? '-' : nodeLabel(process.node);
}

/** PIDs of the blender parts of every running job: highlighted in the process pane. */
export function renderPids(jobs: readonly RenderJobView[]): Set<number> {
  const pids = new Set<number>();
  for (const job of jobs) for (const part of job.parts) if (part.pid !== null) pids.add(part.pid);
  return pids;
}

const baseName = (path: string): string => path.slice(path.lastIndexOf('/') + 1);
const percent = (done: number, total: number): number => (total > 0 ? Math.floor((100 * done) / total) : 0);

/** What names a job in the list: a render omtop found running is named by its command (`render blacksmith-jpeg.blend 1 235 4`). */
function jobName(job: RenderJobView): string {
  if (job.origin !== 'observed' || job.command === undefined) return baseName(job.blendFile);
  const words = job.command.split(' ');
  const script = words.findIndex((word) => word.endsWith('.blend'));
  const program = baseName(words[Math.max(0, script - 1)] ?? '');
  return /^blender/i.test(baseName(words[0] ?? '')) ? `blender ${baseName(job.blendFile)}` : [program, ...words.slice(script)].join(' ');
}

/** Jobs are numbered in the list (ids are long timestamps); the id is in the status line and dialogs. */
function jobLine(job: RenderJobView, position: number): string {
  const eta = job.state === 'running' ? ` ETA ${formatDuration(job.etaSeconds)}` : '';
  return `${position}. ${jobName(job)} ${job.state} ${job.framesDone}/${job.framesTotal} ${percent(job.framesDone, job.framesTotal)}%${eta}`;
}

function partColumns(snapshot: ClusterSnapshot | null): Column<PartView>[] {
  return [
    { header: 'PART', width: 4, align: 'right', priority: 100, cell: (p) => String(p.index) },
    { header: 'FRAMES', width: 9, priority: 60, cell: (p) => p.frames },
    { header: 'CUR', width: 4, align: 'right', priority: 50, cell: (p) => (p.currentFrame === null ? '-' : String(p.currentFrame)) },
    // A Slurm task knows its node by name; a local part's PID is looked up in the snapshot.
    { header: 'NODE', width: 4, priority: 90, cell: (p) => (p.node !== undefined ? p.node ?? '-' : nodeOfPid(snapshot, p.pid)) },
    { header: 'DONE', width: 7, align: 'right', priority: 80, cell: (p) => `${p.framesDone}/${p.framesTotal}` },
    { header: 'S/FR', width: 5, align: 'right', priority: 40, cell: (p) => (p.secondsPerFrame === null ? '-' : p.secondsPerFrame.toFixed(1)) },
    { header: 'STATE', width: 9, priority: 85, flex: true, cell: (p) => (p.state === 'pending' ? 'waiting' : p.state) },
  ];
}

function partTone(part: PartView): Tone {
  if (part.state === 'failed') return 'error';
  if (part.state === 'done') return 'ok';
  return part.state === 'rendering' ? 'render' : 'normal';
}

function jobTone(job: RenderJobView): Tone {
  if (job.state === 'failed') return 'error';
  if (job.state === 'finished') return 'ok';
  return job.state === 'cancelled' ? 'dim' : 'render';
}

/** The decoded last frame the app holds, whichever job it belongs to. */
export interface PreviewInput {
  readonly path: string;
  readonly picture: Picture | null;
  readonly error: string | null;
}

/** Below the parts: the selected job's last finished frame, when there is room for a recognisable picture. */
function previewPart(job: RenderJobView, preview: PreviewInput | null, size: PaneSize, used: number): { lines: LineVm[]; picture: PictureVm | null } {
  const none = { lines: [], picture: null };
  const rows = size.rows - used - 1;
  if (job.lastSaved === null || preview === null || rows < 1) return none;
  const caption = (text: string): LineVm => ({ text: fit(text, size.cols), tone: 'dim', selected: false });
  if (preview.picture === null) return preview.path === job.lastSaved ? { lines: [caption(`preview: ${preview.error ?? 'none'}`)], picture: null } : none;
  // While the newest frame is decoded, the one before it stays (it is of the same render when its folder is).
  if (preview.path !== job.lastSaved && !preview.path.startsWith(`${job.outDir}/`)) return none;
  const picture = toPictureVm(preview.picture, size.cols, rows);
  return picture === null ? none : { lines: [caption(`frame ${baseName(preview.path)}`)], picture };
}

export function toRenderPaneVm(jobs: readonly RenderJobView[], snapshot: ClusterSnapshot | null, ui: UiState, size: PaneSize,
  preview: PreviewInput | null = null): PaneVm {
  const focused = ui.focus === 'render';
  const title = 'Render';
  const line = (text: string, tone: Tone = 'normal', selected = false): LineVm => ({ text: fit(text, size.cols), tone, selected });
  if (jobs.length === 0) {
    return { title, focused, header: null, lines: [line('No render jobs. Press r to start a split render.', 'dim')], window: { rows: 1, total: 0 } };
  }
  const selected = selectedJobIndex(jobs, ui);
  const job = jobs[selected];
  // The selected job's detail needs most of the room; the list keeps at most a third of it.
  const listRows = Math.max(1, Math.min(jobs.length, Math.floor(size.rows / 3)));
  const window = { rows: listRows, total: jobs.length };
  const listStart = pageStart(selected, window);
  const lines: LineVm[] = jobs.slice(listStart, listStart + listRows)
    .map((j, i) => line(jobLine(j, listStart + i + 1), jobTone(j), listStart + i === selected));
  if (job !== undefined) {
    // Summary first: when the pane is short, the parts table is what gets cut.
    const pct = percent(job.framesDone, job.framesTotal);
    const label = ` ${job.framesDone}/${job.framesTotal} ${pct}%`;
    lines.push(line(`${bar(job.framesTotal > 0 ? job.framesDone / job.framesTotal : 0, Math.max(0, size.cols - label.length))}${label}`));
    lines.push(line(`ETA ${formatDuration(job.etaSeconds)} · last saved ${job.lastSaved === null ? '-' : baseName(job.lastSaved)}`));
    // What the script gets wrong is worth every word: it wraps instead of being cut.
    if (job.warning) for (const text of wrap(`⚠ ${job.warning}`, size.cols, '  ')) lines.push(line(text, 'stale'));
    if (job.message !== null) lines.push(line(job.message, job.state === 'failed' ? 'error' : 'normal'));
    const columns = fitColumns(partColumns(snapshot), size.cols);
    lines.push(line(formatHeader(columns), 'dim'));
    for (const part of job.parts) lines.push(line(formatRow(columns, part), partTone(part)));
    if (ui.preview) {
      const shown = previewPart(job, preview, size, lines.length);
      lines.push(...shown.lines);
      return { title: `${title} (${jobs.length} job${jobs.length === 1 ? '' : 's'})`, focused, header: null, lines: lines.slice(0, Math.max(0, size.rows)), window, picture: shown.picture };
    }
  }
  return { title: `${title} (${jobs.length} job${jobs.length === 1 ? '' : 's'})`, focused, header: null, lines: lines.slice(0, Math.max(0, size.rows)), window: { ...window, first: listStart } };
}
