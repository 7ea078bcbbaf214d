// The tutorial's cluster ("Using Blender with openMosix", dyne:bolic 1.3) as the emulator's
// starting point. Values the tutorial prints are used as they are; the rest are plausible fill-ins.
import { createRandom } from './random.js';
import type { ClusterModel, EmuNode, EmuProcess } from './model.js';
import { PAGE_BYTES, newProcess } from './model.js';
import type { EmulatorOptions } from './types.js';
import { noNodeFlags } from '../../parsers/nodeFlags.js';

export const DEFAULT_SEED = 261;
/** Jobs of other nodes' users live in their own pid space; the emulator numbers them from here. */
export const FIRST_FOREIGN_PID = 4_200_000; // above Linux's largest pid_max, so never a real pid

interface NodeSpec {
  readonly ip: string;
  readonly speed: number;
  readonly cpus: number;
  readonly totalPages: number;
  /** Free pages on an idle node (the tutorial's getmem, taken before the render started). */
  readonly idleFreePages: number;
}

// 261 and 266: speed and memory from the tutorial's mosctl output. 261 has two CPUs because the
// tutorial's mtop shows 160.8% user time there. 407 and 258 are invented.
const NODE_SPECS: readonly NodeSpec[] = [
  { ip: '10.0.1.5', speed: 8240, cpus: 2, totalPages: 65533, idleFreePages: 60448 },
  { ip: '10.0.1.151', speed: 19000, cpus: 1, totalPages: 131039, idleFreePages: 122380 },
  { ip: '10.0.1.10', speed: 26842, cpus: 1, totalPages: 57328, idleFreePages: 53213 },
  { ip: '10.0.1.2', speed: 12000, cpus: 1, totalPages: 32749, idleFreePages: 28110 },
];

/** Node numbers come from autodiscovery: the low 16 bits of the IPv4 address. */
export function nodeIdOf(ip: string): number {
  const [, , third = '0', fourth = '0'] = ip.split('.');
  return (Number(third) & 255) * 256 + (Number(fourth) & 255);
}

export function createInitialModel(options: EmulatorOptions): ClusterModel {
  const localId = nodeIdOf(NODE_SPECS[0]?.ip ?? '');
  const starters = [...systemProcesses(localId), ...initialGuests(localId, NODE_SPECS.map((spec) => nodeIdOf(spec.ip)))];
  const nodes = NODE_SPECS.map((spec) => makeNode(spec, starters));
  const local = nodes[0];
  if (!local) throw new Error('emulator: no nodes configured');
  const model: ClusterModel = {
    nowMs: 0,
    pendingMs: 0,
    localNode: local.id,
    nodes,
    processes: new Map(),
    nextPid: 1200,
    nextForeignPid: FIRST_FOREIGN_PID,
    random: createRandom(options.seed ?? DEFAULT_SEED),
    events: [],
    nextBalanceMs: 1000,
    render: null,
    renderedFrames: new Map(),
    settings: {
      failures: options.failures ?? true,
      repeatRender: options.repeatRender ?? true,
      guestArrivals: options.guestArrivals ?? true,
    },
    clockStartSeconds: 22 * 3600 + 37 * 60, // the tutorial's mtop: " 10:37pm  up 21:50"
    uptimeStartSeconds: BOOT_MINUTES_AGO * 60,
    decay: { interval: 1, slow: 975, fast: 926 },
    mfs: true,
  };
  for (const process of starters) model.processes.set(process.pid, process);
  return model;
}

/** The processes present at the start are inside the idle figure, so an idle node reports it exactly. */
function makeNode(spec: NodeSpec, starters: readonly EmuProcess[]): EmuNode {
  const id = nodeIdOf(spec.ip);
  const total = spec.totalPages * PAGE_BYTES;
  const startersBytes = starters.filter((process) => process.node === id).reduce((sum, process) => sum + process.rssKiB * 1024, 0);
  return {
    id,
    ip: spec.ip,
    speed: spec.speed,
    cpus: spec.cpus,
    memTotalBytes: total,
    baseUsedBytes: Math.max(0, total - spec.idleFreePages * PAGE_BYTES - startersBytes),
    cacheBytes: Math.floor(spec.totalPages / 16) * PAGE_BYTES,
    up: true,
    downUntilMs: 0,
    flags: noNodeFlags(),
    load: 0,
    util: 0,
    loadAverage: [0, 0, 0],
  };
}

interface ProcessSpec {
  readonly pid: number;
  /** As the tutorial's mtop shows it: xterm under the login shell, zsh under xterm. */
  readonly ppid: number;
  readonly cmdline: string;
  readonly comm: string;
  readonly stat: string;
  readonly demand: number;
  readonly cpuSeconds: number;
  readonly sizeKiB: number;
  readonly rssKiB: number;
  readonly shareKiB: number;
  /** Started this long before the emulator (init and sshd at boot, the user's session lately). */
  readonly startedMinutesAgo: number;
  /** Has a controlling terminal (plain `mps` lists it): the daemons have none. */
  readonly terminal: boolean;
}

const BOOT_MINUTES_AGO = 21 * 60 + 50; // the tutorial's mtop: "up 21:50"

// The tutorial's mps and mtop listings (sizes from its mtop where it shows them).
const SYSTEM_PROCESSES: readonly ProcessSpec[] = [
  { pid: 1, ppid: 0, cmdline: 'init', comm: 'init', stat: 'S', demand: 0, cpuSeconds: 6, sizeKiB: 476, rssKiB: 476, shareKiB: 420, startedMinutesAgo: BOOT_MINUTES_AGO, terminal: false },
  { pid: 1098, ppid: 1, cmdline: '/usr/sbin/sshd', comm: 'sshd', stat: 'S', demand: 0.001, cpuSeconds: 24, sizeKiB: 2208, rssKiB: 2208, shareKiB: 1576, startedMinutesAgo: BOOT_MINUTES_AGO, terminal: false },
  { pid: 1100, ppid: 1, cmdline: '-zsh', comm: 'zsh', stat: 'S', demand: 0, cpuSeconds: 0, sizeKiB: 1936, rssKiB: 1936, shareKiB: 1320, startedMinutesAgo: 4, terminal: true },
  { pid: 1146, ppid: 1100, cmdline: 'xterm', comm: 'xterm', stat: 'S', demand: 0, cpuSeconds: 0, sizeKiB: 4484, rssKiB: 4484, shareKiB: 3120, startedMinutesAgo: 4, terminal: true },
  { pid: 1147, ppid: 1146, cmdline: 'zsh', comm: 'zsh', stat: 'S', demand: 0, cpuSeconds: 0, sizeKiB: 1936, rssKiB: 1936, shareKiB: 1320, startedMinutesAgo: 4, terminal: true },
  { pid: 1181, ppid: 1147, cmdline: 'mtop', comm: 'mtop', stat: 'R', demand: 0.003, cpuSeconds: 0, sizeKiB: 848, rssKiB: 848, shareKiB: 692, startedMinutesAgo: 2, terminal: true },
];

function systemProcesses(home: number): EmuProcess[] {
  return SYSTEM_PROCESSES.map((spec) =>
    newProcess({
      pid: spec.pid,
      ppid: spec.ppid,
      user: 'root',
      home,
      node: home,
      comm: spec.comm,
      cmdline: spec.cmdline,
      kind: 'system',
      demand: spec.demand,
      baseStat: spec.stat,
      share: spec.demand,
      pcpu: spec.demand * 100,
      cpuSeconds: spec.cpuSeconds,
      sizeKiB: spec.sizeKiB,
      rssKiB: spec.rssKiB,
      shareKiB: spec.shareKiB,
      lastMovedMs: 0,
      startedAtMs: -spec.startedMinutesAgo * 60_000,
      terminal: spec.terminal,
    }),
  );
}

/** Two long jobs from other nodes' users, running on the local node when the emulator starts. */
function initialGuests(local: number, nodeIds: readonly number[]): EmuProcess[] {
  const [, fromA, , fromB] = nodeIds;
  if (fromA === undefined || fromB === undefined) return [];
  return [
    foreignProcess(FIRST_FOREIGN_PID - 2, 'povray', 'povray +Iscene.pov +W800 +H600', fromA, local, 4_096, 60_000_000),
    foreignProcess(FIRST_FOREIGN_PID - 1, 'lame', 'lame --preset standard track07.wav', fromB, local, 2_048, 45_000_000),
  ];
}

export function foreignProcess(
  pid: number,
  comm: string,
  cmdline: string,
  home: number,
  node: number,
  rssKiB: number,
  work: number,
): EmuProcess {
  return newProcess({
    pid, user: 'guest', home, node, comm, cmdline, kind: 'foreign', demand: 1, sizeKiB: rssKiB + 1024, rssKiB, shareKiB: 512, workLeft: work,
    terminal: false,
  });
}
