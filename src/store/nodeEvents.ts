// What changed between two snapshots that a user would want to read about later: a node going
// down or coming back, a node that stops answering, a data source that fails or recovers.
import { nodeState, type ClusterSnapshot, type NodeSnapshot } from '../model/snapshot.js';
import type { LogEntry } from './eventLog.js';

const why = (node: NodeSnapshot): string => (node.error ? ` (${node.error})` : '');

function nodeChange(before: NodeSnapshot | undefined, after: NodeSnapshot, at: number): LogEntry | null {
  const was = before === undefined ? null : nodeState(before);
  const now = nodeState(after);
  // Not read yet is no news, and neither is its first reading saying it is up.
  if (was === now || now === 'pending' || (was === 'pending' && now === 'up')) return null;
  const name = `node ${after.id}`;
  if (now === 'down') return { at, source: 'node', severity: 'error', text: `${name} is down${why(after)}` };
  if (now === 'stale') return { at, source: 'node', severity: 'warning', text: `${name} did not answer${why(after)}` };
  if (was === 'down') return { at, source: 'node', severity: 'ok', text: `${name} is up again` };
  if (was === 'stale') return { at, source: 'node', severity: 'ok', text: `${name} answers again` };
  // A node seen for the first time after the first snapshot.
  return before === undefined && was === null ? { at, source: 'node', severity: 'info', text: `${name} joined (${after.ip})` } : null;
}

/**
 * The events between `before` (null: the first snapshot) and `after`. On the first snapshot only
 * what is already wrong is reported, so the log starts with the problems the user walks into.
 */
export function snapshotEvents(before: ClusterSnapshot | null, after: ClusterSnapshot): LogEntry[] {
  const at = after.takenAt;
  const events: LogEntry[] = [];
  const old = new Map((before?.nodes ?? []).map((node) => [node.id, node]));
  for (const node of after.nodes) {
    if (before === null) {
      const change = nodeState(node) === 'up' ? null : nodeChange(undefined, node, at);
      if (change !== null) events.push(change);
      continue;
    }
    const change = nodeChange(old.get(node.id), node, at);
    if (change !== null) events.push(change);
    old.delete(node.id);
  }
  if (before !== null && after.nodes.length > 0) {
    for (const gone of old.values()) events.push({ at, source: 'node', severity: 'warning', text: `node ${gone.id} left the node list` });
  }
  const failing = new Map((before?.errors ?? []).map((error) => [error.source, error.message]));
  for (const error of after.errors) {
    if (failing.get(error.source) !== error.message) events.push({ at, source: 'source', severity: 'error', text: `${error.source} failed: ${error.message}` });
    failing.delete(error.source);
  }
  for (const source of failing.keys()) events.push({ at, source: 'source', severity: 'ok', text: `${source} works again` });
  return events;
}
