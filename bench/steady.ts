// 4a. Steady cost: `node bin/omtop.js --demo --interval 1`, `node bin/omtop.js --backend local
// --interval 1` and `top -d 1`, side by side in tmux pseudo-terminals of 120×40 over the same minute. CPU seconds come from /proc/<pid>/stat (the
// whole process tree, so a helper process would count too), peak RSS from VmHWM, system calls from
// /proc/<pid>/io (syscr + syscw: the reads and writes of the files /proc is made of, and the terminal).
// Beside them, local's floors (bench/lib/sourcesAlone.js): its sources without a screen, and a node
// that only reads each PID's stat.
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { commandNameOf, cpuSecondsOf, memoryOf, processTree } from './lib/procStat.js';
import type { BenchRow } from './lib/row.js';
import { ratio } from './lib/stats.js';
import { createTmuxServer } from './lib/tmux.js';

const BENCH = '4 steady';
/** Start-up is left out: the measured minute begins this long after launch. */
const SETTLE_MS = 5_000;
const WINDOW_MS = 60_000;
/** Issue 14's targets: CPU against `top -d 1` (local ≤ 2×, demo ≤ 3×), peak RSS ≤ 80 MiB for both. */
const PEAK_RSS_TARGET_MIB = 80;
const OMTOPS = [
  { label: 'omtop --backend local -d 1', session: 'local', args: ['--backend', 'local', '--interval', '1'], cpuAtMost: 2 },
  { label: 'omtop --demo -d 1', session: 'demo', args: ['--demo', '--interval', '1'], cpuAtMost: 3 },
] as const;

/** What `--backend local -d 1` costs without its screen, measured beside it (no target: why 2× top is out of reach or not). */
const FLOORS = [
  { label: 'omtop sources alone (local backend, collector, store; no screen)', session: 'sources' },
  { label: 'node reading every PID\'s /proc stat once a second', session: 'reads' },
] as const;

interface Watched {
  readonly root: number;
  /** CPU seconds of the whole tree at the start and end of the window. */
  cpuStart: number | null;
  cpuEnd: number | null;
  /** Read and write system calls of the whole tree at the start and end of the window. */
  ioCallsStart: number | null;
  ioCallsEnd: number | null;
  peakRssBytes: number | null;
  names: Set<string>;
}

function treeCpu(root: number): number | null {
  const pids = processTree(root);
  const seconds = pids.map(cpuSecondsOf).filter((value): value is number => value !== null);
  return seconds.length === 0 ? null : seconds.reduce((sum, value) => sum + value, 0);
}

/** syscr + syscw of /proc/<pid>/io: every read and write system call the process made. */
function ioCallsOf(pid: number): number | null {
  try {
    const io = readFileSync(`/proc/${pid}/io`, 'utf8');
    const count = (name: string): number => Number(new RegExp(`^${name}:\\s+(\\d+)$`, 'm').exec(io)?.[1] ?? Number.NaN);
    const sum = count('syscr') + count('syscw');
    return Number.isFinite(sum) ? sum : null;
  } catch {
    // Gone, or another user's: not counted.
    return null;
  }
}

function treeIoCalls(root: number): number | null {
  const calls = processTree(root).map(ioCallsOf).filter((value): value is number => value !== null);
  return calls.length === 0 ? null : calls.reduce((sum, value) => sum + value, 0);
}

/** The largest VmHWM in the tree: the main process (node, top), not the tmux shell around it. */
function treePeakRss(watched: Watched): void {
  for (const pid of processTree(watched.root)) {
    const peak = memoryOf(pid)?.peakRssBytes ?? null;
    const name = commandNameOf(pid);
    if (name !== null) watched.names.add(name);
    if (peak !== null && (watched.peakRssBytes === null || peak > watched.peakRssBytes)) watched.peakRssBytes = peak;
  }
}

/** A watched tree before its first reading. */
const UNREAD = { cpuStart: null, cpuEnd: null, ioCallsStart: null, ioCallsEnd: null, peakRssBytes: null } as const;

export async function benchSteady(repoRoot: string): Promise<BenchRow[]> {
  const server = createTmuxServer(`omtop-bench-${process.pid}`);
  try {
    const watch = async (session: string, argv: readonly string[]): Promise<Watched> =>
      ({ root: await server.start(session, argv, repoRoot, 120, 40), ...UNREAD, names: new Set() });
    const omtops: Watched[] = [];
    for (const omtop of OMTOPS) omtops.push(await watch(omtop.session, ['node', 'bin/omtop.js', ...omtop.args]));
    const top: Watched = { root: await server.start('top', ['top', '-d', '1'], repoRoot, 120, 40), ...UNREAD, names: new Set() };
    // Node itself, idle: how much of omtop's memory is the runtime's floor.
    const idleNode: Watched = { root: await server.start('node', ['node', '-e', 'setInterval(() => {}, 1000)'], repoRoot, 120, 40), ...UNREAD, names: new Set() };
    // local's floors: its sources without the screen, and a node doing only the /proc reads (bench/lib/sourcesAlone.js).
    const floors: Watched[] = [];
    for (const floor of FLOORS) floors.push(await watch(floor.session, ['node', 'bench/lib/sourcesAlone.js', floor.session]));
    await sleep(SETTLE_MS);
    const startedAt = Date.now();
    const all = [...omtops, top, idleNode, ...floors];
    for (const watched of all) {
      watched.cpuStart = treeCpu(watched.root);
      watched.ioCallsStart = treeIoCalls(watched.root);
    }
    // Reading every few seconds keeps up with processes that come and go in the tree.
    while (Date.now() - startedAt < WINDOW_MS) {
      await sleep(5_000);
      for (const watched of all) treePeakRss(watched);
    }
    const windowSeconds = (Date.now() - startedAt) / 1000;
    for (const watched of all) {
      watched.cpuEnd = treeCpu(watched.root);
      watched.ioCallsEnd = treeIoCalls(watched.root);
    }
    const rows: BenchRow[] = [];
    for (const [index, omtop] of OMTOPS.entries()) {
      const watched = omtops[index];
      if (watched === undefined) continue;
      rows.push(...rowsOf(omtop, watched, top, idleNode, windowSeconds, await server.capture(omtop.session)));
    }
    for (const [index, floor] of FLOORS.entries()) {
      const watched = floors[index];
      if (watched !== undefined) rows.push(floorRow(floor.label, watched, top, windowSeconds));
    }
    return rows;
  } finally {
    await server.kill();
  }
}

/** CPU seconds a minute of a watched tree over the window; null when it was not read at both ends. */
function cpuPerMinute(watched: Watched, windowSeconds: number): number | null {
  return watched.cpuStart === null || watched.cpuEnd === null ? null : ((watched.cpuEnd - watched.cpuStart) * 60) / windowSeconds;
}

function floorRow(label: string, floor: Watched, top: Watched, windowSeconds: number): BenchRow {
  const floorCpu = cpuPerMinute(floor, windowSeconds);
  const topCpu = cpuPerMinute(top, windowSeconds);
  return {
    bench: BENCH, name: `${label}: CPU per minute`, value: floorCpu, unit: 's',
    baseline: `top -d 1: ${topCpu?.toFixed(2) ?? '—'} s`, ratio: floorCpu === null || topCpu === null ? null : ratio(floorCpu, topCpu),
    note: `the same window, beside omtop --backend local -d 1 (bench/lib/sourcesAlone.js); peak RSS ${floor.peakRssBytes === null ? '—' : (floor.peakRssBytes / 1024 / 1024).toFixed(1)} MiB${floor.cpuEnd === null ? '; WARNING: it was gone before the end' : ''}`,
  };
}

function rowsOf(command: (typeof OMTOPS)[number], omtop: Watched, top: Watched, idleNode: Watched, windowSeconds: number, screen: string): BenchRow[] {
  const cpu = (watched: Watched): number | null => cpuPerMinute(watched, windowSeconds);
  const omtopCpu = cpu(omtop);
  const topCpu = cpu(top);
  const mib = (bytes: number | null): number | null => (bytes === null ? null : bytes / 1024 / 1024);
  const ioPerSecond = (watched: Watched): number | null =>
    watched.ioCallsStart === null || watched.ioCallsEnd === null ? null : (watched.ioCallsEnd - watched.ioCallsStart) / windowSeconds;
  const omtopIo = ioPerSecond(omtop);
  const topIo = ioPerSecond(top);
  const drawn = /omtop|Nodes|Processes/i.test(screen) ? '' : `; WARNING: the omtop pane shows no dashboard: ${JSON.stringify(screen.trim().slice(0, 120))}`;
  const alive = omtop.cpuEnd === null ? '; WARNING: omtop was gone before the end' : '';
  return [
    {
      bench: BENCH, name: `${command.label}: CPU per minute`, value: omtopCpu, unit: 's',
      baseline: `top -d 1: ${topCpu?.toFixed(2) ?? '—'} s`, ratio: omtopCpu === null || topCpu === null ? null : ratio(omtopCpu, topCpu),
      target: { on: 'ratio', atMost: command.cpuAtMost },
      note: `tmux 120×40, the same ${windowSeconds.toFixed(0)} s for all, after ${SETTLE_MS / 1000} s of start-up, while the simulated memory run kept the other core busy; processes seen: ${[...omtop.names].join(', ')}${alive}${drawn}`,
    },
    {
      bench: BENCH, name: `${command.label}: read/write system calls per second`, value: omtopIo, unit: 'calls/s',
      baseline: `top -d 1: ${topIo?.toFixed(0) ?? '—'} calls/s`, ratio: omtopIo === null || topIo === null || topIo === 0 ? null : ratio(omtopIo, topIo),
      note: 'syscr + syscw of /proc/<pid>/io over the same window: the /proc files read and the terminal written',
    },
    {
      bench: BENCH, name: `${command.label}: peak RSS`, value: mib(omtop.peakRssBytes), unit: 'MiB',
      baseline: `top -d 1: ${mib(top.peakRssBytes)?.toFixed(1) ?? '—'} MiB`,
      ratio: omtop.peakRssBytes === null || top.peakRssBytes === null ? null : ratio(omtop.peakRssBytes, top.peakRssBytes),
      target: { on: 'value', atMost: PEAK_RSS_TARGET_MIB },
      note: 'VmHWM of the largest process in each tree',
    },
    {
      bench: BENCH, name: `${command.label}: peak RSS vs idle node`, value: mib(omtop.peakRssBytes), unit: 'MiB',
      baseline: `node -e 'setInterval(…)': ${mib(idleNode.peakRssBytes)?.toFixed(1) ?? '—'} MiB`,
      ratio: omtop.peakRssBytes === null || idleNode.peakRssBytes === null ? null : ratio(omtop.peakRssBytes, idleNode.peakRssBytes),
      note: `the runtime's own floor, measured alongside; idle node used ${cpu(idleNode)?.toFixed(2) ?? '—'} s CPU in the minute`,
    },
  ];
}
