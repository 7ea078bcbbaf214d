// Per-node readings through mosctl. `getload` runs every tick; what rarely changes is read again
// only when it is due, so a tick costs about one command per node:
//   getmem (free and total memory)  every `memMs`    (default 10 s: free memory must stay fresh)
//   getutil (utilizability, CPUs)   every `slowMs`   (default 30 s)
//   status N (state and flags)      every `slowMs`, and right after omtop's own flag action
//   getspeed                        every `speedMs`  (default 120 s: only `mosctl setspeed` or a
//                                   reboot changes it, and a node coming back up is read at once)
// A node that is down answers `Error: Network is unreachable` on stderr with exit 0: that is the
// node's state (down), not a failed reading.
// Each node's first due times are spread over the period, so the extra reads do not all land on
// the same tick. A failed reading is due again on the node's next visit.
// A tick reads within a fork budget (see forkBudget.ts): the nodes visited longest ago first, a
// node never visited before all others; on a small cluster that is every node every tick.
import { parseMosctlGetload, parseMosctlGetmem, parseMosctlGetspeed, parseMosctlGetutil, parseMosctlIsup, parseMosctlStatus } from '../../../parsers/index.js';
import type { SourceError } from '../../model/snapshot.js';
import type { CommandRunner } from '../../runner/runner.js';
import type { KnownNode, NodeBook } from './nodeBook.js';
import { ReadSchedule, spreadOf } from './readSchedule.js';
import { planVisits } from './forkBudget.js';
import { describeFailure, query, toSourceError, type QueryFailure, type QueryResult } from './query.js';

export interface MosctlRefresh {
  /** @default 10000 */
  readonly memMs?: number;
  /** @default 30000 */
  readonly slowMs?: number;
  /** @default 120000 */
  readonly speedMs?: number;
}

type Kind = 'mem' | 'speed' | 'util' | 'flags';
/** Most wanted first, for a visit that cannot take them all: memory and speed are shown (and needed). */
const KINDS: readonly Kind[] = ['mem', 'speed', 'util', 'flags'];
/**
 * On a map too big to visit each node every few seconds, a slower reading is also taken at most
 * once in this many visits (its period over the 5 s a visit should take): otherwise they would
 * come due at every visit and crowd the loads out (256 nodes at 1 s: a node every 25 s instead of 10).
 */
const VISITS_BETWEEN: Readonly<Record<Kind, number>> = { mem: 2, util: 6, flags: 6, speed: 24 };

interface NodeVisit {
  readonly id: number;
  /** How many due slower readings the visit may take. */
  readonly slots: number;
  readonly spread: number;
  /** Since the node's previous visit (0 on the first). */
  readonly gapMs: number;
}

export class MosctlNodeReader {
  readonly #schedule = new ReadSchedule();
  /** When each node was last visited (its getload run, whatever the answer). */
  readonly #visitedAt = new Map<number, number>();
  readonly #memMs: number;
  readonly #slowMs: number;
  readonly #speedMs: number;

  constructor(
    private readonly runner: CommandRunner,
    private readonly book: NodeBook,
    refresh: MosctlRefresh = {},
  ) {
    this.#memMs = refresh.memMs ?? 10_000;
    this.#slowMs = refresh.slowMs ?? 30_000;
    this.#speedMs = refresh.speedMs ?? 120_000;
  }

  /** Makes every node's flags due now (after stay/nostay and friends on the local node). */
  flagsChanged(): void {
    this.#schedule.allDueNow('flags');
  }

  /**
   * Reads the nodes' values with at most `budget` commands (one more for a node whose getload
   * fails with an unknown status: isup asks whether it is down), of which the loads get
   * `loadsWanted` first (see planVisits); the nodes not visited keep their last values (or stay
   * pending) until their turn.
   */
  async read(nodes: readonly KnownNode[], now: number, errors: SourceError[], signal?: AbortSignal, budget = Infinity, loadsWanted = 0): Promise<void> {
    const listed = new Set(nodes.map((node) => node.id));
    this.#schedule.keepOnly(listed);
    for (const id of this.#visitedAt.keys()) if (!listed.has(id)) this.#visitedAt.delete(id);
    const place = new Map(nodes.map((node, index) => [node.id, index]));
    // A node that is down needs every reading again if it answers now: room for them is kept.
    const candidates = nodes.map((node) => {
      const due = this.book.isUp(node.id) ? KINDS.filter((kind) => this.#schedule.isDue(kind, node.id, now)) : KINDS;
      const dueSince = Math.min(...due.map((kind) => this.#schedule.dueAt(kind, node.id)));
      return { id: node.id, readAt: this.#visitedAt.get(node.id) ?? null, due, dueSince };
    });
    const visits = planVisits(candidates, budget, loadsWanted);
    await Promise.all(visits.map((visit) => {
      const previous = this.#visitedAt.get(visit.id);
      this.#visitedAt.set(visit.id, now);
      const node: NodeVisit = { id: visit.id, slots: visit.kinds.length, spread: spreadOf(place.get(visit.id) ?? 0, nodes.length), gapMs: previous === undefined ? 0 : now - previous };
      return this.#readNode(node, now, errors, signal);
    }));
  }

  /** getload, then at most `slots` of the node's due slower readings. */
  async #readNode({ id, slots, spread, gapMs }: NodeVisit, now: number, errors: SourceError[], signal?: AbortSignal): Promise<void> {
    const word = String(id);
    const period = (kind: Kind, ms: number): number => Math.max(ms, VISITS_BETWEEN[kind] * gapMs);
    const load = await query(this.runner, ['mosctl', 'getload', word], parseMosctlGetload, signal);
    if (!load.ok) {
      await this.#loadFailed(id, now, load.failure, errors, signal);
      return;
    }
    this.book.answered(id, now);
    // A node back from being down may have rebooted with other memory or speed: read it all again.
    if (!this.book.isUp(id)) for (const kind of KINDS) this.#schedule.dueNow(kind, id);
    this.book.update(id, 'load', { load: load.value.load });
    const taken = new Set(KINDS.filter((kind) => this.#schedule.isDue(kind, id, now)).slice(0, slots));
    const reads: Promise<void>[] = [];
    if (taken.has('mem')) {
      reads.push(this.#read('mem', id, now, spread, period('mem', this.#memMs), ['mosctl', 'getmem', word], parseMosctlGetmem, errors, signal, (v) => {
        this.book.update(id, 'mem', { memFreeBytes: v.freeBytes, memTotalBytes: v.totalBytes });
      }));
    }
    if (taken.has('speed')) {
      reads.push(this.#read('speed', id, now, spread, period('speed', this.#speedMs), ['mosctl', 'getspeed', word], parseMosctlGetspeed, errors, signal, (v) => {
        this.book.update(id, 'speed', { speed: v.speed });
      }));
    }
    if (taken.has('util')) {
      reads.push(this.#read('util', id, now, spread, period('util', this.#slowMs), ['mosctl', 'getutil', word], parseMosctlGetutil, errors, signal, (v) => {
        // Utilizability is per CPU, summed (150% of 200%): the node's share of its capacity.
        this.book.update(id, 'util', { util: (v.util * 100) / v.capacity, cpus: v.cpus });
      }));
    }
    if (taken.has('flags')) {
      reads.push(this.#read('flags', id, now, spread, period('flags', this.#slowMs), ['mosctl', 'status', word], parseMosctlStatus, errors, signal, (v) => {
        const { stay, lstay, block, quiet } = v.flags;
        // getload answered this tick: a `down.` now is a failed remote reading (the real kernel
        // gives one now and then for a live node), not the node's state; read again next tick.
        if (v.state === 'down') this.#flaky(id, 'flags', `mosctl status ${id} said down. though getload ${id} answered`);
        else this.book.setFlags(id, 'flags', { stay, lstay, block, quiet });
      }));
    }
    await Promise.all(reads);
  }

  async #loadFailed(id: number, now: number, failure: QueryFailure, errors: SourceError[], signal?: AbortSignal): Promise<void> {
    // An unrecognised non-zero exit may still be a down node in words we do not know: ask isup.
    if (failure.code === 'exit') {
      const isup = await query(this.runner, ['mosctl', 'isup', String(id)], parseMosctlIsup, signal);
      if (isup.ok && !isup.value.up) {
        this.book.down(id, `node ${id} is down (mosctl isup ${id}: no)`);
        this.book.answered(id, now);
        return;
      }
    }
    // Down or not configured is an answer too: the node's state is that fresh.
    if (failure.code === 'down' || failure.code === 'not-configured') this.book.answered(id, now);
    this.#failed(id, 'load', failure, errors);
  }

  /**
   * A node that is down or not configured is in that state, not stale: mosctl said so. Any other
   * failure marks the reading stale and is one of the snapshot's errors.
   */
  #failed(id: number, kind: string, failure: QueryFailure, errors: SourceError[]): void {
    if (failure.code === 'down' || failure.code === 'not-configured') {
      this.book.down(id, describeFailure(failure, id));
      return;
    }
    this.book.fail(id, kind, describeFailure(failure, id));
    errors.push(toSourceError(failure, id));
  }

  async #read<T>(
    kind: Kind, id: number, now: number, spread: number, periodMs: number, argv: readonly string[],
    parse: Parameters<typeof query<T>>[2], errors: SourceError[], signal: AbortSignal | undefined, use: (value: T) => void,
  ): Promise<void> {
    const result: QueryResult<T> = await query(this.runner, argv, parse, signal);
    if (result.ok) {
      use(result.value);
      this.#schedule.done(kind, id, now, periodMs, spread);
      return;
    }
    this.#schedule.dueNow(kind, id);
    // Unreachable right after getload answered: a failed reading of a live node, not a down one.
    if (result.failure.code === 'down') this.#flaky(id, kind, `mosctl ${argv.slice(1).join(' ')}: ${result.failure.message}, though getload ${id} answered`);
    else this.#failed(id, kind, result.failure, errors);
  }

  /** A reading of a node that is up failed: keep the last value, mark it stale, read it again next tick. */
  #flaky(id: number, kind: Kind, message: string): void {
    this.#schedule.dueNow(kind, id);
    this.book.fail(id, kind, `node ${id}: ${message}; kept the last reading`);
  }
}
