// Processes pane: the rows the process query (state/processQuery.ts) lists, formatted — each node's
// total row first when grouped by node, what the filter matched marked, the COMMAND column taking
// the free room and scrolled sideways by ←/→. Only the rows on screen are formatted, so 10,000
// processes cost about what 100 do.
import { nodeLabel, type ClusterSnapshot, type ProcessSnapshot } from '../model/snapshot.js';
import { pageStart } from '../state/list.js';
import type { FilterTerm } from '../state/processFilter.js';
import { FILTER_FIELDS } from '../state/processFilter.js';
import { listProcesses, sortLabel, type ProcessListing, type ProcessQuery } from '../state/processQuery.js';
import type { NodeGroupRow, PaneRow } from '../state/processRows.js';
import { selectedProcessIndex } from '../state/selectors.js';
import type { UiState } from '../state/ui.js';
import { fitColumns, formatHeader, formatRow, type Column, type FittedColumn } from './columns.js';
import { displayWidth, fit, fitWords, formatCpuTime } from '../text/format.js';
import type { LineVm, Mark, PaneSize, PaneVm, Tone } from './tableVm.js';

/** The command as shown: scrolled `offset` columns to the left, marked « when it is. */
export function scrolledCommand(command: string, offset: number): string {
  if (offset <= 0) return command;
  const chars = [...command];
  return chars.length <= offset ? '«' : `«${chars.slice(offset + 1).join('')}`;
}

/** Headed as the sort keys are named, so the title's "sort %CPU" names a column on screen. */
export function processColumns(commandOffset = 0): Column<ProcessSnapshot>[] {
  return [
    { header: sortLabel('pid'), width: 7, align: 'right', priority: 100, cell: (p) => String(p.pid) },
    { header: sortLabel('user'), width: 8, priority: 40, cell: (p) => p.user ?? '?' },
    { header: sortLabel('node'), width: 4, priority: 95, cell: (p) => nodeLabel(p.node) },
    { header: sortLabel('state'), width: 2, priority: 30, cell: (p) => p.stat },
    { header: sortLabel('cpu'), width: 5, align: 'right', priority: 80, cell: (p) => (p.cpu === null ? '-' : p.cpu.toFixed(1)) },
    { header: sortLabel('mem'), width: 5, align: 'right', priority: 60, cell: (p) => (p.mem === null ? '-' : p.mem.toFixed(1)) },
    { header: sortLabel('time'), width: 8, align: 'right', priority: 50, cell: (p) => formatCpuTime(p.timeSeconds) },
    { header: sortLabel('command'), width: 10, priority: 90, flex: true, cell: (p) => scrolledCommand(p.command, commandOffset) },
  ];
}

function toneOf(process: ProcessSnapshot, renderPids: ReadonlySet<number>): Tone {
  if (renderPids.has(process.pid)) return 'render';
  if (process.kernelThread === true) return 'dim';
  return process.migrated ? 'migrated' : 'normal';
}

export function processTitle(shown: number, total: number, query: ProcessQuery, listing?: ProcessListing): string {
  const parts = [`Processes ${shown}/${total}`, `sort ${sortLabel(query.sort.key)} ${query.sort.descending ? '▼' : '▲'}`];
  const groups = listing?.rows.groups;
  if (groups !== undefined && groups !== null) parts.push(`by node: ${shown} on ${groups.length} node${groups.length === 1 ? '' : 's'}`);
  if (query.blenderOnly) parts.push('blender only');
  if (query.filterText !== '') parts.push(`filter "${query.filterText}"`);
  if (listing !== undefined && listing.kernelThreadsHidden > 0) parts.push(`${listing.kernelThreadsHidden} kernel threads hidden (K)`);
  return parts.join(' · ');
}

function groupLine(group: NodeGroupRow, snapshot: ClusterSnapshot): string {
  const node = snapshot.nodes.find((n) => n.id === group.node);
  const where = node === undefined ? '' : ` ${node.ip}${node.isLocal ? ' (this node)' : ''}${node.up ? '' : ' down'}`;
  const load = node === undefined ? '' : ` · load ${node.load === null ? '-' : Math.round(node.load)}, speed ${node.speed ?? '-'}`;
  const blender = group.blender > 0 ? `, ${group.blender} blender` : '';
  return `▼ ${nodeLabel(group.node)}${where}${load} · ${group.count} process${group.count === 1 ? '' : 'es'}${blender} · CPU ${group.cpu.toFixed(1)}% · MEM ${group.mem.toFixed(1)}%`;
}

/** Where each column starts in a formatted row. */
function columnStarts<Row>(columns: readonly FittedColumn<Row>[]): Map<string, { start: number; width: number }> {
  const starts = new Map<string, { start: number; width: number }>();
  let at = 0;
  for (const column of columns) {
    starts.set(column.header, { start: at, width: column.fittedWidth });
    at += column.fittedWidth + 1;
  }
  return starts;
}

const FIELD_COLUMNS: Readonly<Record<string, string>> = { node: 'NODE', user: 'USER', state: 'S', pid: 'PID', cmd: 'COMMAND' };

/** Where `needle` occurs in `text[start, start+width)`, case-insensitive, as marks on the line. */
function occurrences(text: string, needle: string, cell: { start: number; width: number } | undefined): Mark[] {
  if (cell === undefined || needle === '') return [];
  const part = text.slice(cell.start, cell.start + cell.width).toLowerCase();
  const marks: Mark[] = [];
  for (let at = part.indexOf(needle); at >= 0; at = part.indexOf(needle, at + needle.length)) marks.push([cell.start + at, cell.start + at + needle.length]);
  return marks;
}

/** What the filter matched in one formatted row: plain words in the user and command, field words in their column. */
function filterMarks(text: string, terms: readonly FilterTerm[], starts: ReturnType<typeof columnStarts>): Mark[] {
  const marks: Mark[] = [];
  for (const term of terms) {
    if (term.field === null) {
      marks.push(...occurrences(text, term.value, starts.get('USER')), ...occurrences(text, term.value, starts.get('COMMAND')));
      const pid = starts.get('PID');
      if (pid !== undefined && text.slice(pid.start, pid.start + pid.width).trim() === term.value) marks.push([pid.start, pid.start + pid.width]);
    } else if (term.field === 'user' || term.field === 'cmd') {
      marks.push(...occurrences(text, term.value, starts.get(FIELD_COLUMNS[term.field] ?? '')));
    } else {
      const cell = starts.get(FIELD_COLUMNS[term.field] ?? '');
      if (cell !== undefined) marks.push([cell.start, cell.start + cell.width]);
    }
  }
  return marks;
}

function emptyLine(query: ProcessQuery, listing: ProcessListing): string {
  if (query.filterText !== '') {
    const unknown = listing.filter.unknownFields.length > 0 ? ` (fields are ${FILTER_FIELDS.map((f) => `${f}:`).join(' ')})` : '';
    return `no process matches "${query.filterText}"${unknown} · Esc clears the filter, / edits it`;
  }
  if (query.blenderOnly) return 'no blender process (f shows every process)';
  return 'no processes';
}

export function toProcessTableVm(snapshot: ClusterSnapshot | null, ui: UiState, size: PaneSize,
  query: ProcessQuery, renderPids: ReadonlySet<number>): PaneVm {
  const focused = ui.focus === 'processes';
  const visible = Math.max(0, size.rows - 1);
  if (snapshot === null) return { title: 'Processes', focused, header: null, lines: [], window: { rows: visible, total: 0 } };
  const listing = listProcesses(snapshot.processes, query);
  const { rows } = listing;
  const columns = fitColumns(processColumns(ui.commandOffset), size.cols);
  const starts = columnStarts(columns);
  const command = starts.get('COMMAND');
  const selected = selectedProcessIndex(rows, ui);
  const offset = pageStart(selected, { rows: visible, total: rows.length });
  const shown: PaneRow[] = rows.window(offset, offset + visible);
  let longest = 0;
  const lines: LineVm[] = shown.map((row, i) => {
    const isSelected = offset + i === selected;
    if (row.kind === 'group') return { text: fit(groupLine(row, snapshot), size.cols), tone: 'group', selected: isSelected };
    longest = Math.max(longest, displayWidth(row.process.command));
    const text = formatRow(columns, row.process);
    const marks = filterMarks(text, listing.filter.terms, starts);
    return { text, tone: toneOf(row.process, renderPids), selected: isSelected, ...(marks.length > 0 ? { marks } : {}) };
  });
  if (rows.length === 0) lines.push({ text: emptyLine(query, listing), tone: query.filterText === '' ? 'dim' : 'error', selected: false });
  // How far ←/→ may scroll: until the longest command on screen ends at the column's right edge.
  const across = command === undefined ? 0 : Math.max(0, longest - command.width + 1);
  const title = fitWords(processTitle(rows.processCount, snapshot.processes.length, query, listing), Math.max(10, size.cols - 4));
  return { title, focused, header: formatHeader(columns), lines, window: { rows: visible, total: rows.length, first: offset, across } };
}
