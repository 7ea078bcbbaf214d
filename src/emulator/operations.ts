// What a user (through mosctl, migrate, kill) or the launcher (adopt/release) can do to the model.
// Each returns an outcome as data; the command layer turns it into the tools' text.
import type { ClusterModel, EmuProcess, NodeFlagState } from './model.js';
import { MANUAL_HOLD_MS, commOf, findNode, localNode, logEvent, newProcess, removeProcess } from './model.js';
import { accepts, moveProcess } from './migration.js';
import type { AdoptedProcess } from './types.js';

export type Outcome = { readonly ok: true } | { readonly ok: false; readonly reason: string };
const OK: Outcome = { ok: true };

/** Processes a user on the local node can see and act on: those whose home is here. */
export function visibleProcess(model: ClusterModel, pid: number): EmuProcess | undefined {
  const process = model.processes.get(pid);
  return process && process.home === model.localNode ? process : undefined;
}

/**
 * Sends every guest on the local node back to its home (or, if home refuses, the best other node)
 * and, as the real `mosctl expel` does, blocks further guests (until `noblock`).
 */
export function expel(model: ClusterModel): void {
  setLocalFlag(model, 'block', true);
  for (const process of [...model.processes.values()]) {
    if (process.node !== model.localNode || process.home === model.localNode) continue;
    const home = findNode(model, process.home);
    const target = home && accepts(model, home, process, false)
      ? home
      : model.nodes.find((node) => node.id !== model.localNode && accepts(model, node, process, false));
    if (target) moveProcess(model, process, target.id, 'expel');
  }
}

/** Brings every local process that runs elsewhere back home and, as the real `mosctl bring`, keeps them there (lstay). */
export function bring(model: ClusterModel): void {
  setLocalFlag(model, 'lstay', true);
  for (const process of model.processes.values()) {
    if (process.home === model.localNode && process.node !== model.localNode) moveProcess(model, process, model.localNode, 'bring');
  }
}

export function migrate(model: ClusterModel, pid: number, to: number | 'home' | 'balance'): Outcome {
  const process = visibleProcess(model, pid);
  if (!process) return { ok: false, reason: 'no such process' };
  if (to === 'balance') {
    // Hand it back to the balancer at once: no hold, no residence wait.
    process.holdUntilMs = 0;
    process.lastMovedMs = -Infinity;
    return OK;
  }
  const targetId = to === 'home' ? model.localNode : to;
  const target = findNode(model, targetId);
  if (!target) return { ok: false, reason: `Node #${targetId} is not configured` };
  if (!target.up) return { ok: false, reason: `Node #${targetId} is not up` };
  if (!accepts(model, target, process, false)) return { ok: false, reason: `Node #${targetId} refused the process` };
  if (process.node === targetId) {
    process.holdUntilMs = model.nowMs + MANUAL_HOLD_MS;
    return OK;
  }
  moveProcess(model, process, targetId, 'manual');
  return OK;
}

export type FlagName = keyof NodeFlagState;

/** Sets a flag on the local node; false when it already had that value. */
export function setLocalFlag(model: ClusterModel, flag: FlagName, on: boolean): boolean {
  const node = localNode(model);
  if (node.flags[flag] === on) return false;
  node.flags = { ...node.flags, [flag]: on };
  logEvent(model, 'flag', `${on ? '' : 'no'}${flag} on node ${node.id}`, { node: node.id });
  return true;
}

export type Signal = 'TERM' | 'KILL' | 'STOP' | 'CONT';

export function sendSignal(model: ClusterModel, pid: number, signal: Signal): Outcome {
  const process = visibleProcess(model, pid);
  if (!process) return { ok: false, reason: 'No such process' };
  // init ignores signals it has no handler for, even from root.
  if (process.pid === 1) return OK;
  if (signal === 'STOP' || signal === 'CONT') {
    const stop = signal === 'STOP';
    if (process.stopped !== stop) {
      process.stopped = stop;
      logEvent(model, stop ? 'stopped' : 'continued', `${pid} (${process.comm})`, { pid, node: process.node });
    }
    return OK;
  }
  removeProcess(model, pid);
  logEvent(model, 'killed', `${pid} (${process.comm}) ended by SIG${signal}`, { pid, node: process.node });
  return OK;
}

const ADOPTED_RSS_KIB = 48 * 1024;

/** An outside process (a real blender part) joins at home with a full CPU of demand. */
export function adopt(model: ClusterModel, adopted: AdoptedProcess): void {
  if (!Number.isSafeInteger(adopted.pid) || adopted.pid <= 0) throw new RangeError(`adoptProcess: bad pid ${adopted.pid}`);
  const existing = model.processes.get(adopted.pid);
  if (existing && existing.kind !== 'adopted') {
    // A real pid wins over an emulated one that happens to share it.
    removeProcess(model, adopted.pid);
    logEvent(model, 'exited', `${adopted.pid} (${existing.comm}) made way for an adopted process`, { pid: adopted.pid });
  }
  model.processes.set(
    adopted.pid,
    newProcess({
      pid: adopted.pid,
      user: adopted.user ?? 'root',
      home: model.localNode,
      node: existing?.kind === 'adopted' ? existing.node : model.localNode,
      comm: commOf(adopted.command),
      cmdline: adopted.command,
      kind: 'adopted',
      ppid: adopted.ppid ?? 1,
      startedMs: existing?.kind === 'adopted' ? existing.startedMs : model.nowMs,
      demand: 1,
      cpuSeconds: existing?.kind === 'adopted' ? existing.cpuSeconds : 0,
      startedAtMs: existing?.kind === 'adopted' ? existing.startedAtMs : model.nowMs,
      migrations: existing?.kind === 'adopted' ? existing.migrations : 0,
      sizeKiB: ADOPTED_RSS_KIB + 1024,
      rssKiB: ADOPTED_RSS_KIB,
      shareKiB: 1656,
    }),
  );
  logEvent(model, 'adopted', `${adopted.pid} (${commOf(adopted.command)}) joined the cluster`, { pid: adopted.pid });
}

export function release(model: ClusterModel, pid: number): void {
  const process = model.processes.get(pid);
  if (!process || process.kind !== 'adopted') return;
  removeProcess(model, pid);
  logEvent(model, 'released', `${pid} (${process.comm}) left the cluster`, { pid, node: process.node });
}
