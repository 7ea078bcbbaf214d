// Entry points of the render engine: the rich one for `omtop render`, and the StartRender the
// dashboard's form calls.
import type { RenderJobHandle, RenderRequest, StartRender } from './types.js';
import type { RenderOptions } from './renderOptions.js';
import type { RenderHooks } from './jobConfig.js';
import { prepareRender, type PreparedRender } from './prepare.js';
import { RenderJob } from './job.js';
import { normalizeImageFormat } from './imageFormat.js';
import { checkBlendFile, RenderInputError } from './inputChecks.js';
import { basename, extname, resolve } from 'node:path';
import { findProgram } from './findProgram.js';
import { queryBlendInfo } from './blendInfo.js';
import { BLENDER_MISSING } from './prepare.js';
import { errorLine } from '../errorLine.js';

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
    const { slurm, existing, format, ...rest } = request;
    const imageFormat = format === undefined ? undefined : normalizeImageFormat(format);
    if (imageFormat === null) throw new RenderInputError(`blender format ${format} is not one omtop can render frame by frame`);
    const options = {
      ...rest,
      ...(imageFormat === undefined ? {} : { format: imageFormat }),
      cwd: defaults.cwd ?? process.cwd(),
      env: defaults.env ?? process.env,
      hooks: defaults.hooks,
      resume: existing === undefined ? defaults.resume ?? true : existing === 'resume',
      overwrite: existing === 'overwrite',
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

export type BlendInspection =
  | { readonly ok: true; readonly pattern: string; readonly frameStart: number; readonly frameEnd: number }
  | { readonly ok: false; readonly error: string };

/** What the render form shows before starting: where the .blend writes its frames (`/tmp/####.png`) and its range. */
export function createInspectBlend(defaults: Pick<StartRenderDefaults, 'cwd' | 'env' | 'blender'> = {}): (file: string) => Promise<BlendInspection> {
  return async (file) => {
    const cwd = defaults.cwd ?? process.cwd();
    const env = defaults.env ?? process.env;
    const blendFile = resolve(cwd, file);
    try {
      await checkBlendFile(file, blendFile);
      const blender = findProgram(defaults.blender ?? 'blender', env.PATH, cwd);
      if (blender === null) return { ok: false, error: BLENDER_MISSING };
      const info = await queryBlendInfo({ blender, blendFile, frames: [1], partialPrefix: '' });
      const ending = basename(info.pattern).includes('#') ? '' : '####';
      return { ok: true, pattern: `${info.pattern}${ending}${extname(info.paths.get(1) ?? '')}`, frameStart: info.frameStart, frameEnd: info.frameEnd };
    } catch (error) {
      return { ok: false, error: errorLine(error) };
    }
  };
}
