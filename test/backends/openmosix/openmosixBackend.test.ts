import { beforeAll, describe, expect, it } from 'vitest';
import type { ClusterSnapshot } from '../../../src/model/snapshot.js';
import { createOpenMosixBackend } from '../../../src/backends/openmosix/openmosixBackend.js';
import { ClusterSnapshotSchema } from '../../../src/model/snapshot.js';
import { createExecaRunner } from '../../../src/runner/execaRunner.js';
import type { CommandRunner } from '../../../src/runner/runner.js';
import { fakeToolsEnv, type FakeEnv } from '../../helpers/fakeTools.js';

// The fakes are node scripts; on a busy machine one can take a second to start, so the tests
// give every command a generous timeout and only the command meant to hang a short one.
const GENEROUS_MS = 15_000;

function backendWith(fake: FakeEnv) {
  return createOpenMosixBackend({ hpcRoot: null, runner: createExecaRunner({ env: fake.env, timeoutMs: GENEROUS_MS }), now: () => 1000 });
}

/** A runner the test can point at differently-behaving fake tools between collects. */
function switchableRunner(first: FakeEnv) {
  let current: CommandRunner = createExecaRunner({ env: first.env, timeoutMs: GENEROUS_MS });
  let short: { argv: string; ms: number } | null = null;
  return {
    runner: {
      run: (argv, options) => current.run(argv, { ...options, timeoutMs: argv.join(' ') === short?.argv ? short.ms : GENEROUS_MS }),
    } satisfies CommandRunner,
    /** Switches to `fake`; `hangs` gets a short timeout (it is the command meant to hang). */
    use(fake: FakeEnv, hangs: { argv: string; ms: number } | null = null): void {
      current = createExecaRunner({ env: fake.env, timeoutMs: GENEROUS_MS });
      short = hangs;
    },
  };
}

describe('createOpenMosixBackend over the fake tools (tutorial cluster)', () => {
  let snap: ClusterSnapshot;
  beforeAll(async () => {
    snap = await backendWith(fakeToolsEnv()).collect();
  }, 60_000);

  it('builds the tutorial snapshot: four nodes, their values, processes with migrated ones', () => {
    expect(ClusterSnapshotSchema.safeParse(snap).success).toBe(true);
    expect(snap.errors).toEqual([]);
    expect(snap.backend).toBe('openmosix');
    expect(snap.localNode).toBe(261);
    expect(snap.nodes.map((n) => [n.id, n.ip, n.load, n.speed, n.util, n.stale, n.isLocal])).toEqual([
      [261, '10.0.1.5', 6, 8240, 100, false, true],
      [407, '10.0.1.151', 3, 15000, 100, false, false],
      [266, '10.0.1.10', 75, 26842, 97, false, false],
      [258, '10.0.1.2', 125, 17500, 99, false, false],
    ]);
    expect(snap.nodes.find((n) => n.id === 266)).toMatchObject({ memFreeBytes: 217960448, memTotalBytes: 234815488, up: true, cpus: 1 });
    for (const node of snap.nodes) expect(node.flags).toEqual({ stay: false, lstay: false, block: false, quiet: false });
    const blender = snap.processes.filter((p) => p.isBlender);
    expect(blender.map((p) => [p.pid, p.node, p.migrated])).toEqual([[1166, 266, true], [1169, 266, true], [1172, 258, true], [1175, 258, true]]);
    expect(snap.processes.find((p) => p.pid === 1169)).toMatchObject({ user: 'root', cpu: 85.5, home: 261 });
    expect(snap.processes.find((p) => p.pid === 1159)).toMatchObject({ node: 261, migrated: false, command: '/bin/sh render blacksmith-jpeg.blend 1 235 4' });
    expect(Object.isFrozen(snap.nodes[0])).toBe(true);
  });

  it('marks a node whose getload hangs stale, keeping its last values, and goes on', async () => {
    const good = fakeToolsEnv();
    const hanging = fakeToolsEnv({ OMTOP_FAKE_HANG: 'mosctl:getload:266' });
    const switchable = switchableRunner(good);
    const backend = createOpenMosixBackend({ hpcRoot: null, runner: switchable.runner });
    await backend.collect();
    switchable.use(hanging, { argv: 'mosctl getload 266', ms: 1000 });
    const snap = await backend.collect();
    const node = snap.nodes.find((n) => n.id === 266);
    expect(node).toMatchObject({ stale: true, up: true, load: 75, speed: 26842, error: 'mosctl getload 266: timed out after 1 s' });
    expect(snap.errors).toEqual([{ source: 'mosctl getload 266', message: 'timed out after 1 s' }]);
    expect(snap.nodes.filter((n) => n.stale).map((n) => n.id)).toEqual([266]);
    expect(snap.processes.length).toBeGreaterThan(0);
    switchable.use(good);
    const healed = await backend.collect();
    expect(healed.nodes.find((n) => n.id === 266)).toMatchObject({ stale: false, load: 75 });
    expect(healed.nodes.find((n) => n.id === 266)?.error).toBeUndefined();
  }, 60_000);

  it('tells garbage and unknown exits (stale) from a node that mosctl says is down (on stderr, exit 0)', async () => {
    const fake = fakeToolsEnv({
      OMTOP_FAKE_GARBAGE: 'mosctl:getload:407',
      OMTOP_FAKE_STDERR: 'mosctl:getload:258=Error: Network is unreachable',
      OMTOP_FAKE_FAIL: 'mosctl:getload:266=mosctl: cannot read load',
    });
    const snap = await backendWith(fake).collect();
    const byId = (id: number) => snap.nodes.find((n) => n.id === id);
    expect(byId(407)).toMatchObject({ stale: true, up: true, load: null });
    expect(byId(407)?.error).toMatch(/^mosctl getload 407: unexpected output: line 1: /);
    // A non-zero exit in unknown words: isup says the node is up, so the reading is what failed.
    expect(byId(266)).toMatchObject({ up: true, stale: true, error: 'mosctl getload 266: mosctl: cannot read load' });
    expect(fake.calls()).toContainEqual(['mosctl', 'isup', '266']);
    // Down is a state of the node, not a failure of omtop's reading.
    expect(byId(258)).toMatchObject({ up: false, stale: false, load: null, error: 'node 258 is down (unreachable)' });
    expect(byId(261)).toMatchObject({ stale: false, load: 6 });
    expect(snap.errors.map((e) => e.source).sort()).toEqual(['mosctl getload 266', 'mosctl getload 407']);
  }, 60_000);

  it('with no openMosix tools at all, reports every source and still returns a snapshot', async () => {
    const snap = await backendWith(fakeToolsEnv({}, false)).collect();
    expect(ClusterSnapshotSchema.safeParse(snap).success).toBe(true);
    expect(snap.nodes).toEqual([]);
    expect(snap.processes).toEqual([]);
    expect(snap.errors).toEqual([
      { source: 'setpe -r', message: 'setpe: command not found' },
      { source: 'mosctl whois', message: 'mosctl: command not found' },
      { source: 'mps auxww', message: 'mps: command not found' },
    ]);
  });
});

const CAPTURED = new URL('../../../fixtures/cluster/captured', import.meta.url).pathname;
const LIVE = new URL('../../../fixtures/cluster/live', import.meta.url).pathname;

describe('createOpenMosixBackend over fake tools replaying the real captures', () => {
  it('the captured tutorial state: 407 down in plain words, 266 and 258 read, memory in bytes, every process with its node', async () => {
    const snap = await backendWith(fakeToolsEnv({ OMTOP_FAKE_DIR: CAPTURED })).collect();
    expect(ClusterSnapshotSchema.safeParse(snap).success).toBe(true);
    expect(snap.errors).toEqual([]);
    const byId = (id: number) => snap.nodes.find((n) => n.id === id);
    expect(byId(407)).toMatchObject({ up: false, stale: false, load: null, error: 'node 407 is down (unreachable)' });
    expect(byId(266)).toMatchObject({
      up: true, load: 153, speed: 26842, util: 87, cpus: 1, memFreeBytes: 217960448, memTotalBytes: 234815488,
      flags: { stay: false, lstay: false, block: false, quiet: false },
    });
    // 258 has two CPUs: 150% of 200% is three quarters of the node.
    expect(byId(258)).toMatchObject({ up: true, util: 75, cpus: 2, flags: { stay: true, lstay: true, block: true, quiet: true } });
    expect(snap.processes.map((p) => [p.pid, p.node, p.migrated])).toEqual([
      [1175, 261, false], [1181, 2780, true], [1, 261, false], [1100, 261, false], [1146, 261, false], [1159, 261, false],
      [1166, 266, true], [1172, 258, true],
    ]);
    expect(snap.processes.find((p) => p.pid === 1175)).toMatchObject({ user: '#1000', cpu: 17.3, mem: 10, timeSeconds: 13653 });
  }, 60_000);

  it('the live 2-node cluster: migrated busy loops on node 2, node 1 local', async () => {
    const snap = await backendWith(fakeToolsEnv({ OMTOP_FAKE_DIR: LIVE })).collect();
    expect(snap.errors).toEqual([]);
    expect(snap.localNode).toBe(1);
    expect(snap.nodes.map((n) => [n.id, n.ip, n.up, n.load, n.memFreeBytes, n.util])).toEqual([
      [1, 'chaos-a000001', true, 30, 122654720, 100],
      // Node 2's address: setpe -r names only where the range begins; mosctl whois 2 gives it.
      [2, '10.0.0.2', true, 69, 123666432, 100],
    ]);
    expect(snap.processes.filter((p) => p.migrated).map((p) => [p.pid, p.node, p.command])).toEqual([
      [64, 2, 'sh -c while :; do :; done'], [66, 2, 'sh -c while :; do :; done'],
    ]);
    expect(snap.processes).toHaveLength(24);
  }, 60_000);
});
