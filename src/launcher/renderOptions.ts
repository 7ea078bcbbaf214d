// Everything a split render can be asked for, by `omtop render` or by the dashboard's form.
import type { FrameSize } from './blenderArgv.js';
import type { ImageFormat } from './imageFormat.js';
import type { RenderHooks, SplitMode } from './jobConfig.js';
import type { HostFacts } from './partsLimit.js';

export const DEFAULT_RETRIES = 2;
/** The tutorial assembled its movie at 12 fps. */
export const DEFAULT_FPS = 12;
/** Long enough for a heavy scene to load; Cycles prints several lines a second once it renders. */
export const DEFAULT_STALL_SECONDS = 600;

export interface RenderOptions {
  readonly blendFile: string;
  readonly start: number;
  readonly end: number;
  readonly parts: number;
  /** `--frames`: render these (all within START..END) instead of the whole range. */
  readonly frames?: readonly number[];
  /** undefined: the .blend's own output setting. */
  readonly outDir?: string;
  /** A whole blender `-o` pattern (`#` for the frame number; relative to cwd) instead of outDir. */
  readonly outputPattern?: string;
  readonly scene?: string;
  readonly format?: ImageFormat;
  readonly size?: FrameSize;
  readonly engine?: string;
  readonly noDenoising?: boolean;
  /** `--threads N`: blender threads per part (default: this machine's cores / PARTS, 1 under openMosix). */
  readonly threads?: number;
  readonly split?: SplitMode;
  readonly chunk?: number;
  /** One blender per chunk even where render workers can run (bench 7 measures the two side by side). */
  readonly perChunk?: boolean;
  readonly retries?: number;
  /** 0 turns the no-output watchdog off. */
  readonly stallTimeoutSeconds?: number;
  readonly resume?: boolean;
  readonly overwrite?: boolean;
  readonly movie?: string;
  readonly fps?: number;
  /** Program name or path; default `blender` from PATH. */
  readonly blender?: string;
  /** Start more parts than PARTS_PER_CPU × this node's CPUs even without openMosix (Slurm spreads them itself). */
  readonly allowManyParts?: boolean;
  /** This node's CPUs and openMosix; default: looked up (tests pass their own). */
  readonly host?: HostFacts;
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  readonly hooks?: RenderHooks;
  /**
   * Aborted (Ctrl-C) while the job is prepared: the parts' blenders already loading are stopped and
   * the start rejects with a RenderCancelledError. Once the job runs, cancel it through its handle.
   */
  readonly abort?: AbortSignal;
}
