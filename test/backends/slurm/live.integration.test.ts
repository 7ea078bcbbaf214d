// The Slurm backend against the real cluster of scripts/slurm/cluster.sh (skipped with the reason
// where it is not up; a failure where OMTOP_REQUIRE_SLURM=1).
import { describe, expect, it } from 'vitest';
import { selectBackend } from '../../../src/backends/select.js';
import { createSlurmBackend } from '../../../src/backends/slurm/slurmBackend.js';
import { createExecaRunner } from '../../../src/runner/execaRunner.js';
import { eventually, SKIP_WITHOUT_SLURM, slurm, SLURM_SKIP_REASON, slurmRequirementTest, SLURM_LOCK_WAIT_MS, withSlurmLock } from '../../helpers/liveSlurm.js';

slurmRequirementTest();

describe.skipIf(SKIP_WITHOUT_SLURM)(`slurm backend on the real cluster${SKIP_WITHOUT_SLURM ? ` (skipped: ${SLURM_SKIP_REASON})` : ''}`, () => {
  const backend = () => createSlurmBackend({ runner: createExecaRunner({ timeoutMs: 10_000 }) });

  it('is chosen on its own when openMosix is absent, and lists the 4 nodes', async () => {
    const selected = await selectBackend({ readonly: false, timeoutMs: 10_000 }, { PATH: process.env.PATH }, { hpcRoot: '/nonexistent-hpc' });
    expect(selected.backend.name).toBe('slurm');
    const snapshot = await selected.backend.collect();
    expect(snapshot.errors).toEqual([]);
    expect(snapshot.nodes.map((n) => n.scheduler?.name)).toEqual(['n1', 'n2', 'n3', 'n4']);
    expect(snapshot.nodes.every((n) => n.cpus !== null && n.memTotalBytes !== null)).toBe(true);
  }, 30_000);

  it('a drained node shows drained with its reason; resume brings it back (both through the backend)', async () => {
    await withSlurmLock(async () => {
      const b = backend();
      try {
        expect(await b.perform({ type: 'drain', node: 'n3', reason: 'omtop live test' })).toMatchObject({ ok: true });
        const drained = (await b.collect()).nodes.find((n) => n.scheduler?.name === 'n3');
        expect(drained?.scheduler).toMatchObject({ state: 'drained', reason: 'omtop live test' });
      } finally {
        expect(await b.perform({ type: 'resume', node: 'n3' })).toMatchObject({ ok: true });
      }
      const resumed = (await b.collect()).nodes.find((n) => n.scheduler?.name === 'n3');
      expect(resumed?.scheduler?.state).toBe('idle');
    });
  }, SLURM_LOCK_WAIT_MS + 60_000);

  it('a held job is listed pending with its reason; release, then scancel empties the queue of it', async () => {
    const b = backend();
    const id = slurm(['sbatch', '--parsable', '--hold', '-J', 'omtop-live-held', '-o', '/dev/null', '--wrap', 'sleep 30']).trim();
    try {
      const held = (await b.collect()).jobs?.find((j) => j.id === id);
      expect(held).toMatchObject({ state: 'PENDING', reason: 'JobHeldUser', name: 'omtop-live-held' });
      expect(await b.perform({ type: 'release', job: id })).toMatchObject({ ok: true });
      expect(await b.perform({ type: 'cancel', job: id })).toMatchObject({ ok: true, message: `scancel ${id}: ok` });
      expect(await eventually(() => slurm(['squeue', '-h', '-j', id, '-o', '%T']).trim() === '')).toBe(true);
      // squeue --json still lists it (CANCELLED) for 5 minutes; omtop does not.
      expect((await b.collect()).jobs?.some((j) => j.id === id)).toBe(false);
    } finally {
      slurm(['scancel', id]);
    }
  }, 60_000);
});
