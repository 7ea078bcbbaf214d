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
// resident memory comes from stat's page count, in bytes per page as status last said. The stat
// files stay open from tick to tick (up to KEPT_STAT_FILES), each read again with one pread; a
// process's file is closed when it is no longer listed or no longer readable (it exited).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { isBlenderCommand, type ProcessSnapshot } from '../../model/snapshot.js';
import { KeptFiles, ProcFileReader } from '../procFile.js';
import { commandFrom, parsePidStatLine, parsePidStatus, type PidStat } from './procPid.js';

/** Linux reports process times in USER_HZ, which is 100 on every mainstream architecture. */
export const CLOCK_TICKS_PER_SECOND = 100;
/** PIDs read between two turns of the event loop, so keys stay answered on a busy machine. */
const BATCH = 64;
/** A known process's command line is read again at least this often (in ticks). */
const CMDLINE_EVERY = 10;
/**
 * /proc/<pid>/stat files kept open from one tick to the next (one pread a tick instead of open, two
 * reads and close): every process of a desktop or a cluster node; past that, opened each tick.
 */
export const KEPT_STAT_FILES = 512;

export interface ProcessContext {
  readonly procRoot: string;
  readonly node: number;
  readonly memTotalBytes: number | null;
  readonly uptimeSeconds: number | null;
  readonly users: ReadonlyMap<number, string>;
  readonly nowMs: number;
}

/** What a PID's previous reading left for the next: updated in place each tick. */
interface CpuSample {
  cpuTicks: number;
  atMs: number;
  /** What the command line was read with: a change of name or start means read it again. */
  comm: string;
  startTicks: number;
  cmdline: string;
  /** commandFrom(cmdline, comm) and whether it is blender, made when either changes. */
  command: string;
  isBlender: boolean;
  uid: number | null;
  /** status's VmRSS over stat's page count when status was read; null when that could not tell. */
  bytesPerPage: number | null;
  /** The tick it was last seen in. */
  tick: number;
}

export interface ProcessReader {
  read(context: ProcessContext): Promise<ProcessSnapshot[]>;
  /** /proc/<pid>/stat files held open now. */
  openFiles(): number;
  /** Closes the files held open. */
  close(): void;
}

export function createProcessReader(options: { readonly keptStatFiles?: number } = {}): ProcessReader {
  const samples = new Map<number, CpuSample>();
  let tick = 0;
  let procRoot = '';
  const files = new ProcFileReader();
  const stats = new KeptFiles(files, options.keptStatFiles ?? KEPT_STAT_FILES, (pid) => join(procRoot, String(pid), 'stat'));
  return {
    async read(context: ProcessContext): Promise<ProcessSnapshot[]> {
      tick += 1;
      if (procRoot !== context.procRoot) {
        stats.close();
        procRoot = context.procRoot;
      }
      const pids = readdirSync(context.procRoot).filter((name) => /^\d+$/.test(name));
      const found: ProcessSnapshot[] = [];
      for (let i = 0; i < pids.length; i += BATCH) {
        if (i > 0) await new Promise((resolve) => setImmediate(resolve));
        for (let j = i; j < Math.min(i + BATCH, pids.length); j += 1) {
          const name = pids[j] ?? '';
          const pid = Number(name);
          const before = samples.get(pid);
          const raw = readOne(files, stats, pid, context.procRoot, name, before, (pid + tick) % CMDLINE_EVERY === 0);
          if (!raw) continue;
          // %CPU from the sample before this reading updates it.
          const cpu = cpuPercent(raw.stat, context, before);
          found.push(toSnapshot(raw, context, cpu, remember(samples, raw, context.nowMs, tick)));
        }
      }
      for (const [pid, sample] of samples) if (sample.tick !== tick) samples.delete(pid);
      stats.keep((pid) => samples.get(pid)?.tick === tick);
      return found.sort((a, b) => a.pid - b.pid);
    },
    openFiles: () => stats.size,
    close: () => stats.close(),
  };
}

interface RawProcess {
  readonly stat: PidStat;
  readonly uid: number | null;
  readonly rssBytes: number;
  readonly cmdline: string;
  readonly bytesPerPage: number | null;
}

/** This reading as the PID's sample for the next tick, updated in place; the command made again only when its parts changed. */
function remember(samples: Map<number, CpuSample>, raw: RawProcess, atMs: number, tick: number): CpuSample {
  const { stat } = raw;
  let sample = samples.get(stat.pid);
  if (sample === undefined) {
    const command = commandFrom(raw.cmdline, stat.comm);
    sample = {
      cpuTicks: stat.cpuTicks, atMs, comm: stat.comm, startTicks: stat.startTicks, cmdline: raw.cmdline, command,
      isBlender: isBlenderCommand(command), uid: raw.uid, bytesPerPage: raw.bytesPerPage, tick,
    };
    samples.set(stat.pid, sample);
    return sample;
  }
  if (sample.comm !== stat.comm || sample.cmdline !== raw.cmdline) {
    sample.command = commandFrom(raw.cmdline, stat.comm);
    sample.isBlender = isBlenderCommand(sample.command);
  }
  sample.cpuTicks = stat.cpuTicks;
  sample.atMs = atMs;
  sample.comm = stat.comm;
  sample.startTicks = stat.startTicks;
  sample.cmdline = raw.cmdline;
  sample.uid = raw.uid;
  sample.bytesPerPage = raw.bytesPerPage;
  sample.tick = tick;
  return sample;
}

function readOne(files: ProcFileReader, stats: KeptFiles, pid: number, procRoot: string, name: string, before: CpuSample | undefined, cmdlineDue: boolean): RawProcess | null {
  try {
    const stat = parsePidStatLine(stats.read(pid));
    if (!stat) return null;
    const pages = stat.rssPages;
    const same = before !== undefined && !cmdlineDue && before.comm === stat.comm && before.startTicks === stat.startTicks;
    // A kernel thread has no resident memory at all, whatever the page size.
    const perPage = before?.bytesPerPage ?? (stat.kernelThread && pages === 0 ? 0 : null);
    if (same && pages !== null && perPage !== null) {
      return { stat, uid: before.uid, rssBytes: pages * perPage, cmdline: before.cmdline, bytesPerPage: before.bytesPerPage };
    }
    const status = parsePidStatus(files.read(join(procRoot, name, 'status')));
    const cmdline = same ? before.cmdline : files.read(join(procRoot, name, 'cmdline'));
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

function toSnapshot(raw: RawProcess, context: ProcessContext, cpu: number | null, sample: CpuSample): ProcessSnapshot {
  return {
    pid: raw.stat.pid,
    user: raw.uid === null ? null : (context.users.get(raw.uid) ?? String(raw.uid)),
    node: context.node,
    home: context.node,
    migrated: false,
    stat: raw.stat.state,
    cpu,
    mem: context.memTotalBytes ? round1((raw.rssBytes / context.memTotalBytes) * 100) : null,
    timeSeconds: raw.stat.cpuTicks / CLOCK_TICKS_PER_SECOND,
    command: sample.command,
    isBlender: sample.isBlender,
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
