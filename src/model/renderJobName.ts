// The name omtop gives the Slurm job arrays of its split renders, so the Slurm backend can mark
// their tasks as the render's own (as blender parts are marked on openMosix).
export const SLURM_RENDER_JOB_PREFIX = 'omtop-render';

export function isRenderJobName(name: string): boolean {
  return name === SLURM_RENDER_JOB_PREFIX || name.startsWith(`${SLURM_RENDER_JOB_PREFIX}-`);
}
