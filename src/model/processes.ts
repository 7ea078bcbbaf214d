// Processes from `mps auxww`: every process with its user, %CPU, %MEM, the node it runs on now
// (NODE 0 = at home, -1 = could not be read) and its full command line. The real mtop has no
// batch mode, so mps is the one process source.
import type { MpsProcess } from '../../parsers/index.js';
import { isBlenderCommand, type ProcessSnapshot } from './snapshot.js';

export function processesFromMps(rows: readonly MpsProcess[], localNode: number): ProcessSnapshot[] {
  return rows.map((row) => {
    // NODE -1: /proc/PID/where could not be read, so where it runs is not known.
    const node = row.node < 0 ? null : row.node === 0 ? localNode : row.node;
    return {
      pid: row.pid,
      user: row.user ?? null,
      cpu: row.cpu ?? null,
      mem: row.mem ?? null,
      node,
      home: localNode,
      migrated: node !== null && node !== localNode,
      stat: row.stat ?? '',
      timeSeconds: row.timeSeconds ?? 0,
      command: row.command,
      isBlender: isBlenderCommand(row.command),
    };
  });
}
