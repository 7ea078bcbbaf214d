import { describe, expect, it } from 'vitest';
import { createEmulatedCluster } from '../../src/emulator/cluster.js';
import type { EmulatedCluster } from '../../src/emulator/types.js';
import { stdoutOf } from './emulatorHelpers.js';

async function screens(cluster: EmulatedCluster): Promise<string> {
  return (await stdoutOf(cluster, 'mps', 'auxww')) + (await stdoutOf(cluster, 'mtop')) + JSON.stringify(cluster.events());
}

describe('createEmulatedCluster', () => {
  it('replays the same history for the same seed, however the time is split', async () => {
    const once = createEmulatedCluster({ seed: 42 });
    once.advance(600_000);
    const stepped = createEmulatedCluster({ seed: 42 });
    for (let i = 0; i < 600; i += 1) stepped.advance(1000);
    const ragged = createEmulatedCluster({ seed: 42 });
    for (const ms of [1, 99, 250, 349_650, 250_000]) ragged.advance(ms);
    const expected = await screens(once);
    expect(await screens(stepped)).toBe(expected);
    expect(await screens(ragged)).toBe(expected);
  });

  it('tells seeds apart', async () => {
    const a = createEmulatedCluster({ seed: 1 });
    const b = createEmulatedCluster({ seed: 2 });
    a.advance(1_800_000);
    b.advance(1_800_000);
    expect(await screens(a)).not.toBe(await screens(b));
  });

  it('moves only when advanced: no clock of its own', async () => {
    const cluster = createEmulatedCluster();
    const before = await screens(cluster);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await screens(cluster)).toBe(before);
    expect(cluster.inspect().nowMs).toBe(0);
  });

  it('starts with the tutorial nodes, speeds and idle memory', async () => {
    const cluster = createEmulatedCluster({ withRender: false });
    expect(cluster.localNode).toBe(261);
    expect(cluster.inspect().nodes.map((node) => [node.id, node.ip])).toEqual([
      [261, '10.0.1.5'],
      [407, '10.0.1.151'],
      [266, '10.0.1.10'],
      [258, '10.0.1.2'],
    ]);
    expect(await stdoutOf(cluster, 'mosctl', 'getspeed', '266')).toBe('speed=26842.\n');
    expect(await stdoutOf(cluster, 'mosctl', 'getspeed', '261')).toBe('speed=8240.\n');
    // Without the render, the idle nodes report the tutorial's getmem lines exactly.
    expect(await stdoutOf(cluster, 'mosctl', 'getmem', '266')).toBe('free memory = 217960448 of 234815488\n');
    expect(await stdoutOf(cluster, 'mosctl', 'getmem', '261')).toBe('free memory = 247595008 of 268423168\n');
  });

  it('uses memory for running blenders, and a growing render uses a little more', async () => {
    const cluster = createEmulatedCluster({ failures: false, guestArrivals: false });
    const free266 = async (): Promise<number> => Number(/= (\d+) of/.exec(await stdoutOf(cluster, 'mosctl', 'getmem', '266'))?.[1]);
    const initial = await free266();
    expect(initial).toBeLessThan(217960448 - 2 * 30 * 1024 * 1024);
    cluster.advance(120_000);
    expect(await free266()).toBeLessThan(initial);
    expect((await free266()) % 4096).toBe(0);
  });

  it('rejects a negative or non-finite advance', () => {
    const cluster = createEmulatedCluster();
    expect(() => cluster.advance(-1)).toThrow(RangeError);
    expect(() => cluster.advance(Number.NaN)).toThrow(RangeError);
  });
});
