// Puts the fake Slurm clients (fixtures/bin-slurm) first on PATH and reads back their calls.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createExecaRunner } from '../../src/runner/execaRunner.js';
import type { CommandRunner } from '../../src/runner/runner.js';
import { NODE_DIR } from './fakeTools.js';

export const FAKE_SLURM_BIN = fileURLToPath(new URL('../../fixtures/bin-slurm', import.meta.url));

export interface FakeSlurm {
  readonly env: Record<string, string>;
  readonly runner: CommandRunner;
  calls(): string[][];
}

export function fakeSlurm(extra: Record<string, string> = {}, timeoutMs = 20_000): FakeSlurm {
  const log = join(mkdtempSync(join(tmpdir(), 'omtop-fake-slurm-')), 'calls.log');
  const env = { PATH: [FAKE_SLURM_BIN, NODE_DIR].join(delimiter), OMTOP_FAKE_LOG: log, ...extra };
  return {
    env,
    runner: createExecaRunner({ env, timeoutMs }),
    calls: () => (existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as string[]) : []),
  };
}
