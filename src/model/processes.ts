// Processes from the openMosix tools: mps says where each process runs (NODE 0 = at home) and
// gives the full command line; mtop adds the user, %CPU and %MEM that mps's short format lacks.
// Where the two disagree (they are read at slightly different moments), mps wins.
import type { MpsProcess, MtopProcess } from '../../parsers/index.js';
import { isBlenderCommand, type ProcessSnapshot } from './snapshot.js';

export interface ToolProcesses {
  /** Rows of `mps`; null when mps could not be read this time. */
  readonly mps: readonly MpsProcess[] | null;
  /** Rows of the latest `mtop -b -n 1`; null when there are none. */
  readonly mtop: readonly MtopProcess[] | null;
  readonly localNode: number;
}

/** null when neither tool gave a process list. */
export function processesFromTools(input: ToolProcesses): ProcessSnapshot[] | null {
  const { mps, mtop, localNode } = input;
  if (mps) {
    const extra = new Map((mtop ?? []).map((row) => [row.pid, row]));
    return mps.map((row) => {
      const top = extra.get(row.pid);
      return toSnapshot(row, localNode, {
        user: row.user ?? top?.user ?? null,
        cpu: row.cpu ?? top?.cpu ?? null,
        mem: row.mem ?? top?.mem ?? null,
      });
    });
  }
  if (mtop) return mtop.map((row) => toSnapshot(row, localNode, { user: row.user, cpu: row.cpu, mem: row.mem }));
  return null;
}

interface Shared {
  readonly pid: number;
  readonly node: number;
  readonly stat: string;
  readonly timeSeconds: number;
  readonly command: string;
}

function toSnapshot(row: Shared, localNode: number, extra: Pick<ProcessSnapshot, 'user' | 'cpu' | 'mem'>): ProcessSnapshot {
  // 0 means "here, at home"; -1 (2.6 beta, openMosix not configured) can only mean here as well.
  const away = row.node > 0 && row.node !== localNode;
  return {
    pid: row.pid,
    ...extra,
    node: away ? row.node : localNode,
    home: localNode,
    migrated: away,
    stat: row.stat,
    timeSeconds: row.timeSeconds,
    command: row.command,
    isBlender: isBlenderCommand(row.command),
  };
}
