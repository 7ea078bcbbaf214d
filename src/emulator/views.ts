// What the local node's tools would see of the model: the inputs of the text printers, and the
// read-only view handed to tests and the demo backend.
import type { ClusterModel, EmuProcess } from './model.js';
import { freeBytes, localNode, localProcesses } from './model.js';
import type { MpsAuxRow, MpsRow } from './print/mps.js';
import type { MtopFrame, MtopRow } from './print/mtop.js';
import type { OpenMosixStatusState } from './print/openmosixStatus.js';
import { autodiscoveryStatus } from './print/openmosixStatus.js';
import type { EmulatorView } from './types.js';

const SWAP_KIB = { av: 642_560, used: 5_344, free: 637_216, cached: 83_440 };
const BUFFERS_KIB = 17_812;

/** STAT as ps shows it: a migrated process's deputy sleeps at home; stopped is T. */
export function statOf(model: ClusterModel, process: EmuProcess): string {
  if (process.stopped) return 'T';
  if (process.baseStat !== null) return process.baseStat;
  if (process.node !== model.localNode) return 'S';
  return process.share >= 0.25 ? 'R' : 'S';
}

function shownNode(model: ClusterModel, process: EmuProcess): number {
  return process.node === model.localNode ? 0 : process.node;
}

/**
 * ps's COMMAND: the command line with a space after each word, or `(comm)` when there is none to
 * read, as on the tutorial's kernel for a migrated process (the live 2.4.26 cluster shows the
 * command line there too; the emulator follows the tutorial it models).
 */
function commandCell(model: ClusterModel, process: EmuProcess): string {
  return process.node === model.localNode ? `${process.cmdline} ` : `(${process.comm})`;
}

/** mps rows of the local node's own processes, by PID; `withoutTerminal` as with `x`. */
export function mpsRows(model: ClusterModel, withoutTerminal = true): MpsRow[] {
  return localProcesses(model)
    .filter((process) => withoutTerminal || process.terminal)
    .sort((a, b) => a.pid - b.pid)
    .map((process) => ({
      pid: process.pid,
      tty: '? ',
      node: shownNode(model, process),
      stat: statOf(model, process),
      timeSeconds: process.cpuSeconds,
      command: commandCell(model, process),
    }));
}

/** `HH:MM` of model time `ms` on the emulated clock. */
function clockOf(model: ClusterModel, ms: number): string {
  const seconds = (((model.clockStartSeconds + Math.floor(ms / 1000)) % 86_400) + 86_400) % 86_400;
  return `${String(Math.floor(seconds / 3600)).padStart(2, '0')}:${String(Math.floor(seconds / 60) % 60).padStart(2, '0')}`;
}

/** `mps aux` rows: ps's %CPU is CPU time over the time since the process started. */
export function mpsAuxRows(model: ClusterModel, withoutTerminal = true): MpsAuxRow[] {
  const totalKiB = localNode(model).memTotalBytes / 1024;
  const byPid = new Map(localProcesses(model).map((process) => [process.pid, process]));
  return mpsRows(model, withoutTerminal).map((row) => {
    const process = byPid.get(row.pid);
    const ageSeconds = process ? (model.nowMs - process.startedAtMs) / 1000 : 0;
    return {
      ...row,
      user: process?.user ?? '',
      cpuPercent: process && ageSeconds > 0 ? Math.min(100, (process.cpuSeconds / ageSeconds) * 100) : 0,
      memPercent: process ? (process.rssKiB / totalKiB) * 100 : 0,
      sizeKiB: process?.sizeKiB ?? 0,
      rssKiB: process?.rssKiB ?? 0,
      start: clockOf(model, process?.startedAtMs ?? 0),
    };
  });
}

/** top's priority: CPU-bound processes sink to 14-18, sleepers sit at 9-10 (as in the capture). */
function priorityOf(process: EmuProcess): number {
  return process.demand >= 0.5 ? 14 + (process.pid % 5) : 9 + (process.pid % 2);
}

export function mtopFrame(model: ClusterModel): MtopFrame {
  const node = localNode(model);
  const totalKiB = node.memTotalBytes / 1024;
  const freeKiB = freeBytes(model, node) / 1024;
  const processes = localProcesses(model).sort((a, b) => b.pcpu - a.pcpu || a.pid - b.pid);
  const rows: MtopRow[] = processes.map((process) => ({
    pid: process.pid,
    user: process.user,
    priority: priorityOf(process),
    nice: 0,
    sizeKiB: process.sizeKiB,
    rssKiB: process.rssKiB,
    shareKiB: process.shareKiB,
    stat: statOf(model, process),
    node: shownNode(model, process),
    migrations: process.migrations,
    cpuPercent: process.pcpu,
    memPercent: (process.rssKiB / totalKiB) * 100,
    timeSeconds: process.cpuSeconds,
    command: process.comm,
  }));
  const stats = rows.map((row) => row.stat[0]);
  const busy = (node.util / 100) * node.cpus * 100;
  const seconds = Math.floor(model.nowMs / 1000);
  return {
    header: {
      clockSeconds: model.clockStartSeconds + seconds,
      uptimeSeconds: model.uptimeStartSeconds + seconds,
      users: 0,
      loadAverage: node.loadAverage,
      tasks: {
        running: stats.filter((stat) => stat === 'R').length,
        sleeping: stats.filter((stat) => stat === 'S').length,
        zombie: 0,
        stopped: stats.filter((stat) => stat === 'T').length,
      },
      cpu: { user: busy * 0.96, system: busy * 0.04, nice: 0, idle: Math.max(0, node.cpus * 100 - busy) },
      memKiB: { av: totalKiB, used: totalKiB - freeKiB, free: freeKiB, shrd: 0, buff: BUFFERS_KIB },
      swapKiB: SWAP_KIB,
    },
    rows,
  };
}

export function openMosixStatusState(model: ClusterModel): OpenMosixStatusState {
  return autodiscoveryStatus(model.localNode, model.nodes);
}

export function inspectModel(model: ClusterModel): EmulatorView {
  return {
    nowMs: model.nowMs,
    localNode: model.localNode,
    nodes: model.nodes.map((node) => ({
      id: node.id,
      ip: node.ip,
      up: node.up,
      speed: node.speed,
      cpus: node.cpus,
      load: Math.round(node.load),
      util: Math.round(node.util),
      memFreeBytes: freeBytes(model, node),
      memTotalBytes: node.memTotalBytes,
      flags: { ...node.flags },
    })),
    processes: [...model.processes.values()]
      .sort((a, b) => a.pid - b.pid)
      .map((process) => ({
        pid: process.pid,
        user: process.user,
        home: process.home,
        node: process.node,
        command: process.cmdline,
        kind: process.kind,
        stopped: process.stopped,
        cpuSeconds: process.cpuSeconds,
      })),
    render: model.render
      ? { blend: model.render.blend, framesTotal: model.render.framesTotal, framesDone: model.render.framesDone, finished: model.render.finished }
      : null,
  };
}
