// The five summary lines above mtop's process table (procps 2.0 `top`, openMosix-patched):
//    10:37pm  up 21:50,  0 users,  load average: 0.32, 0.15, 0.05
//   45 processes: 44 sleeping, 1 running, 0 zombie, 0 stopped
//   CPU states: 160.8% user,  7.1% system,  0.0% nice,  0.0% idle
//   Mem:   254936K av,  167160K used,   87776K free,       0K shrd,   17812K buff
//   Swap:  642560K av,    5344K used,  637216K free                   83440K cached
// Later procps 2.0.x prints `NK total … NK buffers`; SMP builds print one `CPUn states:` per CPU.
// The real 0.3.6 mtop screen ([X] mtop-chaos-screen.txt) prints the same lines, narrower:
//     8:31am  up 21:50,  0 users,  load average: 0.32, 0.15, 0.05
//   Mem:  254936K av, 167160K used,  87776K free,      0K shrd,  17812K buff
// Lines are read word by word: a pattern that backtracks took 27 s over a 100 KB `Mem:` line.

import { z } from 'zod';
import type { ParseWarning } from '../result.js';
import { type Line, quote, words } from '../util/lines.js';
import { readDecimal, readInt } from '../util/numbers.js';

const Count = z.number().int().nonnegative();
const KiB = z.number().int().nonnegative();

export const MtopSummarySchema = z.object({
  clock: z.string().nullable(),
  uptime: z.string().nullable(),
  users: Count.nullable(),
  loadAverage: z.tuple([z.number().nonnegative(), z.number().nonnegative(), z.number().nonnegative()]).nullable(),
  tasks: z.object({ total: Count, sleeping: Count, running: Count, zombie: Count, stopped: Count }).nullable(),
  /** Percentages summed over CPUs, so they may exceed 100. */
  cpuStates: z.object({ user: z.number(), system: z.number(), nice: z.number(), idle: z.number() }).nullable(),
  memKiB: z.object({ total: KiB, used: KiB, free: KiB, shared: KiB.optional(), buffers: KiB.optional() }).nullable(),
  swapKiB: z.object({ total: KiB, used: KiB, free: KiB, cached: KiB.optional() }).nullable(),
});
export type MtopSummary = z.infer<typeof MtopSummarySchema>;
type CpuStates = NonNullable<MtopSummary['cpuStates']>;

/** ` 10:37pm  up 21:50,  0 users,  load average: …` (or top 3's `top - 10:37:01 up …`). */
export function isUptimeLine(text: string): boolean {
  return /^(?:top - )?\s*\S+\s+up\s/i.test(text) && /load averages?:/i.test(text);
}

/** `45 processes: …` or `Tasks: 45 total, …` */
export function isTasksLine(text: string): boolean {
  const [first, second] = words(text);
  return second?.toLowerCase() === 'processes:' || first?.toLowerCase() === 'tasks:';
}

/** Accumulates summary lines; `finish` yields the summary. */
export class SummaryReader {
  private readonly summary: MtopSummary = {
    clock: null, uptime: null, users: null, loadAverage: null, tasks: null, cpuStates: null, memKiB: null, swapKiB: null,
  };
  private allCpus: CpuStates | null = null;
  private perCpuSum: CpuStates | null = null;

  /** Reads one line: null when fine (or an unknown line, given as a warning), else an error message. */
  read(line: Line, warnings: ParseWarning[]): string | null {
    const text = line.text.trim();
    if (isUptimeLine(text)) return this.readUptime(text);
    if (isTasksLine(text)) return this.readTasks(text);
    if (/^CPU\d* states:/i.test(text)) return this.readCpu(text);
    if (/^Mem:/i.test(text)) return this.readMemory(text, 'Mem');
    if (/^Swap:/i.test(text)) return this.readMemory(text, 'Swap');
    warnings.push({ line: line.number, message: `ignored unrecognised line ${quote(text)}` });
    return null;
  }

  finish(): MtopSummary {
    return { ...this.summary, cpuStates: this.allCpus ?? this.perCpuSum };
  }

  private readUptime(text: string): string | null {
    const found = readUptimeWords(words(text.replace(/^top - /i, '')));
    if (typeof found === 'string') return `${found}, got ${quote(text)}`;
    Object.assign(this.summary, found);
    return null;
  }

  private readTasks(text: string): string | null {
    const w = words(text);
    const totalText = w[0]?.toLowerCase() === 'tasks:' ? w[1] : w[0];
    const total = readInt(totalText ?? '', { min: 0 });
    const { sleeping, running, zombie, stopped } = countsByName(w, TASK_NAMES, '', readInt);
    if (total === null || sleeping === undefined || running === undefined || zombie === undefined || stopped === undefined) {
      return `expected "N processes: N sleeping, N running, N zombie, N stopped", got ${quote(text)}`;
    }
    this.summary.tasks = { total, sleeping, running, zombie, stopped };
    return null;
  }

  private readCpu(text: string): string | null {
    const { user, system, nice, idle } = countsByName(words(text), CPU_NAMES, '%', readDecimal);
    if (user === undefined || system === undefined || nice === undefined || idle === undefined) {
      return `expected "CPU states: N% user, N% system, N% nice, N% idle", got ${quote(text)}`;
    }
    const states = { user, system, nice, idle };
    if (/^CPU states:/i.test(text)) this.allCpus = states;
    else this.perCpuSum = addStates(this.perCpuSum, states);
    return null;
  }

  private readMemory(text: string, label: 'Mem' | 'Swap'): string | null {
    const found = countsByName(words(text), MEMORY_NAMES, 'k', readInt);
    const total = found.av ?? found.total;
    const { used, free } = found;
    if (total === undefined || used === undefined || free === undefined) {
      return `expected "${label}: NK av, NK used, NK free…", got ${quote(text)}`;
    }
    if (free > total || used > total) return `expected ${label} used and free no larger than the total, got ${quote(text)}`;
    if (label === 'Swap') {
      this.summary.swapKiB = { total, used, free, ...optional('cached', found.cached) };
    } else {
      const shared = found.shrd ?? found.shared;
      const buffers = found.buff ?? found.buffers;
      this.summary.memKiB = { total, used, free, ...optional('shared', shared), ...optional('buffers', buffers) };
    }
    return null;
  }
}

const TASK_NAMES = new Set(['sleeping', 'running', 'zombie', 'stopped']);
const CPU_NAMES = new Set(['user', 'system', 'nice', 'idle']);
const MEMORY_NAMES = new Set(['av', 'total', 'used', 'free', 'shrd', 'shared', 'buff', 'buffers', 'cached']);

/**
 * `{name: value}` for every pair of words `VALUE<unit> name` (`87776K free`, `7.1% system`,
 * `44 sleeping,`) whose name is in `names` and whose value reads as a number. One pass over the words.
 */
function countsByName(
  w: readonly string[],
  names: ReadonlySet<string>,
  unit: '' | '%' | 'k',
  read: (text: string, range: { min: number }) => number | null,
): Partial<Record<string, number>> {
  const counts: Partial<Record<string, number>> = {};
  for (let index = 1; index < w.length; index += 1) {
    const name = (w[index] ?? '').toLowerCase().replace(/,$/, '');
    if (!names.has(name)) continue;
    const valueText = w[index - 1] ?? '';
    const last = valueText.slice(-1).toLowerCase();
    if (unit !== '' && last !== unit) continue;
    const value = read(unit === '' ? valueText : valueText.slice(0, -1), { min: 0 });
    if (value !== null) counts[name] = value;
  }
  return counts;
}

/** The uptime line's words: clock, `up`, the uptime up to `N user(s),`, then `load average: a, b, c`. */
function readUptimeWords(w: readonly string[]): Pick<MtopSummary, 'clock' | 'uptime' | 'users' | 'loadAverage'> | string {
  const usersAt = w.findIndex((word, index) => index > 2 && /^users?,$/i.test(word));
  if (w[1]?.toLowerCase() !== 'up' || usersAt < 0) return 'expected "TIME up UPTIME, N users, load average: A, B, C"';
  const users = readInt(w[usersAt - 1] ?? '', { min: 0 });
  if (users === null) return `expected a user count before "users", got ${quote(w[usersAt - 1] ?? '')}`;
  const labelAt = w.findIndex((word, index) => index > usersAt && /^averages?:$/i.test(word));
  const loads = labelAt < 0 ? [] : w.slice(labelAt + 1).join(' ').split(/[\s,]+/).filter((part) => part !== '');
  const values = loads.map((load) => readDecimal(load, { min: 0 }));
  const [one, five, fifteen] = values;
  if (values.length !== 3 || one == null || five == null || fifteen == null) return 'expected three load averages';
  const uptime = w.slice(2, usersAt - 1).join(' ').replace(/,$/, '');
  return { clock: w[0] ?? '', uptime, users, loadAverage: [one, five, fifteen] };
}

function optional<K extends string>(key: K, value: number | undefined): Partial<Record<K, number>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, number>);
}

function addStates(sum: CpuStates | null, states: CpuStates): CpuStates {
  if (sum === null) return states;
  const round = (value: number): number => Math.round(value * 10) / 10;
  return {
    user: round(sum.user + states.user), system: round(sum.system + states.system),
    nice: round(sum.nice + states.nice), idle: round(sum.idle + states.idle),
  };
}
