// The process pane on a batch scheduler (Slurm): its jobs, filtered as state/selectors lists them,
// omtop's own render tasks marked. Only the rows on screen are formatted.
import type { ClusterSnapshot, JobSnapshot } from '../model/snapshot.js';
import { pageStart } from '../state/list.js';
import { listedBatchJobs, selectedBatchJobIndex } from '../state/selectors.js';
import type { UiState } from '../state/ui.js';
import { fitColumns, formatHeader, formatRow, type Column } from './columns.js';
import { formatDuration } from '../text/format.js';
import type { LineVm, PaneSize, PaneVm, Tone } from './tableVm.js';

export function jobColumns(): Column<JobSnapshot>[] {
  return [
    { header: 'JOBID', width: 9, align: 'right', priority: 100, cell: (j) => `${j.isRender ? '▶' : ''}${j.id}` },
    { header: 'USER', width: 8, priority: 60, cell: (j) => j.user ?? '?' },
    { header: 'STATE', width: 9, priority: 95, cell: (j) => j.state },
    { header: 'TIME', width: 8, align: 'right', priority: 70, cell: (j) => (j.elapsedSeconds === null ? '-' : formatDuration(j.elapsedSeconds)) },
    { header: 'CPUS', width: 4, align: 'right', priority: 50, cell: (j) => (j.cpus === null ? '-' : String(j.cpus)) },
    { header: 'PART', width: 6, priority: 40, cell: (j) => j.partition ?? '-' },
    { header: 'NODES/REASON', width: 12, priority: 90, cell: (j) => (j.nodes.length > 0 ? j.nodes.join(',') : `(${j.reason ?? '-'})`) },
    { header: 'NAME', width: 8, priority: 80, flex: true, cell: (j) => j.name },
  ];
}

function toneOf(job: JobSnapshot): Tone {
  if (job.isRender) return 'render';
  return job.state === 'PENDING' ? 'dim' : 'normal';
}

export function toJobTableVm(snapshot: ClusterSnapshot, ui: UiState, size: PaneSize, renderRunning: boolean): PaneVm {
  const focused = ui.focus === 'processes';
  const visible = Math.max(0, size.rows - 1);
  const all = snapshot.jobs ?? [];
  const listed = listedBatchJobs(ui, snapshot, renderRunning);
  const columns = fitColumns(jobColumns(), size.cols);
  const selected = selectedBatchJobIndex(listed, ui);
  const window = { rows: visible, total: listed.length };
  const offset = pageStart(selected, window);
  const lines: LineVm[] = listed.slice(offset, offset + visible).map((job, i) => ({
    text: formatRow(columns, job), tone: toneOf(job), selected: offset + i === selected,
  }));
  if (listed.length === 0) {
    lines.push({ text: all.length > 0 ? 'no job matches (f: render tasks only, /: text, user:NAME, partition:NAME, state:STATE)' : 'no jobs', tone: 'dim', selected: false });
  }
  const title = [`Jobs ${listed.length}/${all.length}`, ...(ui.filterText !== '' ? [`filter "${ui.filterText}"`] : []), '▶ = our render'].join(' · ');
  return { title, focused, header: formatHeader(columns), lines, window: { ...window, first: offset } };
}
