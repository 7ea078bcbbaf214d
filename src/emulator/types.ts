// The emulated cluster's public face: it answers the openMosix tools' commands with their text,
// and lets the clock and outside processes (the render launcher's blender parts) in.
import type { CommandRunner } from '../runner/runner.js';

export interface AdoptedProcess {
  readonly pid: number;
  readonly command: string;
  readonly user?: string;
}

export interface EmulatedCluster extends CommandRunner {
  readonly localNode: number;
  /** Moves the model forward: CPU use, load, balancing, memory, failures. */
  advance(ms: number): void;
  /** Shows an outside process (a real blender part) in the cluster, placed by the balancer. */
  adoptProcess(process: AdoptedProcess): void;
  releaseProcess(pid: number): void;
}

export interface EmulatorOptions {
  /** Same seed, same cluster history. @default a fixed seed */
  readonly seed?: number;
  /** Start with the tutorial's 4-part blacksmith render running. @default true */
  readonly withRender?: boolean;
  /** Nodes fail and return at random. @default true */
  readonly failures?: boolean;
}
