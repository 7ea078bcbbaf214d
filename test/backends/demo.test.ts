import { describe, expect, it } from 'vitest';
import { createDemoBackend } from '../../src/backends/demo.js';
import { ClusterSnapshotSchema } from '../../src/model/snapshot.js';

const quiet = { failures: false, guestArrivals: false } as const;

describe('createDemoBackend', () => {
  it('shows the tutorial’s four nodes with their speeds and the blender render', async () => {
    const backend = createDemoBackend({ seed: 7, realtime: false, emulator: quiet });
    const snap = await backend.collect();
    expect(ClusterSnapshotSchema.safeParse(snap).success).toBe(true);
    expect(snap.backend).toBe('demo');
    expect(snap.errors).toEqual([]);
    expect(snap.localNode).toBe(261);
    expect(snap.nodes.map((n) => [n.id, n.ip])).toEqual([[261, '10.0.1.5'], [407, '10.0.1.151'], [266, '10.0.1.10'], [258, '10.0.1.2']]);
    expect(snap.nodes.find((n) => n.id === 261)?.speed).toBe(8240);
    expect(snap.nodes.find((n) => n.id === 266)?.speed).toBe(26842);
    expect(snap.nodes.every((n) => n.up && !n.stale && n.load !== null && n.memTotalBytes !== null)).toBe(true);
    const blender = snap.processes.filter((p) => p.isBlender);
    expect(blender.length).toBe(4);
    expect(blender.some((p) => p.migrated)).toBe(true);
    expect(blender.every((p) => p.home === 261 && p.user === 'root')).toBe(true);
  });

  it('moves on between collects: CPU time grows', async () => {
    const backend = createDemoBackend({ seed: 7, realtime: false, stepMs: 5000, emulator: quiet });
    const before = await backend.collect();
    const after = await backend.collect();
    const time = (snap: typeof before) => snap.processes.filter((p) => p.isBlender).reduce((sum, p) => sum + p.timeSeconds, 0);
    expect(time(after)).toBeGreaterThan(time(before));
    expect(after.takenAt - before.takenAt).toBe(5000);
  });

  it('in realtime mode advances by the wall time that passed', async () => {
    let wall = 1_000_000;
    const backend = createDemoBackend({ seed: 7, emulator: quiet, wallClock: () => wall });
    const first = await backend.collect();
    wall += 3000;
    const second = await backend.collect();
    expect(second.takenAt - first.takenAt).toBe(3000);
  });

  it('honours migrate, bring and expel in the next snapshot', async () => {
    const backend = createDemoBackend({ seed: 7, realtime: false, stepMs: 100, emulator: quiet });
    const start = await backend.collect();
    const away = start.processes.find((p) => p.isBlender && p.migrated);
    expect(away).toBeDefined();
    const pid = away?.pid ?? 0;

    expect(await backend.perform({ type: 'migrate', pid, to: 'home' })).toMatchObject({ ok: true, argv: ['migrate', String(pid), 'home'] });
    const home = await backend.collect();
    expect(home.processes.find((p) => p.pid === pid)).toMatchObject({ node: 261, migrated: false });

    expect((await backend.perform({ type: 'migrate', pid, to: 266 })).ok).toBe(true);
    const moved = await backend.collect();
    expect(moved.processes.find((p) => p.pid === pid)).toMatchObject({ node: 266, migrated: true });

    expect((await backend.perform({ type: 'bring' })).ok).toBe(true);
    const brought = await backend.collect();
    expect(brought.processes.filter((p) => p.migrated)).toEqual([]);

    expect((await backend.perform({ type: 'setFlag', flag: 'block', on: true })).ok).toBe(true);
    const blocked = await backend.collect();
    expect(blocked.nodes.find((n) => n.isLocal)?.flags.block).toBe(true);

    // Like the real migrate, the emulated one says nothing for a process that does not exist.
    expect(await backend.perform({ type: 'migrate', pid: 99999, to: 266 })).toMatchObject({
      ok: true, message: 'migrate 99999 266: sent (migrate does not report; the NODE column shows where it runs)',
    });
  });

  it('expel sends the guests (processes of other nodes) away from the local node', async () => {
    const backend = createDemoBackend({ seed: 7, realtime: false, stepMs: 100 });
    await backend.collect();
    const guestsHere = () => backend.emulator.inspect().processes.filter((p) => p.node === 261 && p.home !== 261);
    expect(guestsHere().length).toBeGreaterThan(0);
    expect((await backend.perform({ type: 'expel' })).message).toBe('expel: All remote processes were expelled and no further remote processes accepted.');
    expect(guestsHere()).toEqual([]);
  });
});
