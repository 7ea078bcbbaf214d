// Puts fixtures/bin first on PATH for a runner and reads back what the fake tools were called with.
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FAKE_BIN = fileURLToPath(new URL('../../fixtures/bin', import.meta.url));
/** The fakes are `#!/usr/bin/env node` scripts, so node's own directory must stay reachable. */
export const NODE_DIR = dirname(process.execPath);

export interface FakeEnv {
  readonly env: Record<string, string>;
  /** Every argv the fakes were called with so far, in order. */
  calls(): string[][];
}

export function fakeToolsEnv(extra: Record<string, string> = {}, withFakes = true): FakeEnv {
  const log = join(mkdtempSync(join(tmpdir(), 'omtop-fake-')), 'calls.log');
  const path = withFakes ? [FAKE_BIN, NODE_DIR].join(delimiter) : join(tmpdir(), 'omtop-no-such-dir');
  return {
    env: { PATH: path, OMTOP_FAKE_LOG: log, ...extra },
    calls: () =>
      existsSync(log)
        ? readFileSync(log, 'utf8')
            .split('\n')
            .filter((line) => line !== '')
            .map((line) => JSON.parse(line) as string[])
        : [],
  };
}
