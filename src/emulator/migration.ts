// Moving a process between nodes, and the rules every mover (balancer, migrate, expel, bring) obeys.
import type { ClusterModel, EmuNode, EmuProcess } from './model.js';
import { MANUAL_HOLD_MS, freeBytes, logEvent } from './model.js';

export type MoveReason = 'balancer' | 'manual' | 'expel' | 'bring';

/** Whether `node` takes `process` now. Automatic moves also respect `quiet` (no load info sent). */
export function accepts(model: ClusterModel, node: EmuNode, process: EmuProcess, automatic: boolean): boolean {
  if (!node.up) return false;
  if (automatic && node.flags.quiet) return false;
  if (node.flags.block && process.home !== node.id) return false;
  return freeBytes(model, node) >= process.rssKiB * 1024;
}

/** Whether the balancer may take `process` away from the node it is on. */
export function mayLeaveAutomatically(model: ClusterModel, node: EmuNode, process: EmuProcess): boolean {
  if (node.flags.stay) return false;
  if (node.flags.lstay && process.home === node.id) return false;
  return model.nowMs >= process.holdUntilMs;
}

export function moveProcess(model: ClusterModel, process: EmuProcess, target: number, reason: MoveReason): void {
  if (process.node === target) return;
  const from = process.node;
  process.node = target;
  process.migrations += 1;
  process.lastMovedMs = model.nowMs;
  // Manual placements stick for a while, or the balancer would undo them on its next round.
  if (reason !== 'balancer') process.holdUntilMs = model.nowMs + MANUAL_HOLD_MS;
  const kind = reason === 'expel' ? 'expelled' : reason === 'bring' ? 'brought' : 'migrated';
  logEvent(model, kind, `${process.pid} (${process.comm}) ${from} -> ${target} (${reason})`, {
    pid: process.pid,
    node: target,
  });
}
