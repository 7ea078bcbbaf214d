// This machine as a one-node cluster, read from /proc without forking. What a user without
// openMosix sees with --backend local, and where the launcher's real blender parts show up.
//
// Units follow openMosix so the views need no special case:
// - speed = CPU MHz × 10, so a 1 GHz CPU is 10000, the speed of openMosix's reference PIII/1 GHz;
// - load = 1-minute load average × 100 / CPUs (100 ≈ every CPU busy); the load average itself is
//   kept too (loadAverage), which is what the dashboard shows for this machine;
// - util = busy share of all CPUs since the previous collect (since boot on the first).
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { CommandOutcome, ClusterCommand } from '../../cluster/commands.js';
import { validateAndFreeze, failedSnapshot } from '../../model/validateSnapshot.js';
import { errorLine } from '../../errorLine.js';
import type { ClusterSnapshot, NodeSnapshot, ProcessSnapshot, SourceError } from '../../model/snapshot.js';
import type { CommandRunner } from '../../runner/runner.js';
import type { Backend } from '../backend.js';
import { KeptFiles, ProcFileReader } from '../procFile.js';
import { refuse, runCommand } from '../runCommand.js';
import { localIdentity, type LocalIdentity } from './identity.js';
import { parsePasswd } from './procPid.js';
import { createProcessReader } from './processes.js';
import { parseCpuinfo, parseLoadavg, parseMeminfo, parseProcStatCpu, type CpuTimes } from './procText.js';

export interface LocalBackendOptions {
  /** @default '/proc' */
  readonly procRoot?: string;
  /** Runs `kill -s SIG PID` for signal commands. */
  readonly runner: CommandRunner;
  /** @default Date.now */
  readonly now?: () => number;
  /** @default '/etc/passwd' */
  readonly passwdPath?: string;
  /** @default from this machine's IPv4 address (see identity.ts) */
  readonly identity?: LocalIdentity;
}

/** /proc/cpuinfo (the CPU count and clock; slow for the kernel to make) is read every this many collects. */
const CPUINFO_EVERY = 30;
/**
 * The node's own /proc files, kept open from one collect to the next and read again with one pread
 * each (see KeptFiles), where fs/promises' readFile took an open, an fstat, reads and a close, each a
 * trip through the thread pool.
 */
const NODE_FILES = ['loadavg', 'meminfo', 'cpuinfo', 'stat', 'uptime'] as const;
type NodeFile = (typeof NODE_FILES)[number];

type NodeValues = Pick<NodeSnapshot, 'load' | 'loadAverage' | 'speed' | 'memFreeBytes' | 'memTotalBytes' | 'util' | 'cpus'>;

export function createLocalBackend(options: LocalBackendOptions): Backend {
  const procRoot = options.procRoot ?? '/proc';
  const now = options.now ?? Date.now;
  const identity = options.identity ?? localIdentity();
  const processes = createProcessReader();
  let last: NodeValues = { load: null, loadAverage: null, speed: null, memFreeBytes: null, memTotalBytes: null, util: null, cpus: null };
  let lastCpuTimes: CpuTimes | null = null;
  let lastProcesses: ProcessSnapshot[] = [];
  let collects = 0;
  /** /etc/passwd as last parsed, read again only when its size or time changes. */
  let users: { readonly key: string; readonly names: ReadonlyMap<number, string> } | null = null;
  const nodeFiles = new KeptFiles(new ProcFileReader(), NODE_FILES.length, (key) => join(procRoot, NODE_FILES[key] ?? ''));

  const read = <T>(file: NodeFile, parse: (text: string) => T | null, errors: SourceError[]): T | null => {
    const source = join(procRoot, file);
    try {
      const value = parse(nodeFiles.read(NODE_FILES.indexOf(file)));
      if (value === null) errors.push({ source, message: `${source}: unexpected contents` });
      return value;
    } catch (error) {
      errors.push({ source, message: errorLine(error) });
      return null;
    }
  };

  const collectNode = (errors: SourceError[]): NodeValues => {
    collects += 1;
    const cpuinfoDue = last.cpus === null || collects % CPUINFO_EVERY === 1;
    const loadavg = read('loadavg', parseLoadavg, errors);
    const mem = read('meminfo', parseMeminfo, errors);
    const cpu = cpuinfoDue ? read('cpuinfo', parseCpuinfo, errors) : null;
    const times = read('stat', parseProcStatCpu, errors);
    const cpus = cpu?.cpus ?? last.cpus;
    const values: NodeValues = {
      cpus,
      load: loadavg !== null && cpus ? Math.round((loadavg * 100) / cpus) : last.load,
      loadAverage: loadavg ?? last.loadAverage ?? null,
      speed: cpu?.mhz ? Math.round(cpu.mhz * 10) : last.speed,
      memFreeBytes: mem?.freeBytes ?? last.memFreeBytes,
      memTotalBytes: mem?.totalBytes ?? last.memTotalBytes,
      util: (times ? utilSince(lastCpuTimes, times) : null) ?? last.util,
    };
    if (times) lastCpuTimes = times;
    last = values;
    return values;
  };

  const userNames = (errors: SourceError[]): ReadonlyMap<number, string> => {
    const path = options.passwdPath ?? '/etc/passwd';
    try {
      const info = statSync(path);
      const key = `${info.ino}:${info.size}:${info.mtimeMs}`;
      if (users?.key !== key) users = { key, names: parsePasswd(readFileSync(path, 'utf8')) };
      return users.names;
    } catch (error) {
      errors.push({ source: path, message: errorLine(error) });
      return new Map<number, string>();
    }
  };

  const collectProcesses = async (takenAt: number, values: NodeValues, errors: SourceError[]): Promise<ProcessSnapshot[]> => {
    const names = userNames(errors);
    const uptimeSeconds = read('uptime', (text) => nonNegative(Number(text.trim().split(/\s+/)[0])), errors);
    try {
      lastProcesses = await processes.read({ procRoot, node: identity.id, memTotalBytes: values.memTotalBytes, uptimeSeconds, users: names, nowMs: takenAt });
    } catch (error) {
      errors.push({ source: `${procRoot}/<pid>`, message: errorLine(error) });
    }
    return lastProcesses;
  };

  return {
    name: 'local',
    async collect(): Promise<ClusterSnapshot> {
      const takenAt = now();
      const errors: SourceError[] = [];
      try {
        const nodeErrors: SourceError[] = [];
        const values = collectNode(nodeErrors);
        errors.push(...nodeErrors);
        const node: NodeSnapshot = {
          id: identity.id,
          ip: identity.ip,
          up: true,
          ...values,
          flags: {},
          stale: nodeErrors.length > 0,
          ...(nodeErrors[0] ? { error: nodeErrors[0].message } : {}),
          isLocal: true,
        };
        const procs = await collectProcesses(takenAt, values, errors);
        return validateAndFreeze({ takenAt, backend: 'local', localNode: identity.id, nodes: [node], processes: procs, errors });
      } catch (error) {
        return failedSnapshot('local', takenAt, [...errors, { source: 'local backend', message: errorLine(error) }]);
      }
    },
    perform(command: ClusterCommand): Promise<CommandOutcome> {
      if (command.type === 'signal') return runCommand(options.runner, command);
      return Promise.resolve(refuse(command, 'local'));
    },
    close: () => {
      processes.close();
      nodeFiles.close();
      return Promise.resolve();
    },
  };
}

function utilSince(before: CpuTimes | null, after: CpuTimes): number | null {
  const busy = after.busy - (before?.busy ?? 0);
  const total = after.total - (before?.total ?? 0);
  return total > 0 ? Math.round((busy / total) * 100) : null;
}

function nonNegative(value: number): number | null {
  return Number.isFinite(value) && value >= 0 ? value : null;
}
