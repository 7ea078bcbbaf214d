// One step of CPU use: each node shares its CPUs among the runnable processes on it, and the
// figures the tools print (load, utilisation, %CPU, load average) follow with some smoothing.
import type { ClusterModel, EmuNode } from './model.js';
import { STANDARD_SPEED, isRunnable } from './model.js';

/** How quickly the printed load and utilisation follow a change (openMosix decays its load too). */
const LOAD_SMOOTHING_MS = 2000;
const PCPU_SMOOTHING_MS = 3000;
const LOAD_AVERAGE_WINDOWS_MS: readonly [number, number, number] = [60_000, 300_000, 900_000];

/** Gives every process its CPU share for the step and adds the CPU time it used. */
export function shareCpus(model: ClusterModel, stepMs: number): void {
  const demand = new Map<number, number>();
  for (const process of model.processes.values()) {
    if (isRunnable(process)) demand.set(process.node, (demand.get(process.node) ?? 0) + process.demand);
  }
  const cpusOf = new Map(model.nodes.map((node) => [node.id, node.cpus]));
  const follow = 1 - Math.exp(-stepMs / PCPU_SMOOTHING_MS);
  for (const process of model.processes.values()) {
    const wanted = demand.get(process.node) ?? 0;
    const cpus = cpusOf.get(process.node) ?? 1;
    // Fair sharing: when the node is oversubscribed every process gets the same fraction of its demand.
    const scale = wanted > cpus ? cpus / wanted : 1;
    process.share = isRunnable(process) ? Math.min(1, process.demand * scale) : 0;
    process.cpuSeconds += (process.share * stepMs) / 1000;
    process.pcpu += (process.share * 100 - process.pcpu) * follow;
  }
}

/** The load a node would report right now, before smoothing (see the reference's formula). */
export function instantLoad(node: EmuNode, runnableDemand: number): number {
  return ((runnableDemand * 100) / node.cpus) * (STANDARD_SPEED / node.speed);
}

/** Utilisation right now, before smoothing: the busy share of the node's CPUs, in percent. */
function instantUtil(node: EmuNode, busyCpus: number): number {
  return (Math.min(node.cpus, busyCpus) / node.cpus) * 100;
}

export function updateNodeFigures(model: ClusterModel, stepMs: number): void {
  const follow = 1 - Math.exp(-stepMs / LOAD_SMOOTHING_MS);
  for (const node of model.nodes) {
    if (!node.up) continue;
    const { runnable, busy } = activityOn(model, node.id);
    node.load += (instantLoad(node, runnable) - node.load) * follow;
    node.util += (instantUtil(node, busy) - node.util) * follow;
    const [one, five, fifteen] = node.loadAverage;
    const [oneMs, fiveMs, fifteenMs] = LOAD_AVERAGE_WINDOWS_MS;
    node.loadAverage = [decayTowards(one, runnable, stepMs, oneMs), decayTowards(five, runnable, stepMs, fiveMs), decayTowards(fifteen, runnable, stepMs, fifteenMs)];
  }
}

/** The kernel's exponential load average: `value` moves towards `target` with time constant `windowMs`. */
function decayTowards(value: number, target: number, stepMs: number, windowMs: number): number {
  const decay = Math.exp(-stepMs / windowMs);
  return value * decay + target * (1 - decay);
}

function activityOn(model: ClusterModel, nodeId: number): { runnable: number; busy: number } {
  let runnable = 0;
  let busy = 0;
  for (const process of model.processes.values()) {
    if (process.node !== nodeId) continue;
    if (isRunnable(process)) runnable += process.demand;
    busy += process.share;
  }
  return { runnable, busy };
}

/** Starts the smoothed figures at their steady values so the first screen is not all zeros. */
export function settleNodeFigures(model: ClusterModel): void {
  shareCpus(model, 0);
  for (const process of model.processes.values()) process.pcpu = process.share * 100;
  for (const node of model.nodes) {
    const { runnable, busy } = activityOn(model, node.id);
    node.load = instantLoad(node, runnable);
    node.util = instantUtil(node, busy);
    node.loadAverage = [runnable, runnable * 0.8, runnable * 0.6];
  }
}
