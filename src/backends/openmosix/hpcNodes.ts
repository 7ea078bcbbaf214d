// Per-node readings straight from /proc/hpc (openMosix 2.4): small file reads and no fork at
// all, so this path is used whenever the directory exists. Read as the kernel writes them:
//   /proc/hpc/nodes/266/{load,speed,mem,rmem,tmem,cpus,util,status}   one integer each; memory in
//                       bytes; util per CPU, summed; status bits 0x2 up, 0x4 stay, 0x8 lstay,
//                       0x10 block, 0x20 quiet; load -101 = unreachable
//   /proc/hpc/admin/{stay,lstay,block,quiet}   0 or 1: the local node's flags when its status
//                       cannot be read
// Which file is read when (a read costs far less than a fork, but 8 per node per tick still
// adds up at 256 nodes):
//   every tick      load (the figure omtop graphs), mem (free memory), util (follows the node's
//                   work), status (the node's state: a down node must show as down at once)
//   every `slowMs`  speed, tmem, cpus: fixed by the hardware, changed only by `mosctl setspeed`
//                   or a reboot; the mosctl path reads speed and total memory just as rarely.
//                   They are read again at once when a node comes back up, or when a read of
//                   them failed. Nodes' slow reads are spread over the period, not all on one tick.
//   never           rmem (free memory as Linux counts it): the snapshot has no place for it.
import { readFile } from 'node:fs/promises';
import { readHpcFile } from './hpcFile.js';
import { join } from 'node:path';
import { HPC_NODE_DOWN, parseHpcAdminFlag, parseHpcNode, type HpcNode, type HpcNodeFile } from '../../../parsers/index.js';
import { errorLine } from '../../errorLine.js';
import type { NodeFlags, SourceError } from '../../model/snapshot.js';
import type { KnownNode, NodeBook } from './nodeBook.js';
import { ReadSchedule, spreadOf } from './readSchedule.js';
import { NODE_FLAGS } from '../../../parsers/nodeFlags.js';

const EVERY_TICK = ['load', 'mem', 'util', 'status'] as const satisfies readonly HpcNodeFile[];
const SLOW = ['speed', 'tmem', 'cpus'] as const satisfies readonly HpcNodeFile[];

export class HpcNodeReader {
  readonly #schedule = new ReadSchedule();
  /** Each node's CPU count from its last good slow read: util is per CPU, summed. */
  readonly #cpus = new Map<number, number>();

  constructor(
    private readonly hpcRoot: string,
    private readonly book: NodeBook,
    /** @default 30000 */
    private readonly slowMs = 30_000,
  ) {}

  async read(nodes: readonly KnownNode[], localNode: number | null, now: number, errors: SourceError[]): Promise<void> {
    const listed = new Set(nodes.map((node) => node.id));
    this.#schedule.keepOnly(listed);
    for (const id of this.#cpus.keys()) if (!listed.has(id)) this.#cpus.delete(id);
    const flagged = nodes.map((node, index) => this.#readNode(node.id, now, spreadOf(index, nodes.length), errors));
    const localFlagged = nodes.some((node, index) => node.id === localNode && flagged[index] === true);
    if (localNode !== null && !localFlagged) await readAdminFlags(this.hpcRoot, localNode, this.book, errors);
  }

  /** Reads one node; true when its status bits gave its flags. */
  #readNode(id: number, now: number, spread: number, errors: SourceError[]): boolean {
    const dir = join(this.hpcRoot, 'nodes', String(id));
    const withSlow = this.#schedule.isDue('slow', id, now);
    const wasUp = this.book.isUp(id);
    const names: readonly HpcNodeFile[] = withSlow ? [...EVERY_TICK, ...SLOW] : EVERY_TICK;
    const files: Partial<Record<HpcNodeFile, string>> = {};
    const problems: string[] = [];
    for (const name of names) {
      try {
        files[name] = readHpcFile(`${dir}/${name}`);
      } catch (error) {
        // Not every kernel has every file (util); only a node with none of them is a failure.
        problems.push(errorLine(error));
      }
    }
    const parsed = parseHpcNode(files);
    if (!parsed.ok) {
      const message = problems[0] ?? parsed.error.message;
      this.book.fail(id, 'hpc', `${dir}: ${message}`);
      errors.push({ source: dir, message });
      if (withSlow) this.#schedule.dueNow('slow', id);
      return false;
    }
    const node = parsed.value;
    if (!node.up) {
      this.book.down(id, `node ${id} is down (${downReason(dir, files, node)})`);
      return false;
    }
    if (node.cpus !== null) this.#cpus.set(id, node.cpus);
    const cpus = this.#cpus.get(id) ?? null;
    // A file caught mid-update reads as null: keep that value from the previous tick instead.
    const values = {
      load: node.load, speed: node.speed, memFreeBytes: node.memFreeBytes, memTotalBytes: node.memTotalBytes,
      util: node.util === null || cpus === null ? null : node.util / cpus, cpus: node.cpus,
    };
    this.book.update(id, 'hpc', Object.fromEntries(Object.entries(values).filter(([, value]) => value !== null)));
    if (node.load === null) {
      // No load this tick: keep the last one, or say why there is none.
      const why = parsed.warnings.find((warning) => warning.message.startsWith('load:'))?.message ?? 'load: not readable';
      if (!this.book.hasLoad(id)) this.book.fail(id, 'load', `${dir}/${why}`);
    } else {
      this.book.update(id, 'load', {});
    }
    if (node.flags !== null) {
      const { stay, lstay, block, quiet } = node.flags;
      this.book.setFlags(id, 'flags', { stay, lstay, block, quiet });
    }
    if (!withSlow) {
      // Back from being down (perhaps rebooted with other hardware): read speed and memory next tick.
      if (!wasUp) this.#schedule.dueNow('slow', id);
      return node.flags !== null;
    }
    // A slow file that exists but did not hold a number (caught mid-write) is read again next tick.
    const unreadable = SLOW.some((name) => files[name] !== undefined && values[SLOW_VALUE[name]] === null);
    if (unreadable) this.#schedule.dueNow('slow', id);
    else this.#schedule.done('slow', id, now, this.slowMs, spread);
    return node.flags !== null;
  }
}

/** Why a node reads as down: its status has no up bit, or a file reads -101 (unreachable). */
function downReason(dir: string, files: Partial<Record<HpcNodeFile, string>>, node: HpcNode): string {
  const unreachable = HPC_NODE_FILES_READ.find((name) => files[name]?.trim() === String(HPC_NODE_DOWN));
  if (unreachable !== undefined) return `unreachable: ${dir}/${unreachable} reads ${HPC_NODE_DOWN}`;
  return `${dir}/status is ${node.statusBits ?? '?'}, without the up bit`;
}

const HPC_NODE_FILES_READ: readonly HpcNodeFile[] = ['load', 'status', 'mem', 'util', 'speed', 'tmem', 'cpus'];

const SLOW_VALUE = { speed: 'speed', tmem: 'memTotalBytes', cpus: 'cpus' } as const;

async function readAdminFlags(hpcRoot: string, localNode: number, book: NodeBook, errors: SourceError[]): Promise<void> {
  const flags: NodeFlags = {};
  await Promise.all(
    NODE_FLAGS.map(async (name) => {
      const file = join(hpcRoot, 'admin', name);
      try {
        const parsed = parseHpcAdminFlag(await readFile(file, 'utf8'));
        if (parsed.ok) flags[name] = parsed.value;
        else errors.push({ source: file, message: parsed.error.message });
      } catch (error) {
        errors.push({ source: file, message: errorLine(error) });
      }
    }),
  );
  book.setFlags(localNode, 'flags', flags);
}
