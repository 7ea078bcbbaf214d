import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEMO_FALLBACK_NOTICE, onPath, selectBackend } from '../../src/backends/select.js';
import { FAKE_BIN, NODE_DIR } from '../helpers/fakeTools.js';
import { FAKE_SLURM_BIN } from '../helpers/fakeSlurm.js';

const base = { readonly: false, timeoutMs: 2000 } as const;
const NO_HPC = { hpcRoot: join(tmpdir(), 'omtop-no-hpc-here') };
const EMPTY_PATH = mkdtempSync(join(tmpdir(), 'omtop-empty-path-'));
const HPC_TREE = fileURLToPath(new URL('../../fixtures/cluster/hpc-tutorial', import.meta.url));

describe('selectBackend', () => {
  it('falls back to the demo with a notice when there is no openMosix', async () => {
    const selected = await selectBackend(base, { PATH: EMPTY_PATH }, NO_HPC);
    expect(selected.backend.name).toBe('demo');
    expect(selected.notice).toBe(DEMO_FALLBACK_NOTICE);
    expect(selected.emulator?.localNode).toBe(261);
  });

  it('picks openmosix when mosctl is on PATH', async () => {
    const selected = await selectBackend(base, { PATH: [FAKE_BIN, NODE_DIR].join(delimiter) }, NO_HPC);
    expect(selected.backend.name).toBe('openmosix');
    expect(selected.notice).toBeNull();
    expect(selected.emulator).toBeNull();
  });

  it('picks openmosix when /proc/hpc exists, even without mosctl', async () => {
    const selected = await selectBackend(base, { PATH: EMPTY_PATH }, { hpcRoot: HPC_TREE });
    expect(selected.backend.name).toBe('openmosix');
  });

  it('lets --backend win over detection, without a notice', async () => {
    const demo = await selectBackend({ ...base, backend: 'demo', seed: 3 }, { PATH: [FAKE_BIN, NODE_DIR].join(delimiter) }, NO_HPC);
    expect(demo.backend.name).toBe('demo');
    expect(demo.notice).toBeNull();
    const local = await selectBackend({ ...base, backend: 'local' }, { PATH: EMPTY_PATH }, NO_HPC);
    expect(local.backend.name).toBe('local');
    const om = await selectBackend({ ...base, backend: 'openmosix' }, { PATH: EMPTY_PATH }, NO_HPC);
    expect(om.backend.name).toBe('openmosix');
  });

  it('applies --readonly to whichever backend it picks, and says so for the dashboard', async () => {
    const selected = await selectBackend({ ...base, backend: 'demo', readonly: true }, {}, NO_HPC);
    expect(selected.readonly).toBe(true);
    expect((await selectBackend({ ...base, backend: 'demo' }, {}, NO_HPC)).readonly).toBe(false);
    const result = await selected.backend.perform({ type: 'bring' });
    expect(result).toMatchObject({ ok: false, message: 'read-only mode: bring refused (started with --readonly)' });
  });
});

describe('onPath', () => {
  it('finds an executable file on PATH without running it', () => {
    expect(onPath('mosctl', [EMPTY_PATH, FAKE_BIN].join(delimiter))).toBe(true);
    expect(onPath('mosctl', EMPTY_PATH)).toBe(false);
    expect(onPath('lib', FAKE_BIN)).toBe(false);
    expect(onPath('mosctl', undefined)).toBe(false);
  });

  it('picks slurm when there is no openMosix and a Slurm controller answers scontrol ping', async () => {
    const selected = await selectBackend({ ...base, timeoutMs: 20_000 }, { PATH: [FAKE_SLURM_BIN, NODE_DIR].join(delimiter) }, NO_HPC);
    expect(selected.backend.name).toBe('slurm');
    expect(selected.notice).toBeNull();
  });

  it('falls back to the demo when the Slurm client is there but no controller answers', async () => {
    for (const scenario of ['no-config', 'controller-down']) {
      const env = { PATH: [FAKE_SLURM_BIN, NODE_DIR].join(delimiter), OMTOP_FAKE_SLURM: scenario };
      const selected = await selectBackend({ ...base, timeoutMs: 20_000 }, env, NO_HPC);
      expect(selected.backend.name).toBe('demo');
    }
  });

  it('openMosix wins over Slurm when both are there', async () => {
    const selected = await selectBackend(base, { PATH: [FAKE_BIN, FAKE_SLURM_BIN, NODE_DIR].join(delimiter) }, NO_HPC);
    expect(selected.backend.name).toBe('openmosix');
  });
});
