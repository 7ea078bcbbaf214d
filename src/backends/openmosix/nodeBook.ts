// What omtop knows about each node between ticks: its last good values, whether it is up, and
// which of its readings are failing. A value is replaced only by a good reading, so a node whose
// query fails keeps showing its last values, marked stale, until that same reading works again.
// A listed node that no reading has reached yet (a big map is read over several ticks) is
// pending: not up, not down, no values.
import type { NodeFlags, NodeSnapshot } from '../../model/snapshot.js';

export type NodeValues = Pick<NodeSnapshot, 'load' | 'speed' | 'memFreeBytes' | 'memTotalBytes' | 'util' | 'cpus'>;

/** Node list entry: who is in the cluster and at which address. */
export interface KnownNode {
  readonly id: number;
  readonly ip: string;
}

interface NodeRecord {
  values: NodeValues;
  flags: NodeFlags;
  up: boolean;
  downReason: string | null;
  /** When a liveness reading last answered (up or down); null: none has yet. */
  readAt: number | null;
  /** Failing readings by kind ('load', 'mem'…), each with its one-line error. */
  readonly failing: Map<string, string>;
}

const UNKNOWN: NodeValues = { load: null, speed: null, memFreeBytes: null, memTotalBytes: null, util: null, cpus: null };

/**
 * The readings that say a node is up: mosctl's getload (read first, every tick) and a whole
 * /proc/hpc node. The others (memory, speed, util) come after it in the same tick: once the node has
 * said it is down, one of them answering late does not bring it back up.
 */
const LIVENESS: ReadonlySet<string> = new Set(['load', 'hpc']);

/** The readings an up node must have, or a reason why not, with the words that name them. */
const NEEDED: readonly (readonly [keyof NodeValues, string])[] = [
  ['load', 'load'], ['memFreeBytes', 'memory'], ['memTotalBytes', 'memory'], ['speed', 'speed'],
];

/** "node 266: no memory reading yet" for an up node missing a needed reading; undefined when none is. */
function missingReadings(id: number, values: NodeValues): string | undefined {
  const missing = [...new Set(NEEDED.filter(([key]) => values[key] === null).map(([, words]) => words))];
  return missing.length === 0 ? undefined : `node ${id}: no ${missing.join(' or ')} reading yet`;
}

export class NodeBook {
  readonly #records = new Map<number, NodeRecord>();

  #record(id: number): NodeRecord {
    let record = this.#records.get(id);
    if (!record) {
      record = { values: { ...UNKNOWN }, flags: {}, up: true, downReason: null, readAt: null, failing: new Map() };
      this.#records.set(id, record);
    }
    return record;
  }

  /**
   * A good reading of `kind`: its values replace the old ones. A liveness reading (`load`, `hpc`)
   * says the node is up; any other is dropped while the node is down (it answered before the node
   * said so, in the same tick: the node is read in full when it comes back).
   */
  update(id: number, kind: string, values: Partial<NodeValues>): void {
    const record = this.#record(id);
    if (!record.up && !LIVENESS.has(kind)) return;
    record.values = { ...record.values, ...values };
    // A CPU count of 0 (a node mid-configuration) means "not known", not "no CPUs".
    if (record.values.cpus !== null && record.values.cpus < 1) record.values.cpus = null;
    record.up = true;
    record.downReason = null;
    record.failing.delete(kind);
  }

  setFlags(id: number, kind: string, flags: NodeFlags): void {
    const record = this.#record(id);
    record.flags = { ...record.flags, ...flags };
    record.failing.delete(kind);
  }

  /** A reading of `kind` failed: keep the old values, mark the node stale with `message`. */
  fail(id: number, kind: string, message: string): void {
    this.#record(id).failing.set(kind, message);
  }

  /** The node answered that it is down: a state, not a failure, so it is not stale. */
  down(id: number, reason: string): void {
    const record = this.#record(id);
    record.up = false;
    record.downReason = reason;
    // What a down node was doing is over; speed and total memory stay as they were.
    record.values = { ...record.values, load: null, util: null, memFreeBytes: null };
    record.failing.clear();
  }

  /** The node answered at `at` (its load, or that it is down): what it shows is that old. */
  answered(id: number, at: number): void {
    this.#record(id).readAt = at;
  }

  isUp(id: number): boolean {
    return this.#records.get(id)?.up ?? true;
  }

  /** True when a load was ever read for the node (and not cleared by it going down). */
  hasLoad(id: number): boolean {
    return (this.#records.get(id)?.values.load ?? null) !== null;
  }

  /** Nodes in the order of `nodes`, forgetting nodes no longer listed. */
  toSnapshots(nodes: readonly KnownNode[], localNode: number): NodeSnapshot[] {
    const listed = new Set(nodes.map((node) => node.id));
    for (const id of this.#records.keys()) if (!listed.has(id)) this.#records.delete(id);
    return nodes.map((node) => {
      const record = this.#records.get(node.id);
      if (record === undefined) return pendingSnapshot(node, localNode);
      // A node is never up with a reading missing and no reason: say which is not read yet.
      const missing = record.up ? missingReadings(node.id, record.values) : undefined;
      const error = record.failing.values().next().value ?? record.downReason ?? missing;
      return {
        id: node.id,
        ip: node.ip,
        up: record.up,
        ...record.values,
        flags: { ...record.flags },
        stale: record.failing.size > 0,
        ...(error !== undefined ? { error } : {}),
        ...(record.readAt !== null ? { readAt: record.readAt } : {}),
        isLocal: node.id === localNode,
      };
    });
  }
}

/** A listed node no reading has reached yet: neither up nor down, and nothing known. */
function pendingSnapshot(node: KnownNode, localNode: number): NodeSnapshot {
  return { id: node.id, ip: node.ip, up: false, pending: true, ...UNKNOWN, flags: {}, stale: false, isLocal: node.id === localNode };
}
