// The last step of every backend's collect: check the draft against the schema (a backend bug
// shows up as one clear line, not as a view crashing later) and freeze it.
import { ClusterSnapshotSchema, type ClusterSnapshot, type BackendName, type SourceError } from './snapshot.js';
import { freezeDeep } from './freezeDeep.js';

/** Thrown when a backend assembled a snapshot that does not fit the schema. */
export class InvalidSnapshotError extends Error {}

/**
 * The first check goes without zod's generated fast path (jitless): building it cost more than
 * it saves on one snapshot, and `omtop --once` checks one. Later ticks use it.
 */
let checkedBefore = false;

export function validateAndFreeze(draft: ClusterSnapshot): ClusterSnapshot {
  const checked = ClusterSnapshotSchema.safeParse(draft, checkedBefore ? undefined : { jitless: true });
  checkedBefore = true;
  if (!checked.success) {
    const issue = checked.error.issues[0];
    const where = issue ? issue.path.join('.') : '';
    throw new InvalidSnapshotError(`invalid snapshot: ${where}${where ? ': ' : ''}${issue?.message ?? 'unknown problem'}`);
  }
  return freezeDeep(checked.data);
}

/** A snapshot that says only what went wrong: what collect returns when it cannot build one. */
export function failedSnapshot(backend: BackendName, takenAt: number, errors: readonly SourceError[]): ClusterSnapshot {
  return freezeDeep({ takenAt, backend, localNode: 0, nodes: [], processes: [], errors: [...errors] });
}

