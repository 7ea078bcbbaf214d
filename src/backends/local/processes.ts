// Every process of this machine from /proc/<pid>/{stat,status,cmdline}, with %CPU measured
// like top does (CPU ticks used since the previous reading / time passed), or, on the first
// reading, like ps does (ticks over the process's lifetime).
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isBlenderCommand, type ProcessSnapshot } from '../../model/snapshot.js';
import { commandFrom, parsePidStat, parsePidStatus, type PidStat } from './procPid.js';

/** Linux reports process times in USER_HZ, which is 100 on every mainstream architecture. */
export const CLOCK_TICKS_PER_SECOND = 100;
/** Files read at once: enough to be quick, few enough to stay well under the fd limit. */
const BATCH = 64;

export interface ProcessContext {
  readonly procRoot: string;
  readonly node: number;
  readonly memTotalBytes: number | null;
  readonly uptimeSeconds: number | null;
  readonly users: ReadonlyMap<number, string>;
  readonly nowMs: number;
}

interface CpuSample {
  readonly cpuTicks: number;
  readonly atMs: number;
}

export interface ProcessReader {
  read(context: ProcessContext): Promise<ProcessSnapshot[]>;
}

export function createProcessReader(): ProcessReader {
  let previous = new Map<number, CpuSample>();
  return {
    async read(context: ProcessContext): Promise<ProcessSnapshot[]> {
      const pids = (await readdir(context.procRoot)).filter((name) => /^\d+$/.test(name));
      const found: ProcessSnapshot[] = [];
      const seen = new Map<number, CpuSample>();
      for (let i = 0; i < pids.length; i += BATCH) {
        const batch = await Promise.all(pids.slice(i, i + BATCH).map((pid) => readOne(join(context.procRoot, pid))));
        for (const raw of batch) {
          if (!raw) continue;
          seen.set(raw.stat.pid, { cpuTicks: raw.stat.cpuTicks, atMs: context.nowMs });
          found.push(toSnapshot(raw, context, previous.get(raw.stat.pid)));
        }
      }
      previous = seen;
      return found.sort((a, b) => a.pid - b.pid);
    },
  };
}

interface RawProcess {
  readonly stat: PidStat;
  readonly uid: number | null;
  readonly rssBytes: number;
  readonly cmdline: string;
}

async function readOne(dir: string): Promise<RawProcess | null> {
  try {
    const [statText, statusText, cmdline] = await Promise.all([
      readFile(join(dir, 'stat'), 'utf8'),
      readFile(join(dir, 'status'), 'utf8'),
      readFile(join(dir, 'cmdline'), 'utf8'),
    ]);
    const stat = parsePidStat(statText);
    if (!stat) return null;
    const status = parsePidStatus(statusText);
    return { stat, uid: status.uid, rssBytes: status.rssBytes, cmdline };
  } catch (error) {
    // A process that exited between readdir and readFile is normal churn, not a failure.
    if (isGone(error)) return null;
    throw error;
  }
}

function isGone(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return code === 'ENOENT' || code === 'ESRCH';
}

function toSnapshot(raw: RawProcess, context: ProcessContext, before: CpuSample | undefined): ProcessSnapshot {
  const command = commandFrom(raw.cmdline, raw.stat.comm);
  return {
    pid: raw.stat.pid,
    user: raw.uid === null ? null : (context.users.get(raw.uid) ?? String(raw.uid)),
    node: context.node,
    home: context.node,
    migrated: false,
    stat: raw.stat.state,
    cpu: cpuPercent(raw.stat, context, before),
    mem: context.memTotalBytes ? round1((raw.rssBytes / context.memTotalBytes) * 100) : null,
    timeSeconds: raw.stat.cpuTicks / CLOCK_TICKS_PER_SECOND,
    command,
    isBlender: isBlenderCommand(command),
    ...(raw.stat.kernelThread ? { kernelThread: true } : {}),
  };
}

function cpuPercent(stat: PidStat, context: ProcessContext, before: CpuSample | undefined): number | null {
  if (before && context.nowMs > before.atMs) {
    const seconds = (context.nowMs - before.atMs) / 1000;
    return round1(((stat.cpuTicks - before.cpuTicks) / CLOCK_TICKS_PER_SECOND / seconds) * 100);
  }
  if (context.uptimeSeconds === null) return null;
  const lifetime = context.uptimeSeconds - stat.startTicks / CLOCK_TICKS_PER_SECOND;
  return lifetime > 0 ? round1((stat.cpuTicks / CLOCK_TICKS_PER_SECOND / lifetime) * 100) : 0;
}

function round1(value: number): number {
  return Math.max(0, Math.round(value * 10) / 10);
}
