// The load balancer: every 1-2 s of model time each node offers one process to a node where it
// would finish sooner. A process's expected rate on a node is speed × min(1, cpus / processes),
// so a move pays when the target's rate is clearly (HYSTERESIS×) better: no ping-pong.
import type { ClusterModel, EmuNode, EmuProcess } from './model.js';
import { demandOn, isRunnable } from './model.js';
import { accepts, mayLeaveAutomatically, moveProcess } from './migration.js';

/** How much better a target must be before a process moves. */
export const HYSTERESIS = 1.25;
/** A process that just moved stays put for this long (migration has a cost). */
const MIN_RESIDENCE_MS = 5000;
/** Processes using less than this much CPU are not worth moving. */
const MIN_DEMAND = 0.5;
const ROUND_MIN_MS = 1000;
const ROUND_SPREAD_MS = 1000;

/** Rate at which one more process progresses on `node` when `processes` CPUs of work run there. */
export function expectedRate(node: Pick<EmuNode, 'speed' | 'cpus'>, processes: number): number {
  return node.speed * Math.min(1, node.cpus / Math.max(processes, 1));
}

export function balanceIfDue(model: ClusterModel): void {
  if (model.nowMs < model.nextBalanceMs) return;
  model.nextBalanceMs = model.nowMs + ROUND_MIN_MS + model.random.next() * ROUND_SPREAD_MS;
  balanceRound(model);
}

export function balanceRound(model: ClusterModel): void {
  const demand = new Map(model.nodes.map((node) => [node.id, demandOn(model, node.id)]));
  for (const source of model.nodes) {
    if (!source.up) continue;
    const move = bestMoveFrom(model, source, demand);
    if (!move) continue;
    moveProcess(model, move.process, move.target.id, 'balancer');
    demand.set(source.id, (demand.get(source.id) ?? 0) - move.process.demand);
    demand.set(move.target.id, (demand.get(move.target.id) ?? 0) + move.process.demand);
  }
}

interface Move {
  readonly process: EmuProcess;
  readonly target: EmuNode;
  readonly gain: number;
}

function bestMoveFrom(model: ClusterModel, source: EmuNode, demand: ReadonlyMap<number, number>): Move | null {
  let best: Move | null = null;
  const here = expectedRate(source, demand.get(source.id) ?? 0);
  for (const process of model.processes.values()) {
    if (process.node !== source.id || !movable(model, source, process)) continue;
    for (const target of model.nodes) {
      if (target.id === source.id || !accepts(model, target, process, true)) continue;
      const gain = expectedRate(target, (demand.get(target.id) ?? 0) + process.demand) / here;
      if (gain > HYSTERESIS && (!best || gain > best.gain)) best = { process, target, gain };
    }
  }
  return best;
}

function movable(model: ClusterModel, source: EmuNode, process: EmuProcess): boolean {
  return (
    isRunnable(process) &&
    process.demand >= MIN_DEMAND &&
    model.nowMs - process.lastMovedMs >= MIN_RESIDENCE_MS &&
    mayLeaveAutomatically(model, source, process)
  );
}
