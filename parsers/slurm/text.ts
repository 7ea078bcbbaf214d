// The text fallbacks that every Slurm release prints the same way: sinfo and squeue with an
// explicit `-h -o` format of `|`-separated fields, the free-text field last (a reason or a job
// name may hold spaces and `|`). The format strings live here so the backend asks for exactly
// what these parsers read.
import { type ParseResult, type ParseWarning, failed } from '../result.js';
import { splitLineTexts } from '../util/lines.js';
import { validated } from '../util/validate.js';
import { jobStateFromWords } from './jobState.js';
import { nodeStateFromText } from './nodeState.js';
import { type Sinfo, SinfoSchema, type SlurmJob, type SlurmNode, type Squeue, SqueueSchema } from './types.js';

/** name | state | CPUs alloc/idle/other/total | memory MiB | free MiB | load | partition | reason */
export const SINFO_TEXT_FORMAT = '%N|%T|%C|%m|%e|%O|%P|%E';
/** id | own job id | state | user | elapsed | CPUs | nodes count | partition | node list | reason | name */
export const SQUEUE_TEXT_FORMAT = '%i|%A|%T|%u|%M|%C|%D|%P|%N|%r|%j';

export const MAX_TEXT_CHARS = 64 * 1024 * 1024;

const NO_NUMBER = new Set(['N/A', 'n/a', '', '(null)']);

/** The first `count - 1` fields, and the rest of the line (with any `|` in it) as the last. */
function fields(text: string, count: number): string[] | null {
  const parts: string[] = [];
  let from = 0;
  for (let i = 0; i < count - 1; i++) {
    const bar = text.indexOf('|', from);
    if (bar < 0) return null;
    parts.push(text.slice(from, bar));
    from = bar + 1;
  }
  parts.push(text.slice(from));
  return parts;
}

function decimal(text: string | undefined): number | null {
  const t = (text ?? '').trim();
  if (NO_NUMBER.has(t) || !/^\d+(?:\.\d+)?$/.test(t)) return null;
  return Number(t);
}

function whole(text: string | undefined): number | null {
  const n = decimal(text);
  return n !== null && Number.isInteger(n) ? n : null;
}

function readLines<T>(
  text: string,
  tool: string,
  count: number,
  row: (cells: string[], line: number) => T | string,
): ParseResult<{ rows: T[]; warnings: ParseWarning[] }> {
  if (text.length > MAX_TEXT_CHARS) return failed(0, `${tool} output is larger than ${MAX_TEXT_CHARS} characters`);
  const rows: T[] = [];
  const warnings: ParseWarning[] = [];
  const lines = splitLineTexts(text);
  for (const [index, lineText] of lines.entries()) {
    if (lineText.trim() === '') continue;
    const cells = fields(lineText, count);
    const value = cells ? row(cells, index + 1) : `expected ${count} "|"-separated fields, got ${lineText.split('|').length}`;
    if (typeof value === 'string') {
      if (rows.length === 0 && warnings.length === 0) return failed(index + 1, value);
      warnings.push({ line: index + 1, message: `${value}; line skipped` });
      continue;
    }
    rows.push(value);
  }
  return { ok: true, value: { rows, warnings }, warnings: [] };
}

/** `sinfo -h -N -o SINFO_TEXT_FORMAT`: a node in two partitions prints two lines, merged here. */
export function parseSinfoText(text: string): ParseResult<Sinfo> {
  const read = readLines<SlurmNode>(text, 'sinfo', 8, (cells) => {
    const [name = '', state = '', cpus = '', memory, free, load, partition = '', reason = ''] = cells;
    if (name.trim() === '') return 'expected a node name, got nothing';
    const counts = cpus.split('/');
    if (counts.length !== 4) return `expected CPUs as allocated/idle/other/total, got "${cpus}"`;
    const trimmedReason = reason.trim();
    return {
      name: name.trim(),
      ...nodeStateFromText(state),
      reason: trimmedReason === '' || trimmedReason === 'none' ? null : trimmedReason,
      cpusAllocated: whole(counts[0]),
      cpusTotal: whole(counts[3]),
      load: decimal(load),
      memoryMiB: decimal(memory),
      memoryFreeMiB: decimal(free),
      partitions: partition.trim() === '' ? [] : [partition.trim().replace(/\*$/, '')],
    };
  });
  if (!read.ok) return read;
  const byName = new Map<string, SlurmNode>();
  for (const node of read.value.rows) {
    const known = byName.get(node.name);
    if (!known) byName.set(node.name, node);
    else byName.set(node.name, { ...known, partitions: [...known.partitions, ...node.partitions.filter((p) => !known.partitions.includes(p))] });
  }
  return validated(SinfoSchema, { version: { release: null, plugin: null }, nodes: [...byName.values()] }, read.value.warnings);
}

/** squeue's elapsed time: `0:05`, `12:34`, `1:02:03`, `2-01:02:03`; null for anything else. */
export function elapsedOf(text: string): number | null {
  const match = /^(?:(\d+)-)?(?:(\d+):)?(\d+):(\d{2})$/.exec(text.trim());
  if (!match) return null;
  const [, days = '0', hours = '0', minutes = '0', seconds = '0'] = match;
  return ((Number(days) * 24 + Number(hours)) * 60 + Number(minutes)) * 60 + Number(seconds);
}

const TEXT_ID = /^(\d+)(?:_(\d+)|_\[([^\]]+)\])?$/;

/** `squeue -h -o SQUEUE_TEXT_FORMAT` (add `-t all` to see finished jobs, `-r` for one line per task). */
export function parseSqueueText(text: string): ParseResult<Squeue> {
  const read = readLines<SlurmJob>(text, 'squeue', 11, (cells) => {
    const [id = '', own = '', stateText = '', user = '', elapsed = '', cpus, count, partition = '', nodes = '', reason = '', name = ''] = cells;
    const match = TEXT_ID.exec(id.trim());
    const jobId = whole(own);
    if (!match || jobId === null) return `expected a job id like 123 or 123_4, got "${id}"`;
    const arrayJobId = match[2] !== undefined || match[3] !== undefined ? Number(match[1]) : null;
    const { state, stateFlags, finished } = jobStateFromWords([stateText]);
    const trimmedReason = reason.trim();
    return {
      id: id.trim(),
      jobId,
      arrayJobId,
      arrayTaskId: match[2] !== undefined ? Number(match[2]) : null,
      arrayPending: match[3] ?? null,
      name,
      user: user.trim() === '' ? null : user.trim(),
      state,
      stateFlags,
      finished,
      reason: trimmedReason === '' || trimmedReason === 'None' ? null : trimmedReason,
      partition: partition.trim() === '' ? null : partition.trim(),
      nodes: nodes.trim(),
      cpus: whole(cpus),
      nodeCount: whole(count),
      submitTime: null,
      startTime: null,
      endTime: null,
      elapsedSeconds: elapsedOf(elapsed),
      timeLimitMinutes: null,
      workDir: null,
      stdout: null,
    };
  });
  if (!read.ok) return read;
  return validated(SqueueSchema, { version: { release: null, plugin: null }, jobs: read.value.rows }, read.value.warnings);
}
