// The emulated cluster's mutable state and the few helpers every part of the model shares.
// Only the emulator's own modules mutate it; the outside world sees text (commands) or copies.
import type { EmulatorEvent, EmulatorEventKind } from './types.js';
import type { Random } from './random.js';
import type { NodeFlag } from '../../parsers/nodeFlags.js';

/** Model time moves in fixed steps, so advance(1000) and 10 × advance(100) give the same history. */
export const STEP_MS = 100;
/** A manual placement (migrate, bring, expel) is left alone by the balancer for this long. */
export const MANUAL_HOLD_MS = 30_000;
/** The event log keeps this many entries; older ones are dropped. */
export const MAX_EVENTS = 5000;
/** openMosix reads memory in 4 KiB pages; every byte count it prints is a multiple of this. */
export const PAGE_BYTES = 4096;
/** Speed of the reference CPU (a Pentium III at 1 GHz). */
export const STANDARD_SPEED = 10_000;

export type NodeFlagState = Record<NodeFlag, boolean>;

export interface EmuNode {
  readonly id: number;
  readonly ip: string;
  speed: number;
  readonly cpus: number;
  readonly memTotalBytes: number;
  /** Memory the node's own system uses, processes aside. */
  readonly baseUsedBytes: number;
  /** Page cache and buffers: counted free by openMosix (getmem), used by Linux (getfree). */
  readonly cacheBytes: number;
  up: boolean;
  downUntilMs: number;
  flags: NodeFlagState;
  /** Smoothed MOSIX load (about 100 per busy CPU of standard speed). */
  load: number;
  /** Smoothed utilisation, percent of all CPUs. */
  util: number;
  /** 1, 5 and 15 minute run-queue averages, as the local mtop header shows them. */
  loadAverage: [number, number, number];
}

export type ProcessKind = 'system' | 'render-script' | 'render-part' | 'adopted' | 'foreign';

/** A render part's frame range and how far it got. */
export interface PartProgress {
  readonly index: number;
  readonly last: number;
  /** The frame being rendered now (last + 1 when done). */
  frame: number;
  /** Work done on `frame` so far, in speed-seconds (speed × CPU seconds). */
  frameWork: number;
}

export interface EmuProcess {
  readonly pid: number;
  readonly user: string;
  /** The node the process belongs to (its deputy lives there). */
  readonly home: number;
  /** The node it runs on now. */
  node: number;
  readonly comm: string;
  readonly cmdline: string;
  readonly kind: ProcessKind;
  /** Its parent (the render script for a part; 1 when nothing says otherwise). */
  readonly ppid: number;
  /** Model time it started; null: long before the emulator did. */
  readonly startedMs: number | null;
  /** CPUs it would use if nothing else ran (1 for a render, ~0 for a sleeping shell). */
  readonly demand: number;
  /** Fixed STAT for system processes; computed for the others. */
  readonly baseStat: string | null;
  stopped: boolean;
  /** CPUs it got in the last step. */
  share: number;
  /** Smoothed %CPU as top shows it. */
  pcpu: number;
  cpuSeconds: number;
  sizeKiB: number;
  rssKiB: number;
  readonly shareKiB: number;
  /** The balancer leaves it alone until then (manual placements). */
  holdUntilMs: number;
  lastMovedMs: number;
  /** Work left for a foreign job, in speed-seconds; null when it runs forever. */
  workLeft: number | null;
  part: PartProgress | null;
  /** Model time it started (negative: before the emulator did), for ps's START and %CPU. */
  readonly startedAtMs: number;
  /** It has a controlling terminal, so plain `mps` (without `x`) lists it. */
  readonly terminal: boolean;
  /** How many times it migrated (mtop's MGS). */
  migrations: number;
}

export interface RenderState {
  readonly blend: string;
  readonly first: number;
  readonly last: number;
  readonly parts: number;
  scriptPid: number;
  /** Frames the script's split covers (Gloor's script drops the remainder). */
  readonly framesTotal: number;
  framesDone: number;
  finished: boolean;
  restartAtMs: number | null;
}

export interface ClusterModel {
  nowMs: number;
  /** ms given to advance() but not yet a whole step. */
  pendingMs: number;
  readonly localNode: number;
  readonly nodes: EmuNode[];
  readonly processes: Map<number, EmuProcess>;
  nextPid: number;
  nextForeignPid: number;
  readonly random: Random;
  readonly events: EmulatorEvent[];
  nextBalanceMs: number;
  render: RenderState | null;
  /** The render's frame files: frame → model time it was (last) written. They stay on disk between renders. */
  readonly renderedFrames: Map<number, number>;
  readonly settings: {
    readonly failures: boolean;
    readonly repeatRender: boolean;
    readonly guestArrivals: boolean;
  };
  /** Seconds since midnight at model time 0, and the uptime then (the tutorial's mtop). */
  readonly clockStartSeconds: number;
  readonly uptimeStartSeconds: number;
  decay: { interval: number; slow: number; fast: number };
  mfs: boolean;
}

export function logEvent(
  model: ClusterModel,
  kind: EmulatorEventKind,
  detail: string,
  where: { node?: number; pid?: number } = {},
): void {
  model.events.push({ atMs: model.nowMs, kind, detail, ...where });
  if (model.events.length > MAX_EVENTS) model.events.splice(0, model.events.length - MAX_EVENTS);
}

export function findNode(model: ClusterModel, id: number): EmuNode | undefined {
  return model.nodes.find((node) => node.id === id);
}

export function localNode(model: ClusterModel): EmuNode {
  const node = findNode(model, model.localNode);
  if (!node) throw new Error(`emulator: local node ${model.localNode} is missing from the model`);
  return node;
}

/** Processes mps and mtop on the local node list: those whose home is here, wherever they run. */
export function localProcesses(model: ClusterModel): EmuProcess[] {
  return [...model.processes.values()].filter((process) => process.home === model.localNode);
}

type ProcessIdentity = Pick<EmuProcess, 'pid' | 'user' | 'home' | 'node' | 'comm' | 'cmdline' | 'kind'>;

/** The parent of the tutorial's shells and programs: init. */
const INIT_PID = 1;

/**
 * A process as it starts: no demand, no CPU used, no memory, never moved, no hold, and no work
 * or render part, unless `fields` says otherwise. Every process in the model is made here.
 */
export function newProcess(fields: ProcessIdentity & Partial<EmuProcess>): EmuProcess {
  return {
    ppid: INIT_PID,
    startedMs: null,
    demand: 0,
    baseStat: null,
    stopped: false,
    share: 0,
    pcpu: 0,
    cpuSeconds: 0,
    sizeKiB: 0,
    rssKiB: 0,
    shareKiB: 0,
    holdUntilMs: 0,
    lastMovedMs: -Infinity,
    workLeft: null,
    part: null,
    startedAtMs: 0,
    terminal: true,
    migrations: 0,
    ...fields,
  };
}

export function isRunnable(process: EmuProcess): boolean {
  return !process.stopped && process.demand > 0;
}

/** CPUs of demand from the runnable processes on a node. */
export function demandOn(model: ClusterModel, nodeId: number): number {
  let total = 0;
  for (const process of model.processes.values()) {
    if (process.node === nodeId && isRunnable(process)) total += process.demand;
  }
  return total;
}

export function usedBytes(model: ClusterModel, node: EmuNode): number {
  let used = node.baseUsedBytes;
  for (const process of model.processes.values()) {
    if (process.node === node.id) used += process.rssKiB * 1024;
  }
  return used;
}

/** Free memory as openMosix sees it (getmem): whole pages, cache counted as free. */
export function freeBytes(model: ClusterModel, node: EmuNode): number {
  const free = Math.max(0, node.memTotalBytes - usedBytes(model, node));
  return Math.floor(free / PAGE_BYTES) * PAGE_BYTES;
}

/** Free memory as Linux sees it (getfree): cache is in use. */
export function physicalFreeBytes(model: ClusterModel, node: EmuNode): number {
  return Math.max(0, freeBytes(model, node) - node.cacheBytes);
}

/** A pid for a new local process, skipping any in use (adopted real processes keep theirs). */
export function allocatePid(model: ClusterModel): number {
  while (model.processes.has(model.nextPid)) model.nextPid += 1;
  const pid = model.nextPid;
  model.nextPid += 1;
  return pid;
}

/** Linux keeps 15 characters of the program name as the process's comm. */
export function commOf(command: string): string {
  const program = command.trim().split(/\s+/)[0] ?? '';
  return program.slice(program.lastIndexOf('/') + 1).slice(0, 15);
}

export function removeProcess(model: ClusterModel, pid: number): EmuProcess | undefined {
  const process = model.processes.get(pid);
  model.processes.delete(pid);
  return process;
}
