// The emulated cluster's public face: it answers the openMosix tools' commands with their text,
// and lets the clock and outside processes (the render launcher's blender parts) in.
import type { CommandRunner } from '../runner/runner.js';
import type { NodeFlag } from '../../parsers/nodeFlags.js';
import type { RenderWatchSources } from '../runner/watchSources.js';

export interface AdoptedProcess {
  readonly pid: number;
  readonly command: string;
  readonly user?: string;
  /** Its real parent (omtop, for a launched part). */
  readonly ppid?: number;
}

export interface EmulatedCluster extends CommandRunner, EmulatorControls {
  readonly localNode: number;
  /** Moves the model forward: CPU use, load, balancing, memory, failures. */
  advance(ms: number): void;
  /** Shows an outside process (a real blender part) in the cluster, placed by the balancer. */
  adoptProcess(process: AdoptedProcess): void;
  releaseProcess(pid: number): void;
  /** The render watch's seam over this cluster: its processes' details and its render's frame files (times via `toEpochMs`). */
  renderSources(toEpochMs: (modelMs: number) => number): RenderWatchSources;
}

export interface EmulatorOptions {
  /** Same seed, same cluster history. @default a fixed seed */
  readonly seed?: number;
  /** Start with the tutorial's 4-part blacksmith render running. @default true */
  readonly withRender?: boolean;
  /** Nodes fail and return at random. @default true */
  readonly failures?: boolean;
  /** Start a new render of the same scene a minute after one finishes. @default true */
  readonly repeatRender?: boolean;
  /** Jobs from other nodes' users start now and then (some end up on the local node). @default true */
  readonly guestArrivals?: boolean;
}

// ---- Added by the emulator (additive): event log, on-demand failures, a read-only view. ----

export type EmulatorEventKind =
  | 'node-down'
  | 'node-up'
  | 'process-lost'
  | 'respawned'
  | 'migrated'
  | 'expelled'
  | 'brought'
  | 'exited'
  | 'killed'
  | 'stopped'
  | 'continued'
  | 'adopted'
  | 'released'
  | 'flag'
  | 'guest-started'
  | 'render-started'
  | 'render-finished';

export interface EmulatorEvent {
  /** Model time in ms since the emulator started. */
  readonly atMs: number;
  readonly kind: EmulatorEventKind;
  readonly detail: string;
  readonly node?: number;
  readonly pid?: number;
}

export interface EmulatorNodeView {
  readonly id: number;
  readonly ip: string;
  readonly up: boolean;
  readonly speed: number;
  readonly cpus: number;
  /** MOSIX units, as `mosctl getload` prints it. */
  readonly load: number;
  readonly util: number;
  readonly memFreeBytes: number;
  readonly memTotalBytes: number;
  readonly flags: Readonly<Record<NodeFlag, boolean>>;
}

export interface EmulatorProcessView {
  readonly pid: number;
  readonly user: string;
  readonly home: number;
  /** Where it runs now (a node id, never 0). */
  readonly node: number;
  readonly command: string;
  readonly kind: 'system' | 'render-script' | 'render-part' | 'adopted' | 'foreign';
  readonly stopped: boolean;
  readonly cpuSeconds: number;
}

export interface EmulatorRenderView {
  readonly blend: string;
  readonly framesTotal: number;
  readonly framesDone: number;
  readonly finished: boolean;
}

export interface EmulatorView {
  readonly nowMs: number;
  readonly localNode: number;
  readonly nodes: readonly EmulatorNodeView[];
  /** Every process in the model, guests from other nodes included (mps shows only local ones). */
  readonly processes: readonly EmulatorProcessView[];
  readonly render: EmulatorRenderView | null;
}

export interface EmulatorControls {
  /** The event log, oldest first (bounded: the oldest entries are dropped past a few thousand). */
  events(): readonly EmulatorEvent[];
  /** Takes a non-local node down now for `forMs` of model time; its processes are lost. */
  failNode(id: number, forMs: number): void;
  /** A copy of the model's state, for tests and the demo backend's extras. */
  inspect(): EmulatorView;
}
