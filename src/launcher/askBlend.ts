// Where the frames of a .blend go, asked of blender itself: for a render here, by the first of the
// job's own render workers (already loading the scene for its part, so no extra blender is started);
// where the worker cannot run (a blender too old for its driver) or where the parts run elsewhere
// (Slurm), by blendInfo.py in a blender of its own, and the parts are one blender per chunk.
import type { BlendInfo, BlendQuery } from './blendInfo.js';
import { queryBlendInfo } from './blendInfo.js';
import { RenderCancelledError, RenderInputError } from './inputChecks.js';
import { WorkerPool } from './workerPool.js';
import type { WorkerStart } from './workerProtocol.js';

export interface BlendAnswer {
  readonly info: BlendInfo;
  /** The job's workers, already loading the .blend; null for one blender per chunk. */
  readonly pool: WorkerPool | null;
}

export interface WorkerLaunch {
  /** How each worker starts (blender, file, scene, output, threads…). */
  readonly start: Omit<WorkerStart, 'infoFrames'>;
  readonly count: number;
  readonly stallTimeoutMs: number;
}

/**
 * `workers` null: ask a blender of its own (Slurm). Rejects with a RenderInputError (one line), or a
 * RenderCancelledError when `abort` fires first; no worker is left running then.
 */
export async function askBlend(query: BlendQuery, workers: WorkerLaunch | null, abort?: AbortSignal): Promise<BlendAnswer> {
  if (workers !== null) {
    const pool = new WorkerPool({ ...workers, infoFrames: query.frames });
    let info: BlendInfo | null;
    try {
      info = await unlessAborted(pool.info(query.blendFile), abort);
    } catch (error) {
      await pool.shutdown();
      throw error instanceof RenderCancelledError ? error : asInputError(error);
    }
    if (info !== null) return { info, pool };
    // The driver did not answer: this blender cannot run it. Ask as before, render one chunk per process.
    await pool.shutdown();
  }
  const info = await queryBlendInfo(query).catch((error: unknown) => {
    throw asInputError(error);
  });
  return { info, pool: null };
}

/** `answer`, or a RenderCancelledError as soon as `abort` fires. */
async function unlessAborted<T>(answer: Promise<T>, abort: AbortSignal | undefined): Promise<T> {
  if (abort === undefined) return answer;
  if (abort.aborted) throw new RenderCancelledError();
  let onAbort: () => void = () => undefined;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(new RenderCancelledError());
    abort.addEventListener('abort', onAbort, { once: true });
  });
  try {
    return await Promise.race([answer, aborted]);
  } finally {
    abort.removeEventListener('abort', onAbort);
  }
}

function asInputError(error: unknown): RenderInputError {
  return new RenderInputError(error instanceof Error ? error.message : String(error));
}
