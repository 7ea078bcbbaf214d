// The Slurm backend against fake sinfo/squeue/scontrol/scancel replaying the real 22.05.8 captures.
import { describe, expect, it } from 'vitest';
import { ClusterSnapshotSchema } from '../../../src/model/snapshot.js';
import { createSlurmBackend } from '../../../src/backends/slurm/slurmBackend.js';
import { fakeSlurm } from '../../helpers/fakeSlurm.js';

const NOW = 1795949920_000; // a few seconds after the cluster capture was taken

describe('slurm backend', () => {
  it('lists the four nodes with their scheduler state, reason, CPUs, memory and partitions', async () => {
    const fake = fakeSlurm();
    const snapshot = await createSlurmBackend({ runner: fake.runner, now: () => NOW }).collect();
    expect(ClusterSnapshotSchema.safeParse(snapshot).success).toBe(true);
    expect(snapshot.backend).toBe('slurm');
    expect(snapshot.errors).toEqual([]);
    const rows = snapshot.nodes.map((n) => [n.id, n.scheduler?.name, n.scheduler?.state, n.up, n.scheduler?.reason, n.cpus, n.util]);
    expect(rows).toEqual([
      [1, 'n1', 'allocated', true, null, 2, 100],
      [2, 'n2', 'draining', true, 'omtop test draining, busy', 2, 100],
      [3, 'n3', 'drained', true, 'omtop test drain', 2, 0],
      [4, 'n4', 'down', false, 'omtop test down', 2, 0],
    ]);
    expect(snapshot.nodes[2]?.scheduler?.partitions).toEqual(['debug', 'render']);
    expect(snapshot.nodes[0]?.memTotalBytes).toBe(1000 * 1024 * 1024);
    expect(fake.calls()).toEqual(expect.arrayContaining([['sinfo', '-N', '--json'], ['squeue', '--json']]));
  });

  it('lists unfinished jobs only: array tasks as 5_1, pending tasks as one 5_[4-6], node ids resolved', async () => {
    const snapshot = await createSlurmBackend({ runner: fakeSlurm().runner, now: () => NOW }).collect();
    const jobs = snapshot.jobs ?? [];
    expect(jobs.map((j) => j.id)).toEqual(['4', '5_1', '5_2', '5_3', '5_[4-6]', '9', '10']);
    expect(jobs.every((j) => j.state !== 'COMPLETED' && j.state !== 'FAILED' && j.state !== 'CANCELLED')).toBe(true);
    expect(jobs.find((j) => j.id === '5_2')).toMatchObject({ state: 'RUNNING', nodes: ['n2'], nodeIds: [2], cpus: 1, isRender: false });
    expect(jobs.find((j) => j.id === '9')).toMatchObject({ state: 'PENDING', reason: 'JobHeldUser', nodes: [], elapsedSeconds: null });
    const long = jobs.find((j) => j.id === '4');
    expect(long?.elapsedSeconds).toBe(1795949920 - 1795949911);
    expect(snapshot.processes).toEqual([]);
  });

  it('falls back to the text formats when the client has no --json, and stays there', async () => {
    const fake = fakeSlurm({ OMTOP_FAKE_NOJSON: '1' });
    const backend = createSlurmBackend({ runner: fake.runner, now: () => NOW });
    const first = await backend.collect();
    expect(first.errors).toEqual([]);
    expect(first.nodes.map((n) => `${n.scheduler?.name}:${n.scheduler?.state}`)).toEqual(['n1:allocated', 'n2:draining', 'n3:drained', 'n4:down']);
    expect(first.jobs?.map((j) => j.id)).toEqual(['5_[4-6]', '9', '4', '5_1', '5_2', '5_3', '10']);
    await backend.collect();
    const jsonCalls = fake.calls().filter((argv) => argv.includes('--json'));
    expect(jsonCalls).toHaveLength(2); // only on the first tick
  });

  it('no configuration: one plain line, no nodes', async () => {
    const snapshot = await createSlurmBackend({ runner: fakeSlurm({ OMTOP_FAKE_SLURM: 'no-config' }).runner }).collect();
    expect(snapshot.nodes).toEqual([]);
    expect(snapshot.errors).toEqual([{ source: 'scontrol ping', message: expect.stringMatching(/^no Slurm here: Slurm is not configured here \(scontrol: fatal: Could not establish a configuration source\)$/) }]);
  });

  it('controller down: sinfo --json exits 0 with an error entry; scontrol ping names the host', async () => {
    const snapshot = await createSlurmBackend({ runner: fakeSlurm({ OMTOP_FAKE_SLURM: 'controller-down' }).runner }).collect();
    expect(snapshot.errors).toEqual([{ source: 'scontrol ping', message: 'no Slurm here: the Slurm controller does not answer (Slurmctld(primary) at vm is DOWN)' }]);
  });

  it('no Slurm client installed: says which package', async () => {
    const fake = fakeSlurm({ PATH: '/nonexistent-omtop-path' });
    const snapshot = await createSlurmBackend({ runner: fake.runner }).collect();
    expect(snapshot.errors[0]?.message).toBe('no Slurm here: scontrol is not installed (Debian: apt-get install slurm-client)');
  });

  it('a hung sinfo keeps the last nodes, marked stale, and the jobs still update', async () => {
    const ok = fakeSlurm({}, 20_000);
    const backend = createSlurmBackend({ runner: ok.runner, now: () => NOW });
    await backend.collect();
    const hung = fakeSlurm({ OMTOP_FAKE_HANG: 'sinfo' }, 1500);
    const again = createSlurmBackend({ runner: hung.runner, now: () => NOW });
    const first = await again.collect();
    expect(first.nodes).toEqual([]);
    expect(first.jobs?.length).toBe(7);
    expect(first.errors.map((e) => e.source)).toEqual(['sinfo -N --json']);
    expect(first.errors[0]?.message).toMatch(/timed out/);
  }, 30_000);
});

describe('slurm backend actions', () => {
  it('runs the Slurm command through the runner and reports ok', async () => {
    const fake = fakeSlurm();
    const backend = createSlurmBackend({ runner: fake.runner });
    const result = await backend.perform({ type: 'drain', node: 'n2', reason: 'omtop says so' });
    expect(result).toMatchObject({ ok: true, message: 'drain n2: ok' });
    expect(fake.calls()).toEqual([['scontrol', 'update', 'nodename=n2', 'state=drain', 'reason=omtop says so']]);
  });

  it("passes the tool's own refusal on", async () => {
    const result = await createSlurmBackend({ runner: fakeSlurm().runner }).perform({ type: 'resume', node: 'n9' });
    expect(result).toMatchObject({ ok: false, message: 'resume n9: slurm_update error: Invalid node name specified' });
  });

  it('an openMosix command has no Slurm meaning and runs nothing', async () => {
    const fake = fakeSlurm();
    const result = await createSlurmBackend({ runner: fake.runner }).perform({ type: 'expel' });
    expect(result).toEqual({ command: { type: 'expel' }, ok: false, message: 'expel needs openMosix (mosctl); the slurm backend cannot run it' });
    expect(fake.calls()).toEqual([]);
  });
});
