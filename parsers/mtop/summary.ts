// The five summary lines above mtop's process table (procps 2.0 `top`, openMosix-patched):
//    10:37pm  up 21:50,  0 users,  load average: 0.32, 0.15, 0.05
//   45 processes: 44 sleeping, 1 running, 0 zombie, 0 stopped
//   CPU states: 160.8% user,  7.1% system,  0.0% nice,  0.0% idle
//   Mem:   254936K av,  167160K used,   87776K free,       0K shrd,   17812K buff
//   Swap:  642560K av,    5344K used,  637216K free                   83440K cached
// Later procps 2.0.x prints `NK total … NK buffers`; SMP builds print one `CPUn states:` per CPU.

import { z } from 'zod';
import type { ParseWarning } from '../result.js';
import { type Line, quote } from '../util/lines.js';
import { group, readDecimal, readInt } from '../util/numbers.js';

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

export const UPTIME_LINE = /^(?:top - )?\s*(\S+)\s+up\s+(.+?),\s+(\S+)\s+users?,\s+load averages?:\s*(\S+?),?\s+(\S+?),?\s+(\S+)\s*$/i;
export const TASKS_LINE = /^\s*(?:(\S+)\s+processes:|Tasks:\s*(\S+)\s+total,)/i;

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
    if (UPTIME_LINE.test(text)) return this.readUptime(text);
    if (TASKS_LINE.test(text)) return this.readTasks(text);
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
    const match = UPTIME_LINE.exec(text);
    if (!match) return `expected an uptime line, got ${quote(text)}`;
    const users = readInt(group(match, 3), { min: 0 });
    if (users === null) return `expected a user count, got ${quote(group(match, 3))}`;
    const loads = [4, 5, 6].map((index) => readDecimal(group(match, index), { min: 0 }));
    const [one, five, fifteen] = loads;
    if (one == null || five == null || fifteen == null) return `expected three load averages, got ${quote(text)}`;
    Object.assign(this.summary, {
      clock: group(match, 1), uptime: group(match, 2).replace(/\s+/g, ' '), users, loadAverage: [one, five, fifteen],
    });
    return null;
  }

  private readTasks(text: string): string | null {
    const match = TASKS_LINE.exec(text);
    const total = readInt(match ? group(match, 1) || group(match, 2) : '', { min: 0 });
    const counts = countsByName(text, /(\S+)\s+(sleeping|running|zombie|stopped)\b/gi, readInt);
    const { sleeping, running, zombie, stopped } = counts;
    if (total === null || sleeping === undefined || running === undefined || zombie === undefined || stopped === undefined) {
      return `expected "N processes: N sleeping, N running, N zombie, N stopped", got ${quote(text)}`;
    }
    this.summary.tasks = { total, sleeping, running, zombie, stopped };
    return null;
  }

  private readCpu(text: string): string | null {
    const { user, system, nice, idle } = countsByName(text, /(\S+)%\s+(user|system|nice|idle)\b/gi, readDecimal);
    if (user === undefined || system === undefined || nice === undefined || idle === undefined) {
      return `expected "CPU states: N% user, N% system, N% nice, N% idle", got ${quote(text)}`;
    }
    const states = { user, system, nice, idle };
    if (/^CPU states:/i.test(text)) this.allCpus = states;
    else this.perCpuSum = addStates(this.perCpuSum, states);
    return null;
  }

  private readMemory(text: string, label: 'Mem' | 'Swap'): string | null {
    const found = countsByName(text, /(\S+)[Kk]\s+(av|total|used|free|shrd|shared|buff|buffers|cached)\b/gi, readInt);
    const total = found.av ?? found.total;
    const { used, free } = found;
    if (total === undefined || used === undefined || free === undefined) {
      return `expected "${label}: NK av, NK used, NK free…", got ${quote(text)}`;
    }
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

/** `{name: value}` for every `value name` pair in the text whose value reads as a number. */
function countsByName(
  text: string,
  pattern: RegExp,
  read: (text: string, range: { min: number }) => number | null,
): Partial<Record<string, number>> {
  const counts: Partial<Record<string, number>> = {};
  for (const match of text.matchAll(pattern)) {
    const value = read(match[1] ?? '', { min: 0 });
    if (value !== null) counts[(match[2] ?? '').toLowerCase()] = value;
  }
  return counts;
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
