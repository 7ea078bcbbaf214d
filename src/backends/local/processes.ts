// Every process of this machine from /proc/<pid>/{stat,status,cmdline}, with %CPU measured
// like top does (CPU ticks used since the previous reading / time passed), or, on the first
// reading, like ps does (ticks over the process's lifetime).
//
// Cheap like top: /proc files are read synchronously into one reused buffer (the kernel makes
// them in memory: no disk to wait for, and no promise, thread-pool trip, fstat or 64 KiB buffer
// per file as readFile has), a batch at a time with a turn of the event loop between batches.
// stat every tick; the command line and status (uid, VmRSS) only for a PID seen for the first time,
// one whose name or start changed (an exec, a reused PID), and otherwise every CMDLINE_EVERY ticks
// (a process may rewrite its own argv, as sshd and process.title do, or change its uid). In between,
// resident memory comes from stat's page count, in bytes per page as status last said.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { isBlenderCommand, type ProcessSnapshot } from '../../model/snapshot.js';
import { ProcFileReader } from '../procFile.js';
import { commandFrom, parsePidStat, parsePidStatus, statRssPages, type PidStat } from './procPid.js';

/** Linux reports process times in USER_HZ, which is 100 on every mainstream architecture. */
export const CLOCK_TICKS_PER_SECOND = 100;
/** PIDs read between two turns of the event loop, so keys stay answered on a busy machine. */
const BATCH = 64;
/** A known process's command line is read again at least this often (in ticks). */
const CMDLINE_EVERY = 10;

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
  /** What the command line was read with: a change of name or start means read it again. */
  readonly comm: string;
  readonly startTicks: number;
  readonly cmdline: string;
  readonly uid: number | null;
  /** status's VmRSS over stat's page count when status was read; null when that could not tell. */
  readonly bytesPerPage: number | null;
}

export interface ProcessReader {
  read(context: ProcessContext): Promise<ProcessSnapshot[]>;
}

export function createProcessReader(): ProcessReader {
  let previous = new Map<number, CpuSample>();
  let tick = 0;
  const files = new ProcFileReader();
  return {
    async read(context: ProcessContext): Promise<ProcessSnapshot[]> {
      tick += 1;
      const pids = readdirSync(context.procRoot).filter((name) => /^\d+$/.test(name));
      const found: ProcessSnapshot[] = [];
      const seen = new Map<number, CpuSample>();
      for (let i = 0; i < pids.length; i += BATCH) {
        if (i > 0) await new Promise((resolve) => setImmediate(resolve));
        for (const pid of pids.slice(i, i + BATCH)) {
          const before = previous.get(Number(pid));
          const raw = readOne(files, join(context.procRoot, pid), before, (Number(pid) + tick) % CMDLINE_EVERY === 0);
          if (!raw) continue;
          seen.set(raw.stat.pid, {
            cpuTicks: raw.stat.cpuTicks, atMs: context.nowMs, comm: raw.stat.comm, startTicks: raw.stat.startTicks, cmdline: raw.cmdline,
            uid: raw.uid, bytesPerPage: raw.bytesPerPage,
          });
          found.push(toSnapshot(raw, context, before));
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
  readonly bytesPerPage: number | null;
}

function readOne(files: ProcFileReader, dir: string, before: CpuSample | undefined, cmdlineDue: boolean): RawProcess | null {
  try {
    const statText = files.read(join(dir, 'stat'));
    const stat = parsePidStat(statText);
    if (!stat) return null;
    const pages = statRssPages(statText);
    const same = before !== undefined && !cmdlineDue && before.comm === stat.comm && before.startTicks === stat.startTicks;
    // A kernel thread has no resident memory at all, whatever the page size.
    const perPage = before?.bytesPerPage ?? (stat.kernelThread && pages === 0 ? 0 : null);
    if (same && pages !== null && perPage !== null) {
      return { stat, uid: before.uid, rssBytes: pages * perPage, cmdline: before.cmdline, bytesPerPage: before.bytesPerPage };
    }
    const status = parsePidStatus(files.read(join(dir, 'status')));
    const cmdline = same ? before.cmdline : files.read(join(dir, 'cmdline'));
    const bytesPerPage = pages !== null && pages > 0 ? status.rssBytes / pages : null;
    return { stat, uid: status.uid, rssBytes: status.rssBytes, cmdline, bytesPerPage };
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
