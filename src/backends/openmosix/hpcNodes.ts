// Per-node readings straight from /proc/hpc (openMosix 2.4): small file reads and no fork at
// all, so this path is used whenever the directory exists.
//   /proc/hpc/nodes/266/{load,speed,mem,rmem,tmem,cpus,util,status}   one integer each
//   /proc/hpc/admin/{stay,lstay,block,quiet}                          0 or 1
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
import { join } from 'node:path';
import { parseHpcAdminFlag, parseHpcNode, type HpcNodeFile } from '../../../parsers/index.js';
import { errorLine } from '../../errorLine.js';
import type { NodeFlags, SourceError } from '../../model/snapshot.js';
import type { KnownNode, NodeBook } from './nodeBook.js';
import { ReadSchedule, spreadOf } from './readSchedule.js';

const FLAG_NAMES = ['stay', 'lstay', 'block', 'quiet'] as const;
const EVERY_TICK = ['load', 'mem', 'util', 'status'] as const satisfies readonly HpcNodeFile[];
const SLOW = ['speed', 'tmem', 'cpus'] as const satisfies readonly HpcNodeFile[];

export class HpcNodeReader {
  readonly #schedule = new ReadSchedule();

  constructor(
    private readonly hpcRoot: string,
    private readonly book: NodeBook,
    /** @default 30000 */
    private readonly slowMs = 30_000,
  ) {}

  async read(nodes: readonly KnownNode[], localNode: number | null, now: number, errors: SourceError[]): Promise<void> {
    this.#schedule.keepOnly(new Set(nodes.map((node) => node.id)));
    await Promise.all(nodes.map((node, index) => this.#readNode(node.id, now, spreadOf(index, nodes.length), errors)));
    if (localNode !== null) await readAdminFlags(this.hpcRoot, localNode, this.book, errors);
  }

  async #readNode(id: number, now: number, spread: number, errors: SourceError[]): Promise<void> {
    const dir = join(this.hpcRoot, 'nodes', String(id));
    const withSlow = this.#schedule.isDue('slow', id, now);
    const wasUp = this.book.isUp(id);
    const names: readonly HpcNodeFile[] = withSlow ? [...EVERY_TICK, ...SLOW] : EVERY_TICK;
    const files: Partial<Record<HpcNodeFile, string>> = {};
    const problems: string[] = [];
    await Promise.all(
      names.map(async (name) => {
        try {
          files[name] = await readFile(join(dir, name), 'utf8');
        } catch (error) {
          // Not every kernel has every file (util); only a node with none of them is a failure.
          problems.push(errorLine(error));
        }
      }),
    );
    const parsed = parseHpcNode(files);
    if (!parsed.ok) {
      const message = problems[0] ?? parsed.error.message;
      this.book.fail(id, 'hpc', `${dir}: ${message}`);
      errors.push({ source: dir, message });
      if (withSlow) this.#schedule.dueNow('slow', id);
      return;
    }
    const node = parsed.value;
    if (!node.up) {
      this.book.down(id, `node ${id} is down (${dir} reads -101)`);
      return;
    }
    // A file caught mid-update reads as null: keep that value from the previous tick instead.
    const values = { load: node.load, speed: node.speed, memFreeBytes: node.memFreeBytes, memTotalBytes: node.memTotalBytes, util: node.util, cpus: node.cpus };
    this.book.update(id, 'hpc', Object.fromEntries(Object.entries(values).filter(([, value]) => value !== null)));
    if (!withSlow) {
      // Back from being down (perhaps rebooted with other hardware): read speed and memory next tick.
      if (!wasUp) this.#schedule.dueNow('slow', id);
      return;
    }
    // A slow file that exists but did not hold a number (caught mid-write) is read again next tick.
    const unreadable = SLOW.some((name) => files[name] !== undefined && values[SLOW_VALUE[name]] === null);
    if (unreadable) this.#schedule.dueNow('slow', id);
    else this.#schedule.done('slow', id, now, this.slowMs, spread);
  }
}

const SLOW_VALUE = { speed: 'speed', tmem: 'memTotalBytes', cpus: 'cpus' } as const;

async function readAdminFlags(hpcRoot: string, localNode: number, book: NodeBook, errors: SourceError[]): Promise<void> {
  const flags: NodeFlags = {};
  await Promise.all(
    FLAG_NAMES.map(async (name) => {
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
