// The text `omtop --once` prints: a node table, a process table (migrated processes shown as
// →NODE), then what could not be read. Plain columns, no colour, so it pipes and diffs well.
import { nodeState, type ClusterSnapshot, type NodeSnapshot, type ProcessSnapshot } from '../model/snapshot.js';
import { formatCpuTime, humanBytes } from '../text/format.js';
import { schedulerSections } from './onceSchedulerTable.js';
import { NODE_FLAGS } from '../../parsers/nodeFlags.js';

export function formatSnapshot(snapshot: ClusterSnapshot): string {
  const taken = new Date(snapshot.takenAt).toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
  if (snapshot.jobs !== undefined) return finish(snapshot, [`omtop: ${snapshot.backend} backend, ${taken}`, ...schedulerSections(snapshot)]);
  return finish(snapshot, [
    `omtop: ${snapshot.backend} backend, local node ${snapshot.localNode}, ${taken}`,
    nodeTable(snapshot),
    processTable(snapshot.processes),
  ]);
}

function finish(snapshot: ClusterSnapshot, sections: string[]): string {
  if (snapshot.errors.length > 0) {
    sections.push(['Errors:', ...snapshot.errors.map((error) => `  ${error.source}: ${error.message}`)].join('\n'));
  }
  return `${sections.join('\n\n')}\n`;
}

function nodeTable(snapshot: ClusterSnapshot): string {
  if (snapshot.nodes.length === 0) return 'Nodes: none could be read';
  const header = ['NODE', 'IP', 'STATE', 'LOAD', 'SPEED', 'MEM FREE/TOTAL', 'UTIL', 'CPUS', 'PROCS', 'FLAGS'];
  // Counted in one pass: a filter per node is nodes × processes (1,000 × 10,000 in the benchmark).
  const processCount = new Map<number, number>();
  for (const { node } of snapshot.processes) if (node !== null) processCount.set(node, (processCount.get(node) ?? 0) + 1);
  const rows = snapshot.nodes.map((node) => [
    `${node.id}${node.isLocal ? '*' : ''}`,
    node.ip || '-',
    nodeState(node),
    known(node.load),
    known(node.speed),
    `${memory(node.memFreeBytes)}/${memory(node.memTotalBytes)}`,
    node.util === null ? '-' : `${node.util}%`,
    known(node.cpus),
    String(processCount.get(node.id) ?? 0),
    flags(node),
  ]);
  const notes = snapshot.nodes.filter((node) => node.error).map((node) => `  ${node.id}: ${node.error}`);
  const pending = snapshot.nodes.filter((node) => node.pending === true).length;
  if (pending > 0) notes.push(`  ${pending} of ${snapshot.nodes.length} nodes pending: not read before the --once deadline (a map this big is read a few dozen nodes a second)`);
  const table = columns(header, rows, new Set([3, 4, 6, 7, 8]));
  return ['* = this node', table, ...notes].join('\n');
}

function processTable(processes: readonly ProcessSnapshot[]): string {
  if (processes.length === 0) return 'Processes: none';
  const header = ['PID', 'USER', 'NODE', 'HOME', 'STAT', '%CPU', '%MEM', 'TIME', 'COMMAND'];
  const rows = processes.map((p) => [
    String(p.pid),
    p.user ?? '-',
    p.node === null ? '?' : p.migrated ? `→${p.node}` : String(p.node),
    String(p.home),
    p.stat,
    p.cpu === null ? '-' : p.cpu.toFixed(1),
    p.mem === null ? '-' : p.mem.toFixed(1),
    formatCpuTime(p.timeSeconds, 'mps'),
    p.command,
  ]);
  return ['→N = migrated to node N', columns(header, rows, new Set([0, 3, 5, 6, 7]))].join('\n');
}

function flags(node: NodeSnapshot): string {
  const set = NODE_FLAGS.filter((flag) => node.flags[flag]);
  return set.length > 0 ? set.join(',') : '-';
}

function known(value: number | null): string {
  return value === null ? '-' : String(value);
}

/** Memory with one decimal, as top prints it: 247595008 → "236.1M". */
export function memory(bytes: number | null): string {
  return humanBytes(bytes, 1);
}

export function columns(header: readonly string[], rows: readonly (readonly string[])[], right: ReadonlySet<number>): string {
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => {
        // The last column (the command) is never padded, so long command lines do not add spaces.
        if (i === cells.length - 1) return cell;
        return right.has(i) ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0);
      })
      .join('  ');
  return [header, ...rows].map(line).join('\n');
}
