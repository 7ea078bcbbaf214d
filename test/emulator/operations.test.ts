import { describe, expect, it } from 'vitest';
import { LOCAL, adoptBlenders, guestsOnLocal, placement, processesOfKind, quietCluster, stdoutOf } from './emulatorHelpers.js';

const PARTS = [5001, 5002, 5003, 5004];

describe('mosctl expel', () => {
  it('sends every guest on the local node home and keeps it away for the manual hold', async () => {
    const cluster = quietCluster();
    const guests = guestsOnLocal(cluster);
    expect(guests.length).toBeGreaterThan(0);
    expect(await stdoutOf(cluster, 'mosctl', 'expel')).toBe('All remote processes were expelled and no further remote processes accepted.\n');
    expect(guestsOnLocal(cluster)).toEqual([]);
    const homes = cluster.inspect().processes.filter((process) => guests.some((guest) => guest.pid === process.pid));
    expect(homes.every((process) => process.node === process.home)).toBe(true);
    // As on the real cluster, expel also sets block: no guest comes back until noblock.
    expect(await stdoutOf(cluster, 'mosctl', 'status', String(LOCAL))).toBe('up,block.\n');
    cluster.advance(25_000);
    expect(guestsOnLocal(cluster)).toEqual([]);
  });
});

describe('mosctl bring', () => {
  it('brings every migrated local process home; mps shows them at node 0 with full command lines', async () => {
    const cluster = quietCluster();
    expect(processesOfKind(cluster, 'render-part').some((part) => part.node !== LOCAL)).toBe(true);
    await stdoutOf(cluster, 'mosctl', 'bring');
    expect(cluster.inspect().processes.filter((process) => process.home === LOCAL && process.node !== LOCAL)).toEqual([]);
    const blenderLines = (await stdoutOf(cluster, 'mps', 'ax')).split('\n').filter((line) => line.includes('blender -b'));
    expect(blenderLines).toHaveLength(4);
    expect(blenderLines.every((line) => / 0 [RS] /.test(line))).toBe(true);
    // As on the real cluster, bring also sets lstay: they stay home until nolstay.
    expect(await stdoutOf(cluster, 'mosctl', 'status', String(LOCAL))).toBe('up,lstay.\n');
    cluster.advance(60_000);
    expect(processesOfKind(cluster, 'render-part').every((part) => part.node === LOCAL)).toBe(true);
    await stdoutOf(cluster, 'mosctl', 'nolstay');
    cluster.advance(60_000);
    expect(processesOfKind(cluster, 'render-part').some((part) => part.node !== LOCAL)).toBe(true);
  });
});

describe('node flags', () => {
  it('lstay keeps local processes at home', async () => {
    const cluster = quietCluster({ withRender: false });
    await stdoutOf(cluster, 'mosctl', 'lstay');
    adoptBlenders(cluster, PARTS);
    cluster.advance(60_000);
    expect(placement(cluster, PARTS)).toEqual({ [LOCAL]: 4 });
    await stdoutOf(cluster, 'mosctl', 'nolstay');
    cluster.advance(60_000);
    expect(placement(cluster, PARTS)[LOCAL] ?? 0).toBeLessThan(4);
  });

  it('stay keeps every process on the node, guests included', async () => {
    const cluster = quietCluster({ withRender: false });
    await stdoutOf(cluster, 'mosctl', 'stay');
    const guests = guestsOnLocal(cluster).map((guest) => guest.pid);
    adoptBlenders(cluster, PARTS);
    cluster.advance(60_000);
    expect(placement(cluster, PARTS)).toEqual({ [LOCAL]: 4 });
    expect(guestsOnLocal(cluster).map((guest) => guest.pid)).toEqual(guests);
  });

  it('block lets no guest arrive, where the same history without it brings some', async () => {
    const arrivals = async (block: boolean): Promise<number> => {
      const cluster = quietCluster({ guestArrivals: true, seed: 7 });
      await stdoutOf(cluster, 'mosctl', 'expel'); // sends the guests home and sets block
      if (!block) await stdoutOf(cluster, 'mosctl', 'noblock');
      const seen = new Set<number>();
      for (let second = 0; second < 1800; second += 1) {
        cluster.advance(1000);
        for (const guest of guestsOnLocal(cluster)) seen.add(guest.pid);
      }
      return seen.size;
    };
    expect(await arrivals(false)).toBeGreaterThan(0);
    expect(await arrivals(true)).toBe(0);
  });

  it('quiet stops automatic migrations to the node', async () => {
    const arrivalsOnLocal = async (quiet: boolean): Promise<number> => {
      const cluster = quietCluster({ guestArrivals: true, seed: 7 });
      if (quiet) await stdoutOf(cluster, 'mosctl', 'quiet');
      cluster.advance(1_800_000);
      return cluster.events().filter((event) => event.kind === 'migrated' && event.detail.endsWith(`-> ${LOCAL} (balancer)`)).length;
    };
    expect(await arrivalsOnLocal(false)).toBeGreaterThan(0);
    expect(await arrivalsOnLocal(true)).toBe(0);
  });

  it('mosctl status shows the flags, and a repeated toggle says it is already set', async () => {
    const cluster = quietCluster();
    await stdoutOf(cluster, 'mosctl', 'block');
    expect(await stdoutOf(cluster, 'mosctl', 'status', '261')).toBe('up,block.\n');
    expect(await stdoutOf(cluster, 'mosctl', 'nostay')).toBe('automatic load-balancing already enabled.\n');
    expect(await stdoutOf(cluster, 'mosctl', 'stay')).toBe('Automatic load-balancing disabled: no processes will leave This node\n(except by an explicit request)\n');
    expect(await stdoutOf(cluster, 'mosctl', 'stay')).toBe('Automatic load-balancing already disabled.\n');
    expect(await stdoutOf(cluster, 'mosctl', 'status', '261')).toBe('up,stay,block.\n');
  });
});

describe('adopted processes', () => {
  it('appear at home with a full CPU of demand, get placed, and leave on release', async () => {
    const cluster = quietCluster({ withRender: false });
    cluster.adoptProcess({ pid: 5001, command: '/usr/bin/blender -b scene.blend -s 1 -e 10 -a' });
    expect(await stdoutOf(cluster, 'mps', 'ax')).toContain(' 5001  ?     0 ');
    cluster.advance(5_000);
    const line = (await stdoutOf(cluster, 'mps', 'ax')).split('\n').find((text) => text.startsWith(' 5001 '));
    expect(line).toMatch(/^ 5001 {2}\? {3}(266|407) S {4}0:0\d \(blender\)$/);
    cluster.releaseProcess(5001);
    expect(await stdoutOf(cluster, 'mps', 'ax')).not.toContain(' 5001 ');
    expect(cluster.events().map((event) => event.kind)).toEqual(expect.arrayContaining(['adopted', 'migrated', 'released']));
  });
});
