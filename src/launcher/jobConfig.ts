// What a render job needs once its input has been checked, and what it reports while it runs.
import type { BlenderInvocation } from './blenderArgv.js';
import type { MovieRequest } from './movie.js';
import type { OutputLock } from './outputLock.js';
import type { WorkerPool } from './workerPool.js';
import type { WorkerStart } from './workerProtocol.js';

export type SplitMode = 'even' | 'dynamic';

/** Progress events for line-oriented output (`omtop render` without a TTY, `--json`). */
export type RenderEvent =
  | {
      readonly type: 'part-spawn';
      readonly part: number;
      readonly pid: number | null;
      /** The frames the process was started for; empty for a render worker, which is handed frames one by one (frame-start). */
      readonly frames: string;
      readonly attempt: number;
      readonly logFile: string;
    }
  | {
      /** A part's render worker was handed a frame. */
      readonly type: 'frame-start';
      readonly part: number;
      readonly pid: number | null;
      readonly frame: number;
    }
  | {
      readonly type: 'frame-done';
      readonly part: number;
      readonly frame: number;
      readonly file: string;
      /** Wall seconds since the part's previous frame (or its start). */
      readonly seconds: number;
      readonly framesDone: number;
      readonly framesTotal: number;
    }
  | {
      readonly type: 'part-exit';
      readonly part: number;
      readonly pid: number | null;
      readonly exitCode: number | null;
      readonly signal: string | null;
      readonly stalled: boolean;
      /** Frames of that process with no file, compressed (`3-5,9`); empty when none. */
      readonly missing: string;
      readonly error: string | null;
    }
  | { readonly type: 'movie'; readonly file: string; readonly frames: number; readonly tool: string };

export interface RenderHooks {
  /** A blender part process was started (the demo cluster shows it as a process). */
  readonly onPartSpawn?: (pid: number, argv: readonly string[]) => void;
  readonly onPartExit?: (pid: number) => void;
  readonly onEvent?: (event: RenderEvent) => void;
}

export interface RenderJobConfig {
  readonly id: string;
  /** As the user named it; shown in views and messages. */
  readonly blendFile: string;
  readonly blender: string;
  /** Everything of the blender argv except the program and the frames. */
  readonly invocation: Omit<BlenderInvocation, 'blender' | 'frames'>;
  /** The frames this job renders, sorted. */
  readonly frames: readonly number[];
  /** Every frame of the request, including those already on disk before a --resume (the movie's frames). */
  readonly allFrames: readonly number[];
  /** frame → absolute path of its file, as blender computes it. */
  readonly paths: ReadonlyMap<number, string>;
  /** The `-o` pattern of the local parts: the frames' pattern with the partial prefix (see partialFrames). */
  readonly partialPattern: string;
  /** frame → the partial name blender writes it under with `partialPattern`, renamed over the path when complete. */
  readonly partials: ReadonlyMap<number, string>;
  readonly outDir: string;
  /** Where each frame goes, as a user reads it: `/home/me/rendered/frame_####.png`. */
  readonly framePattern?: string;
  readonly logDir: string;
  readonly parts: number;
  readonly split: SplitMode;
  /** `--chunk N` for the dynamic split; undefined adapts. */
  readonly chunk?: number;
  readonly retries: number;
  readonly stallTimeoutMs: number;
  /** `-t` for each part's blender (its share of this machine's cores); undefined: blender's own choice. */
  readonly threads?: number;
  /**
   * The parts' render workers (one long-lived blender per part, frames handed one at a time), already
   * loading the .blend, and how to start another; absent: one blender per chunk (see chunkRun).
   */
  readonly workers?: { readonly start: Omit<WorkerStart, 'infoFrames'>; readonly pool: WorkerPool };
  readonly movie?: MovieRequest;
  readonly hooks?: RenderHooks;
  /** Held while the job runs, released when it ends (see outputLock). */
  readonly outputLock?: OutputLock;
}
