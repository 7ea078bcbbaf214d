// Which backend omtop talks to: --backend (or --demo) wins; otherwise openMosix when this machine
// has it (/proc/hpc, or mosctl on PATH), else Slurm when a controller answers `scontrol ping`,
// else the emulated cluster, with a notice saying so.
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { BackendName } from '../model/snapshot.js';
import type { GlobalOptions } from '../options.js';
import type { CommandRunner } from '../runner/runner.js';
import type { Backend } from './backend.js';
import { withReadonly } from './readonly.js';
import type { SelectedBackend } from './select.types.js';

export const DEMO_FALLBACK_NOTICE = 'no openMosix found: showing an emulated cluster; --backend local shows this machine';

export interface SelectProbe {
  /** Where openMosix 2.4 keeps its node files. @default '/proc/hpc' */
  readonly hpcRoot?: string;
}

export async function selectBackend(
  options: Pick<GlobalOptions, 'backend' | 'readonly' | 'seed' | 'timeoutMs' | 'forksPerSecond'>,
  env: NodeJS.ProcessEnv,
  probe: SelectProbe = {},
): Promise<SelectedBackend> {
  const hpcRoot = probe.hpcRoot ?? '/proc/hpc';
  const hasHpc = existsSync(hpcRoot);
  // Each backend (and execa, ~100 files) is loaded only when chosen: --demo starts without them.
  const runner = async (): Promise<CommandRunner> =>
    (await import('../runner/execaRunner.js')).createExecaRunner({ timeoutMs: options.timeoutMs, env });
  const renderSourcesHere = async (): Promise<SelectedBackend['renderSources']> =>
    (await import('./renderSources.js')).createProcRenderSources({ env, cwd: process.cwd() });
  const name: BackendName = options.backend ?? (hasHpc || onPath('mosctl', env.PATH) ? 'openmosix' : await slurmOrDemo(runner, env));
  const notice = options.backend === undefined && name === 'demo' ? DEMO_FALLBACK_NOTICE : null;
  let backend: Backend;
  let emulator: SelectedBackend['emulator'] = null;
  let renderSources: SelectedBackend['renderSources'] = null;
  switch (name) {
    case 'openmosix': {
      const { createOpenMosixBackend, defaultHpcRoot } = await import('./openmosix/openmosixBackend.js');
      backend = createOpenMosixBackend({
        runner: await runner(), hpcRoot: defaultHpcRoot(hpcRoot), wallNow: () => performance.now(),
        ...(options.forksPerSecond === undefined ? {} : { forksPerSecond: options.forksPerSecond }),
      });
      renderSources = await renderSourcesHere();
      break;
    }
    case 'local': {
      const { createLocalBackend } = await import('./local/localBackend.js');
      backend = createLocalBackend({ runner: await runner() });
      renderSources = await renderSourcesHere();
      break;
    }
    case 'slurm': {
      const { createSlurmBackend } = await import('./slurm/slurmBackend.js');
      backend = createSlurmBackend({ runner: await runner() });
      break;
    }
    case 'demo': {
      const { createDemoBackend } = await import('./demo.js');
      const demo = createDemoBackend(options.seed !== undefined ? { seed: options.seed } : {});
      emulator = demo.emulator;
      renderSources = demo.renderSources;
      backend = demo;
      break;
    }
  }
  return { backend: options.readonly ? withReadonly(backend) : backend, readonly: options.readonly, notice, emulator, renderSources };
}

/** Slurm when its client is on PATH and a controller answers (one `scontrol ping`, ~0.1 s). */
async function slurmOrDemo(runner: () => Promise<CommandRunner>, env: NodeJS.ProcessEnv): Promise<BackendName> {
  if (!onPath('scontrol', env.PATH)) return 'demo';
  const { controllerProblem } = await import('./slurm/readings.js');
  return (await controllerProblem(await runner())) === null ? 'slurm' : 'demo';
}

/** True when PATH has an executable `program` (found without running anything). */
export function onPath(program: string, path: string | undefined): boolean {
  for (const dir of (path ?? '').split(delimiter)) {
    if (dir === '') continue;
    const candidate = join(dir, program);
    try {
      accessSync(candidate, constants.X_OK);
      if (statSync(candidate).isFile()) return true;
    } catch {
      // Not in this directory (or not executable): the next PATH entry may have it.
    }
  }
  return false;
}
