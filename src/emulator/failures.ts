// Nodes fail and come back. As in openMosix, a process running on a node that goes down is lost,
// and so is a guest whose home (its deputy) goes down; the emulator logs each loss, and the
// built-in render starts lost parts again.
import type { ClusterModel, EmuNode } from './model.js';
import { findNode, logEvent, removeProcess } from './model.js';
import { respawnLostPart } from './render.js';
import { noNodeFlags } from '../../parsers/nodeFlags.js';

/** Mean time between failures of one non-local node: about one failure every 4 min cluster-wide. */
const MEAN_NODE_UPTIME_MS = 12 * 60_000;
const MIN_DOWN_MS = 20_000;
const MAX_DOWN_MS = 60_000;

export function failuresStep(model: ClusterModel, stepMs: number): void {
  for (const node of model.nodes) {
    if (!node.up && model.nowMs >= node.downUntilMs) bringUp(model, node);
  }
  if (!model.settings.failures) return;
  for (const node of model.nodes) {
    if (node.id === model.localNode || !node.up) continue;
    if (model.random.next() < stepMs / MEAN_NODE_UPTIME_MS) {
      takeDown(model, node, model.random.between(MIN_DOWN_MS, MAX_DOWN_MS));
    }
  }
}

/** Takes a node down on request (tests, demos). The local node cannot fail: we are running on it. */
export function failNode(model: ClusterModel, id: number, forMs: number): void {
  const node = findNode(model, id);
  if (!node) throw new RangeError(`failNode: node ${id} is not configured`);
  if (id === model.localNode) throw new RangeError(`failNode: node ${id} is the local node`);
  if (!Number.isFinite(forMs) || forMs <= 0) throw new RangeError(`failNode: expected a positive duration, got ${forMs}`);
  if (node.up) takeDown(model, node, forMs);
  else node.downUntilMs = Math.max(node.downUntilMs, model.nowMs + forMs);
}

function takeDown(model: ClusterModel, node: EmuNode, forMs: number): void {
  node.up = false;
  node.downUntilMs = model.nowMs + forMs;
  node.load = 0;
  node.util = 0;
  node.loadAverage = [0, 0, 0];
  logEvent(model, 'node-down', `node ${node.id} went down for ${Math.round(forMs / 1000)} s`, { node: node.id });
  for (const process of [...model.processes.values()]) {
    if (process.node !== node.id && process.home !== node.id) continue;
    removeProcess(model, process.pid);
    const where = process.node === node.id ? `was running on node ${node.id}` : `its home node ${node.id} went down`;
    logEvent(model, 'process-lost', `${process.pid} (${process.comm}) lost: ${where}`, { pid: process.pid, node: node.id });
    respawnLostPart(model, process);
  }
}

function bringUp(model: ClusterModel, node: EmuNode): void {
  node.up = true;
  node.flags = noNodeFlags();
  logEvent(model, 'node-up', `node ${node.id} is back`, { node: node.id });
}
