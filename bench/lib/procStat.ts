// CPU time and memory of another process, read from /proc/<pid>/stat and /proc/<pid>/status
// (Linux). The parsing is pure and tested; the readers return null when the process is gone.
import { readdirSync, readFileSync } from 'node:fs';

export interface CpuTicks {
  /** utime + stime, in clock ticks (see clockTicksPerSecond). */
  readonly ticks: number;
}

/**
 * Field `first` plus field `second` of a /proc/<pid>/stat line (numbered as in proc(5)). The command
 * name (field 2) is in parentheses and may itself hold spaces and parentheses, so fields are counted
 * after the last ')'.
 */
function statFieldSum(stat: string, first: number, second: number): number | null {
  const close = stat.lastIndexOf(')');
  if (close < 0) return null;
  const fields = stat.slice(close + 1).trim().split(/\s+/);
  // fields[0] is field 3 (state), so field N is fields[N - 3].
  const sum = Number(fields[first - 3]) + Number(fields[second - 3]);
  return Number.isFinite(sum) ? sum : null;
}

/** utime + stime (fields 14 and 15), in clock ticks. */
export function parseStatCpuTicks(stat: string): number | null {
  return statFieldSum(stat, 14, 15);
}

/**
 * cutime + cstime (fields 16 and 17): the CPU time of the process's children that have ended and been
 * waited for, in clock ticks. Node waits for every child it spawns, so for /proc/self this is the CPU
 * that the blenders a benchmark ran have used, to the tick.
 */
export function parseStatChildTicks(stat: string): number | null {
  return statFieldSum(stat, 16, 17);
}

/** CPU seconds used by this process's ended children (see parseStatChildTicks). */
export function endedChildrenCpuSeconds(): number | null {
  const stat = readProcFile('self', 'stat');
  const ticks = stat === null ? null : parseStatChildTicks(stat);
  return ticks === null ? null : ticks / CLOCK_TICKS_PER_SECOND;
}

/** A "Name:   1234 kB" line of /proc/<pid>/status, in bytes; null when absent. */
export function parseStatusKiB(status: string, name: string): number | null {
  const match = new RegExp(`^${name}:\\s+(\\d+)\\s+kB$`, 'm').exec(status);
  return match?.[1] === undefined ? null : Number(match[1]) * 1024;
}

/** The parent pid (field 4) of a /proc/<pid>/stat line. */
export function parseStatParent(stat: string): number | null {
  const close = stat.lastIndexOf(')');
  if (close < 0) return null;
  const parent = Number(stat.slice(close + 1).trim().split(/\s+/)[1]);
  return Number.isInteger(parent) ? parent : null;
}

/** USER_HZ; 100 on every Linux architecture that matters here. */
export const CLOCK_TICKS_PER_SECOND = 100;

function readProcFile(pid: number | 'self', name: string): string | null {
  try {
    return readFileSync(`/proc/${pid}/${name}`, 'utf8');
  } catch {
    // The process exited between listing and reading: that is an answer, not an error.
    return null;
  }
}

export function cpuSecondsOf(pid: number): number | null {
  const stat = readProcFile(pid, 'stat');
  const ticks = stat === null ? null : parseStatCpuTicks(stat);
  return ticks === null ? null : ticks / CLOCK_TICKS_PER_SECOND;
}

export interface MemoryReading {
  readonly rssBytes: number | null;
  /** VmHWM: the peak resident set size since the process started. */
  readonly peakRssBytes: number | null;
}

export function memoryOf(pid: number): MemoryReading | null {
  const status = readProcFile(pid, 'status');
  if (status === null) return null;
  return { rssBytes: parseStatusKiB(status, 'VmRSS'), peakRssBytes: parseStatusKiB(status, 'VmHWM') };
}

/** The short command name (/proc/<pid>/comm), e.g. "node" or "top"; null when gone. */
export function commandNameOf(pid: number): string | null {
  return readProcFile(pid, 'comm')?.trim() ?? null;
}

/** The pids of `root` and all its descendants, found by walking /proc's parent links. */
export function processTree(root: number, allPids: () => number[] = listPids): number[] {
  const children = new Map<number, number[]>();
  for (const pid of allPids()) {
    const stat = readProcFile(pid, 'stat');
    const parent = stat === null ? null : parseStatParent(stat);
    if (parent !== null) children.set(parent, [...(children.get(parent) ?? []), pid]);
  }
  const tree: number[] = [];
  const pending = [root];
  while (pending.length > 0) {
    const pid = pending.pop();
    if (pid === undefined) break;
    tree.push(pid);
    pending.push(...(children.get(pid) ?? []));
  }
  return tree;
}

function listPids(): number[] {
  return readdirSync('/proc').filter((name) => /^\d+$/.test(name)).map(Number);
}
