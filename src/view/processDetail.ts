// The process detail view (Enter in the process pane, like k9s's describe): the whole command
// line, who and where, how long it has been on its node and how often it moved while omtop
// watched, CPU and memory now with a short history, and the keys that act on it. Fields the
// backend does not know (home nodes and migration on a machine without openMosix) are left out.
import { canDo } from '../cluster/abilities.js';
import type { ClusterSnapshot, ProcessSnapshot } from '../model/snapshot.js';
import type { ProcessTrack } from '../store/processTracks.js';
import type { PartView, RenderJobView } from '../launcher/types.js';
import { KEYMAP } from '../state/keyTable.js';
import { formatClock, formatCpuTime, formatDuration, sparkline, wrapWords } from '../text/format.js';
import type { DialogVm } from './dialog.js';
import { offered } from './footer.js';
import { keyLabel } from './keyLabels.js';
import type { LineVm, Tone } from './tableVm.js';

const LABEL_WIDTH = 11;

const STATES: Readonly<Record<string, string>> = {
  R: 'running', S: 'sleeping', D: 'waiting for I/O', Z: 'zombie (exited, not yet reaped)', T: 'stopped', t: 'stopped by a debugger',
  I: 'idle kernel thread', W: 'paging', X: 'dead',
};

export interface ProcessDetailInput {
  readonly pid: number;
  readonly snapshot: ClusterSnapshot | null;
  readonly track: ProcessTrack | null;
  readonly jobs: readonly RenderJobView[];
  readonly cols: number;
  readonly rows: number;
}

function field(label: string, value: string, width: number, tone: Tone = 'normal'): LineVm[] {
  const indent = ' '.repeat(LABEL_WIDTH);
  return wrapWords(value, Math.max(10, width - LABEL_WIDTH)).map((line, i) => ({
    text: `${i === 0 ? label.padEnd(LABEL_WIDTH) : indent}${line}`, tone, selected: false,
  }));
}

function stateText(stat: string): string {
  const meaning = STATES[stat[0] ?? ''];
  return meaning === undefined ? stat : `${stat} (${meaning})`;
}

function nodeText(snapshot: ClusterSnapshot, id: number | null): string {
  if (id === null) return 'N? (the tools could not read it)';
  const node = snapshot.nodes.find((n) => n.id === id);
  if (node === undefined) return `N${id}`;
  const notes = [node.ip, node.isLocal ? 'this node' : '', node.up ? '' : 'down'].filter((n) => n !== '');
  return `N${id} (${notes.join(', ')})`;
}

/** How long on this node: exact when omtop saw it arrive, "at least" when it was there from the start. */
function thereText(track: ProcessTrack | null, now: number): string | null {
  if (track === null) return null;
  if (track.arrived !== null) return `${formatDuration((now - track.arrived) / 1000)}, since ${formatClock(track.arrived)}`;
  return `at least ${formatDuration((now - track.firstSeen) / 1000)} (there since omtop first saw it, ${formatClock(track.firstSeen)})`;
}

function movesText(track: ProcessTrack | null): string | null {
  if (track === null) return null;
  const times = track.moves === 1 ? 'once' : `${track.moves} times`;
  return track.moves === 0 ? `not while omtop watched (since ${formatClock(track.firstSeen)})` : `${times} while omtop watched (since ${formatClock(track.firstSeen)})`;
}

function historyText(now: number | null, history: readonly (number | null)[], width: number): string {
  const value = now === null ? '-' : `${now.toFixed(1)}%`;
  const peak = history.reduce<number>((m, v) => Math.max(m, v ?? 0), 0);
  const room = Math.max(0, Math.min(history.length, width - LABEL_WIDTH - 20));
  const line = room > 0 ? sparkline(history, Math.max(100, peak), room) : '';
  return room > 0 ? `${value.padEnd(7)} ${line}  last ${history.length} readings` : value;
}

function renderPart(jobs: readonly RenderJobView[], pid: number): { job: RenderJobView; part: PartView } | null {
  for (const job of jobs) for (const part of job.parts) if (part.pid === pid) return { job, part };
  return null;
}

/** The keys that act on a process here, from the key table (what the backend cannot run is left out). */
function keysText(backend: string | null): string {
  const keys = KEYMAP.filter((b) => b.scope === 'processes' && b.footer !== undefined && b.id !== 'openDetail' && offered(b, backend))
    .map((b) => `${keyLabel(b.keys[0] ?? '')} ${b.description.replace(/ \(list\)$/, '').replace(/^send the process home$/, 'send it home')}`);
  return [...keys, '↑/↓ next process', 'Esc back'].join(' · ');
}

function lines(process: ProcessSnapshot, input: ProcessDetailInput, snapshot: ClusterSnapshot, width: number): LineVm[] {
  const migrates = canDo(snapshot.backend, 'migrate');
  const track = input.track;
  // mps prints a migrated process as (comm): give the command line seen while it ran at home.
  const seenAtHome = /^\(.*\)$/.test(process.command.trim()) && track?.commandLine != null;
  const out: LineVm[] = [
    ...field('Command', seenAtHome ? `${track?.commandLine ?? ''}  (as seen at home; the tools print ${process.command} while it runs elsewhere)` : process.command, width),
    ...field('User', process.user ?? '?', width),
    ...field('State', `${stateText(process.stat)}${process.kernelThread === true ? ' · kernel thread' : ''}`, width),
  ];
  if (migrates) {
    out.push(...field('Node now', `${nodeText(snapshot, process.node)}${process.migrated ? ' · migrated' : ''}`, width, process.migrated ? 'migrated' : 'normal'));
    out.push(...field('Home', nodeText(snapshot, process.home), width));
    const there = thereText(track, snapshot.takenAt);
    if (there !== null) out.push(...field('There', there, width));
    const moves = movesText(track);
    if (moves !== null) out.push(...field('Migrated', moves, width));
  } else {
    out.push(...field('Node', nodeText(snapshot, process.node), width));
    if (track !== null) out.push(...field('Seen', `since ${formatClock(track.firstSeen)}`, width));
  }
  out.push(...field('CPU', historyText(process.cpu, track?.cpu ?? [], width), width));
  out.push(...field('Memory', historyText(process.mem, track?.mem ?? [], width), width));
  out.push(...field('CPU time', formatCpuTime(process.timeSeconds), width));
  const part = renderPart(input.jobs, process.pid);
  if (part !== null) out.push(...field('Render', `part ${part.part.index} of render ${part.job.id} (frames ${part.part.frames}, ${part.part.state})`, width, 'render'));
  out.push({ text: '', tone: 'normal', selected: false });
  out.push(...field('Keys', keysText(snapshot.backend), width, 'dim'));
  return out;
}

export function processDetailDialog(input: ProcessDetailInput): DialogVm {
  const width = Math.min(input.cols, 96);
  const inner = width - 2;
  const { snapshot } = input;
  const process = snapshot?.processes.find((p) => p.pid === input.pid);
  let title: string;
  let body: LineVm[];
  if (snapshot === null || process === undefined) {
    title = `Process ${input.pid} · Esc closes`;
    body = field('Gone', `process ${input.pid} is no longer listed: it has exited`, inner, 'dim');
  } else {
    title = `Process ${process.pid} · ${process.command.split(/\s+/)[0] ?? ''} · Esc closes`;
    body = lines(process, input, snapshot, inner);
  }
  const height = Math.max(3, Math.min(input.rows - 2, body.length + 2));
  const shown = body.slice(0, height - 2);
  return { title, lines: shown, width, height, window: { rows: shown.length, total: body.length } };
}
