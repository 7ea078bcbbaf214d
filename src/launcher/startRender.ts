// Entry points of the render engine: the rich one for `omtop render`, and the StartRender the
// dashboard's form calls.
import type { RenderJobHandle, RenderRequest, StartRender } from './types.js';
import type { RenderOptions } from './renderOptions.js';
import type { RenderHooks } from './jobConfig.js';
import { prepareRender, type PreparedRender } from './prepare.js';
import { RenderJob } from './job.js';

export interface StartedRender {
  readonly handle: RenderJobHandle;
  readonly prepared: PreparedRender;
}

/**
 * Checks the options (the parts' blenders already loading the .blend meanwhile), then starts the job.
 * Rejects with a RenderInputError (one line), with no blender left running, when a check fails.
 */
export async function startRenderJob(options: RenderOptions): Promise<StartedRender> {
  const prepared = await prepareRender(options, true);
  return { handle: new RenderJob(prepared.config), prepared };
}

export interface StartRenderDefaults {
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
  /** Demo mode: show launched parts in the emulated cluster. */
  readonly hooks?: RenderHooks;
  /** Existing frames: render only the missing ones (default true for the dashboard, where a job is often restarted). */
  readonly resume?: boolean;
  readonly blender?: string;
}

export function createStartRender(defaults: StartRenderDefaults = {}): StartRender {
  return async (request: RenderRequest): Promise<RenderJobHandle> => {
    const { slurm, ...rest } = request;
    const options = {
      ...rest,
      cwd: defaults.cwd ?? process.cwd(),
      env: defaults.env ?? process.env,
      hooks: defaults.hooks,
      resume: defaults.resume ?? true,
      blender: defaults.blender,
    };
    if (slurm) {
      // The dashboard's "Run on: Slurm": the cluster's default partition, no extra sbatch options.
      const { startSlurmRenderJob } = await import('./slurm/startSlurmRender.js');
      return (await startSlurmRenderJob({ ...options, slurm: { extraArgs: [] } })).handle;
    }
    return (await startRenderJob(options)).handle;
  };
}

export const startRender: StartRender = createStartRender();
