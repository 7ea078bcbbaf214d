// A made-up cluster of any size, as plain data for the emulator's text printers: N nodes and P
// processes whose CPU times grow and whose pids churn a little every tick, so each tick's tool
// output differs from the last one (as on a real cluster). Seeded: same size, same data.
// No blender among the commands, so the dashboard's automatic blender-only filter stays off.
import { createRandom, type Random } from '../../src/emulator/random.js';
import type { MpsAuxRow, MtopFrame, MtopRow, OpenMosixStatusState } from '../../src/emulator/index.js';
import { autodiscoveryStatus } from '../../src/emulator/index.js';

export interface SyntheticNode {
  readonly id: number;
  readonly ip: string;
  readonly speed: number;
  readonly memTotalBytes: number;
  load: number;
  memFreeBytes: number;
  util: number;
}

export interface SyntheticProcess {
  readonly pid: number;
  readonly user: string;
  readonly command: string;
  readonly comm: string;
  /** 0 = at home, else the node it migrated to. */
  node: number;
  cpuPercent: number;
  timeSeconds: number;
  readonly rssKiB: number;
}

export interface SyntheticCluster {
  readonly nodes: SyntheticNode[];
  processes: SyntheticProcess[];
  readonly localNode: number;
  tickCount: number;
  nextPid: number;
}

const COMMANDS = [
  ['mencoder', 'mencoder mf://rendered/*.jpg -mf fps=12:type=jpg -ovc lavc -o blacksmith.avi'],
  ['povray', 'povray +Iscene.pov +W800 +H600 +Oout.png'],
  ['lame', 'lame --preset standard track07.wav track07.mp3'],
  ['sshd', '/usr/sbin/sshd'],
  ['zsh', '-zsh'],
  ['make', 'make -j4 -C /usr/src/linux-2.4.26-om1 bzImage'],
  ['gcc', 'gcc -O2 -c kernel/sched.c -o kernel/sched.o'],
  ['xterm', 'xterm -geometry 80x24+0+0'],
] as const;
const USERS = ['root', 'alice', 'bob', 'carol', 'guest'] as const;

/** Node ids as autodiscovery gives them: the low 16 bits of 10.0.x.y addresses. */
export function nodeAddress(index: number): { id: number; ip: string } {
  const value = 258 + index; // 10.0.1.2 and up, like the tutorial's nodes
  const third = Math.floor(value / 256) % 256;
  const fourth = value % 256;
  return { id: third * 256 + fourth, ip: `10.0.${third}.${fourth}` };
}

export function createSyntheticCluster(nodeCount: number, processCount: number, seed = 6): SyntheticCluster {
  const random = createRandom(seed);
  const nodes: SyntheticNode[] = Array.from({ length: nodeCount }, (_, index) => {
    const { id, ip } = nodeAddress(index);
    const memTotalBytes = (128 + 128 * random.index(8)) * 1024 * 1024;
    return { id, ip, speed: 8000 + random.index(20_000), memTotalBytes, load: random.index(300), memFreeBytes: Math.floor(memTotalBytes * 0.6), util: 100 };
  });
  const localNode = nodes[0]?.id ?? 258;
  const cluster: SyntheticCluster = { nodes, processes: [], localNode, tickCount: 0, nextPid: 1000 };
  cluster.processes = Array.from({ length: processCount }, () => newProcess(cluster, random, cluster.nextPid++));
  return cluster;
}

function newProcess(cluster: SyntheticCluster, random: Random, pid: number): SyntheticProcess {
  const [comm, command] = COMMANDS[random.index(COMMANDS.length)] ?? COMMANDS[0];
  const away = cluster.nodes.length > 1 && random.next() < 0.4;
  const node = away ? (cluster.nodes[1 + random.index(cluster.nodes.length - 1)]?.id ?? 0) : 0;
  return {
    pid, user: USERS[random.index(USERS.length)] ?? 'root', command, comm, node,
    cpuPercent: random.next() < 0.3 ? random.between(1, 99) : 0, timeSeconds: random.index(4000), rssKiB: 500 + random.index(60_000),
  };
}

/**
 * One second of cluster life: CPU times grow, loads wander, 1% of the processes exit and as many
 * new ones start with fresh pids (so caches keyed by pid see real churn).
 */
export function advanceCluster(cluster: SyntheticCluster, seed = 7): void {
  const random = createRandom(seed + cluster.tickCount);
  cluster.tickCount += 1;
  for (const node of cluster.nodes) {
    node.load = Math.max(0, node.load + random.index(41) - 20);
    node.memFreeBytes = Math.max(0, Math.min(node.memTotalBytes, node.memFreeBytes + (random.index(2001) - 1000) * 4096));
  }
  for (const process of cluster.processes) process.timeSeconds += process.cpuPercent / 100;
  const kept = cluster.processes.filter((_, index) => index % 100 !== cluster.tickCount % 100);
  const started = Array.from({ length: cluster.processes.length - kept.length }, () => newProcess(cluster, random, cluster.nextPid++));
  cluster.processes = [...kept, ...started];
}

/** `mps auxww` rows, the layout the openmosix backend reads. */
export function toMpsRows(cluster: SyntheticCluster): MpsAuxRow[] {
  return cluster.processes.map((process) => ({
    pid: process.pid, tty: '? ', node: process.node, stat: process.cpuPercent > 25 ? 'R' : 'S',
    timeSeconds: process.timeSeconds, command: process.node === 0 ? `${process.command} ` : `(${process.comm})`,
    user: process.user, cpuPercent: process.cpuPercent, memPercent: (process.rssKiB / 262_144) * 100,
    sizeKiB: process.rssKiB + 800, rssKiB: process.rssKiB, start: '22:37',
  }));
}

export function toMtopFrame(cluster: SyntheticCluster): MtopFrame {
  const rows: MtopRow[] = [...cluster.processes]
    .sort((a, b) => b.cpuPercent - a.cpuPercent)
    .map((process) => ({
      pid: process.pid, user: process.user, priority: process.cpuPercent > 25 ? 17 : 9, nice: 0,
      sizeKiB: process.rssKiB + 800, rssKiB: process.rssKiB, shareKiB: 676, stat: process.cpuPercent > 25 ? 'R' : 'S',
      node: process.node, migrations: process.node === 0 ? 0 : 1, cpuPercent: process.cpuPercent, memPercent: (process.rssKiB / 262_144) * 100,
      timeSeconds: process.timeSeconds, command: process.comm,
    }));
  const running = cluster.processes.filter((process) => process.cpuPercent > 25).length;
  return {
    header: {
      clockSeconds: 22 * 3600 + 37 * 60 + cluster.tickCount, uptimeSeconds: 78_600 + cluster.tickCount, users: 0,
      loadAverage: [0.32, 0.15, 0.05],
      tasks: { sleeping: cluster.processes.length - running, running, zombie: 0, stopped: 0 },
      cpu: { user: 60.8, system: 2.1, nice: 0, idle: 37.1 },
      memKiB: { av: 255_436, used: 243_012, free: 12_424, shrd: 0, buff: 17_812 },
      swapKiB: { av: 642_560, used: 5_344, free: 637_216, cached: 83_440 },
    },
    rows,
  };
}

export function toOpenMosixStatus(cluster: SyntheticCluster): OpenMosixStatusState {
  return autodiscoveryStatus(cluster.localNode, cluster.nodes);
}
