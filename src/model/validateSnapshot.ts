// The last step of every backend's collect: check the draft against the schema (a backend bug
// shows up as one clear line, not as a view crashing later) and freeze it.
import { ClusterSnapshotSchema, type ClusterSnapshot, type BackendName, type ProcessSnapshot, type SourceError } from './snapshot.js';
import { freezeDeep } from './freezeDeep.js';

/** Thrown when a backend assembled a snapshot that does not fit the schema. */
export class InvalidSnapshotError extends Error {}

/**
 * The first check goes without zod's generated fast path (jitless): building it cost more than
 * it saves on one snapshot, and `omtop --once` checks one. Later ticks use it.
 */
let checkedBefore = false;

/** An empty process list, for zod to check the rest of a draft whose processes were checked in place. */
const NO_PROCESSES: readonly ProcessSnapshot[] = Object.freeze([]);

export function validateAndFreeze(draft: ClusterSnapshot): ClusterSnapshot {
  // The process list is most of a snapshot (hundreds of rows a tick, each copied by zod's parse):
  // when every row is exactly what the schema would give back, the rows are kept and frozen as
  // they are and zod checks the rest; anything else goes to zod whole, so its errors stay zod's.
  const processes = processesAsParsed(draft.processes) ? draft.processes : null;
  const checked = ClusterSnapshotSchema.safeParse(processes === null ? draft : { ...draft, processes: NO_PROCESSES }, checkedBefore ? undefined : { jitless: true });
  checkedBefore = true;
  if (!checked.success) {
    const issue = checked.error.issues[0];
    const where = issue ? issue.path.join('.') : '';
    throw new InvalidSnapshotError(`invalid snapshot: ${where}${where ? ': ' : ''}${issue?.message ?? 'unknown problem'}`);
  }
  if (processes === null) return freezeDeep(checked.data);
  // Each row holds only strings, numbers, booleans and null (just checked): a shallow freeze is deep.
  for (const row of processes) Object.freeze(row);
  Object.freeze(processes);
  return freezeDeep({ ...checked.data, processes });
}

/** The keys of ProcessSnapshotSchema in its order (the order zod's copy has); only the last is optional. */
const PROCESS_KEYS = ['pid', 'user', 'node', 'home', 'migrated', 'stat', 'cpu', 'mem', 'timeSeconds', 'command', 'isBlender', 'kernelThread'] as const;

/**
 * True when every row is a plain object that ProcessSnapshotSchema accepts and would copy unchanged:
 * its keys and only those, in the schema's order, no optional key present as undefined. Stricter
 * than the schema (a row it refuses here may still be fine): such a list goes to zod.
 */
export function processesAsParsed(rows: unknown): rows is ProcessSnapshot[] {
  if (!Array.isArray(rows) || Object.getPrototypeOf(rows) !== Array.prototype) return false;
  for (let i = 0; i < rows.length; i += 1) if (!rowAsParsed(rows[i])) return false;
  return true;
}

function rowAsParsed(row: unknown): boolean {
  if (typeof row !== 'object' || row === null || Object.getPrototypeOf(row) !== Object.prototype) return false;
  let count = 0;
  for (const key in row) {
    if (key !== PROCESS_KEYS[count]) return false;
    count += 1;
  }
  if (count < PROCESS_KEYS.length - 1) return false;
  const p = row as Record<(typeof PROCESS_KEYS)[number], unknown>;
  return isInt(p.pid) && (p.pid as number) >= 0
    && (p.user === null || typeof p.user === 'string')
    && (p.node === null || isInt(p.node))
    && isInt(p.home)
    && typeof p.migrated === 'boolean'
    && typeof p.stat === 'string'
    && (p.cpu === null || Number.isFinite(p.cpu))
    && (p.mem === null || Number.isFinite(p.mem))
    && Number.isFinite(p.timeSeconds) && (p.timeSeconds as number) >= 0
    && typeof p.command === 'string'
    && typeof p.isBlender === 'boolean'
    && (count === PROCESS_KEYS.length - 1 || typeof p.kernelThread === 'boolean');
}

function isInt(value: unknown): boolean {
  return Number.isSafeInteger(value);
}

/** A snapshot that says only what went wrong: what collect returns when it cannot build one. */
export function failedSnapshot(backend: BackendName, takenAt: number, errors: readonly SourceError[]): ClusterSnapshot {
  return freezeDeep({ takenAt, backend, localNode: 0, nodes: [], processes: [], errors: [...errors] });
}
