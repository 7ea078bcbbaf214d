// `omtop render … --slurm`: the same checks as a local render, plus a write test of the output
// folder (every node writes its frames there, so it must be on a filesystem they all see), then the
// first array is submitted. Rejects with a RenderInputError (one line) before anything runs.
import { unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createExecaRunner } from '../../runner/execaRunner.js';
import type { CommandRunner } from '../../runner/runner.js';
import { RenderInputError } from '../inputChecks.js';
import { prepareRender } from '../prepare.js';
import type { RenderOptions } from '../renderOptions.js';
import type { StartedRender } from '../startRender.js';
import type { SlurmSubmitOptions } from './sbatchArgv.js';
import { SlurmRenderJob } from './slurmJob.js';

export interface SlurmRenderOptions extends RenderOptions {
  readonly slurm: SlurmSubmitOptions;
  /** @default the execa runner with a 10 s timeout */
  readonly runner?: CommandRunner;
  readonly pollMs?: number;
}

async function checkWritable(dir: string, id: string): Promise<void> {
  const probe = join(dir, `.omtop-write-check-${id}`);
  try {
    await writeFile(probe, 'omtop\n');
    await unlink(probe);
  } catch (error) {
    throw new RenderInputError(`cannot write into ${dir} (${(error as Error).message.split('\n')[0] ?? ''}): a Slurm render writes its frames and logs there from every node`);
  }
}

export async function startSlurmRenderJob(options: SlurmRenderOptions): Promise<StartedRender> {
  // The scheduler spreads the tasks over its nodes: this node's CPUs do not limit PARTS.
  const prepared = await prepareRender({ ...options, allowManyParts: true });
  const { config } = prepared;
  await checkWritable(config.outDir, config.id);
  await checkWritable(config.logDir, config.id);
  const runner = options.runner ?? createExecaRunner({ timeoutMs: 10_000, env: options.env });
  const job = new SlurmRenderJob(config, { runner, submit: options.slurm, ...(options.pollMs !== undefined ? { pollMs: options.pollMs } : {}) });
  await job.start();
  return { handle: job, prepared };
}
