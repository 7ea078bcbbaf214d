// --once on a big map: it collects again until no node is pending, or prints what its deadline
// allowed with the rest marked pending (exit 0: the nodes it read are a valid answer).
import { PassThrough } from 'node:stream';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { createOpenMosixBackend } from '../../src/backends/openmosix/openmosixBackend.js';
import { printOnce } from '../../src/commands/once.js';
import { ClusterSnapshotSchema, type ClusterSnapshot } from '../../src/model/snapshot.js';
import type { CommandRunner } from '../../src/runner/runner.js';
import { createSyntheticCluster } from '../../bench/gen/syntheticCluster.js';
import { createScaledClusterRunner } from '../../bench/scaledClusterRunner.js';

function capture() {
  const out = new PassThrough();
  let stdout = '';
  out.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  const io = { stdout: out, stderr: new PassThrough(), stdin: new PassThrough(), env: {}, cwd: tmpdir() };
  return { io, stdout: () => stdout };
}

/** Every command answers after `ms`, as a fork would. */
function slowed(inner: CommandRunner, ms: number): CommandRunner {
  return { run: async (argv, options) => { await new Promise((resolve) => setTimeout(resolve, ms)); return inner.run(argv, options); } };
}

describe('omtop --once on a big map', () => {
  it('collects until every node of 600 is read, however many ticks that takes: none pending', async () => {
    const runner = createScaledClusterRunner(createSyntheticCluster(600, 20));
    const backend = createOpenMosixBackend({ runner, hpcRoot: null });
    const { io, stdout } = capture();
    expect(await printOnce(backend, { json: true }, io, 10_000)).toBe(0);
    const snapshot = ClusterSnapshotSchema.parse(JSON.parse(stdout())) as ClusterSnapshot;
    expect(snapshot.nodes).toHaveLength(600);
    expect(snapshot.nodes.filter((node) => node.pending === true)).toEqual([]);
    expect(snapshot.nodes.every((node) => node.up && node.load !== null && node.memTotalBytes !== null)).toBe(true);
  });

  it('prints the nodes read by its deadline and the rest as pending, exit 0', async () => {
    // 5,000 nodes at 20 ms a command: a collect takes at least two command times, so 4 s reads 2,000 nodes at most.
    const runner = slowed(createScaledClusterRunner(createSyntheticCluster(5000, 20)), 20);
    const backend = createOpenMosixBackend({ runner, hpcRoot: null });
    const { io, stdout } = capture();
    expect(await printOnce(backend, { json: false }, io, 4000)).toBe(0);
    const rows = stdout().split('\n');
    const pending = rows.filter((line) => /^\d+\s+\S+\s+pending\s+-/.test(line)).length;
    const up = rows.filter((line) => /^\d+\*?\s+\S+\s+up\s+\d/.test(line)).length;
    expect(up).toBeGreaterThan(0);
    expect(pending).toBeGreaterThan(0);
    expect(up + pending).toBe(5000);
    expect(stdout()).toContain(`${pending} of 5000 nodes pending: not read before the --once deadline`);
  }, 60_000);
});
