import { cpSync, mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readHpcFile } from '../../../src/backends/openmosix/hpcFile.js';
import { describe, expect, it, vi } from 'vitest';
import { createOpenMosixBackend, defaultHpcRoot } from '../../../src/backends/openmosix/openmosixBackend.js';
import { inProcessFakeRunner } from '../../helpers/fakeTools.js';

// readHpcFile as it is, only watched, so the tests can count which /proc/hpc files each tick reads.
vi.mock('../../../src/backends/openmosix/hpcFile.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../src/backends/openmosix/hpcFile.js')>();
  return { ...actual, readHpcFile: vi.fn(actual.readHpcFile) };
});

const TREE = fileURLToPath(new URL('../../../fixtures/cluster/hpc-tutorial', import.meta.url));
const LIVE_TREE = fileURLToPath(new URL('../../../fixtures/cluster/hpc-live', import.meta.url));
const LIVE_ANSWERS = fileURLToPath(new URL('../../../fixtures/cluster/live', import.meta.url));

function copyOfTree(): string {
  const root = join(mkdtempSync(join(tmpdir(), 'omtop-hpc-')), 'hpc');
  cpSync(TREE, root, { recursive: true });
  return root;
}

describe('the openmosix backend on a /proc/hpc tree', () => {
  it('reads every node from the files and forks nothing for node data', async () => {
    const runner = inProcessFakeRunner();
    const backend = createOpenMosixBackend({ runner, hpcRoot: TREE, now: () => 0 });
    const snap = await backend.collect();
    expect(snap.errors).toEqual([]);
    expect(snap.localNode).toBe(261);
    expect(snap.nodes.map((n) => [n.id, n.ip, n.load, n.speed, n.cpus, n.util, n.memFreeBytes, n.memTotalBytes])).toEqual([
      [261, '10.0.1.5', 6, 8240, 1, 100, 247595008, 268423168],
      [407, '10.0.1.151', 3, 15000, 1, 100, 402653184, 531165184],
      [266, '10.0.1.10', 75, 26842, 1, 97, 217960448, 234815488],
      [258, '10.0.1.2', 125, 17500, 1, 99, 180355072, 268423168],
    ]);
    expect(snap.nodes[0]?.flags).toEqual({ stay: false, lstay: false, block: false, quiet: false });
    expect(runner.calls.filter((argv) => argv[0] === 'mosctl')).toEqual([]);
    // The node list's addresses (every 30 s) and the processes are all that run.
    expect(runner.calls.map((argv) => argv.join(' ')).sort()).toEqual(['mps auxww', 'setpe -r']);
  });

  it('shows a node reading -101, or without the up bit, as down with the reason, flags from the status bits, and a vanished node directory as stale', async () => {
    const root = copyOfTree();
    const runner = inProcessFakeRunner();
    const backend = createOpenMosixBackend({ runner, hpcRoot: root, now: () => 0 });
    await backend.collect();
    // As the real kernel shows a node that went down: -101 in its value files, status 1 (no up bit).
    writeFileSync(join(root, 'nodes', '258', 'load'), '-101\n');
    writeFileSync(join(root, 'nodes', '258', 'cpus'), '-101\n');
    writeFileSync(join(root, 'nodes', '258', 'status'), '1\n');
    writeFileSync(join(root, 'nodes', '407', 'status'), '1\n');
    writeFileSync(join(root, 'nodes', '261', 'status'), String(0x1 | 0x2 | 0x10 | 0x4) + '\n');
    for (const file of ['load', 'speed', 'mem', 'rmem', 'tmem', 'cpus', 'util', 'status']) rmSync(join(root, 'nodes', '266', file));
    const snap = await backend.collect();
    expect(snap.nodes.find((n) => n.id === 258)).toMatchObject({ up: false, stale: false, load: null });
    expect(snap.nodes.find((n) => n.id === 258)?.error).toBe(`node 258 is down (unreachable: ${join(root, 'nodes', '258')}/load reads -101)`);
    expect(snap.nodes.find((n) => n.id === 407)).toMatchObject({ up: false, error: `node 407 is down (${join(root, 'nodes', '407')}/status is 1, without the up bit)` });
    expect(snap.nodes.find((n) => n.id === 266)).toMatchObject({ up: true, stale: true, load: 75 });
    expect(snap.nodes.find((n) => n.id === 266)?.error).toContain(join(root, 'nodes', '266'));
    expect(snap.nodes[0]?.flags).toEqual({ stay: true, lstay: false, block: true, quiet: false });
  });

  it('keeps a live node up with its last load when a value file reads -101 but its status keeps the up bit (a failed remote reading, as the real kernel gives now and then)', async () => {
    const root = copyOfTree();
    const backend = createOpenMosixBackend({ runner: inProcessFakeRunner(), hpcRoot: root, now: () => 0 });
    const before = (await backend.collect()).nodes.find((n) => n.id === 258);
    writeFileSync(join(root, 'nodes', '258', 'load'), '-101\n');
    writeFileSync(join(root, 'nodes', '258', 'mem'), '-101\n');
    writeFileSync(join(root, 'nodes', '258', 'status'), '3\n');
    const after = (await backend.collect()).nodes.find((n) => n.id === 258);
    expect(after).toMatchObject({ up: true, load: before?.load, memFreeBytes: before?.memFreeBytes });
  });

  it('without `setpe -r`, still lists the nodes from /proc/hpc (without addresses)', async () => {
    const runner = inProcessFakeRunner({ OMTOP_FAKE_FAIL: 'setpe=setpe: not found' });
    const backend = createOpenMosixBackend({ runner, hpcRoot: TREE, now: () => 0 });
    const snap = await backend.collect();
    expect(snap.nodes.map((n) => [n.id, n.ip])).toEqual([[258, ''], [261, ''], [266, ''], [407, '']]);
    expect(snap.localNode).toBe(261);
    expect(snap.errors).toEqual([{ source: 'setpe -r', message: 'setpe: not found' }]);
  });

  it("reads the live cluster's /proc/hpc as the kernel wrote it: bytes, the up bit, util per CPU", async () => {
    const backend = createOpenMosixBackend({ runner: inProcessFakeRunner({ OMTOP_FAKE_DIR: LIVE_ANSWERS }), hpcRoot: LIVE_TREE, now: () => 0 });
    const snap = await backend.collect();
    expect(snap.errors).toEqual([]);
    expect(snap.localNode).toBe(1);
    expect(snap.nodes.map((n) => [n.id, n.ip, n.up, n.load, n.speed, n.memFreeBytes, n.memTotalBytes, n.util, n.cpus])).toEqual([
      [1, 'chaos-a000001', true, 57, 29703, 122654720, 134086656, 100, 1],
      [2, '10.0.0.2', true, 96, 29802, 123666432, 134086656, 100, 1], // its address from mosctl whois 2
    ]);
    expect(snap.processes.filter((p) => p.migrated).map((p) => [p.pid, p.node])).toEqual([[64, 2], [66, 2]]);
  });

  it('never shows a node up with no load and no reason, however its files flap', async () => {
    const root = copyOfTree();
    const load = join(root, 'nodes', '266', 'load');
    const status = join(root, 'nodes', '266', 'status');
    let now = 0;
    const backend = createOpenMosixBackend({ runner: inProcessFakeRunner(), hpcRoot: root, now: () => now });
    // Up, unreachable, up with the load file caught mid-update, down by status, empty, back.
    const states = [['75', '3'], ['-101', '3'], ['', '3'], ['x', '3'], ['75', '1'], ['', '3'], ['80', '3'], ['', '3']];
    for (const [loadText = '', statusText = ''] of [...states, ...states.reverse()]) {
      writeFileSync(load, `${loadText}\n`);
      writeFileSync(status, `${statusText}\n`);
      const node = (await backend.collect()).nodes.find((n) => n.id === 266);
      if (node?.up && node.load === null) expect(node.error, `load ${JSON.stringify(loadText)}`).toMatch(/\S/);
      now += 2000;
    }
  });

  it('uses /proc/hpc only where it has node directories (openMosix 2.4, not 2.6)', () => {
    expect(defaultHpcRoot(TREE)).toBe(TREE);
    expect(defaultHpcRoot(mkdtempSync(join(tmpdir(), 'omtop-hpc26-')))).toBeNull();
  });

  it('reads load, mem, util and status every tick, speed, tmem and cpus every 30 s (spread), rmem never', async () => {
    const reads = vi.mocked(readHpcFile);
    let now = 0;
    const backend = createOpenMosixBackend({ runner: inProcessFakeRunner(), hpcRoot: TREE, now: () => now });
    const perTick: string[][] = [];
    for (let tick = 0; tick <= 30; tick++) {
      reads.mockClear();
      await backend.collect();
      perTick.push(reads.mock.calls.map(([file]) => String(file)).filter((file) => file.includes(`${join('nodes')}/`)).map((file) => file.slice(TREE.length + '/nodes/'.length)));
      now += 2000;
    }
    const [first = [], ...steady] = perTick;
    expect(first.sort()).toEqual([261, 407, 266, 258].flatMap((id) => ['load', 'mem', 'util', 'status', 'speed', 'tmem', 'cpus'].map((f) => `${id}/${f}`)).sort());
    const names = (files: string[], name: string) => files.filter((file) => file.endsWith(`/${name}`)).length;
    for (const files of steady) {
      for (const name of ['load', 'mem', 'util', 'status']) expect(names(files, name)).toBe(4);
      expect(names(files, 'rmem')).toBe(0);
      // Spread: at most one node's slow files on any tick.
      expect(files.length).toBeLessThanOrEqual(16 + 3);
    }
    // Over 60 s each node's slow files are read twice, and each node's reads are 30 s apart.
    const all = steady.flat();
    for (const name of ['speed', 'tmem', 'cpus']) expect(names(all, name)).toBe(8);
    for (const id of [261, 407, 266, 258]) {
      const at = steady.flatMap((files, index) => (files.includes(`${id}/speed`) ? [(index + 1) * 2] : []));
      expect(at.length).toBe(2);
      expect((at[1] ?? 0) - (at[0] ?? 0)).toBe(30);
    }
  });

  it('shows a new speed only when it is due, but a new load at once; a node back up reads speed again', async () => {
    const root = copyOfTree();
    let now = 0;
    const backend = createOpenMosixBackend({ runner: inProcessFakeRunner(), hpcRoot: root, now: () => now });
    await backend.collect();
    writeFileSync(join(root, 'nodes', '266', 'load'), '80\n');
    writeFileSync(join(root, 'nodes', '266', 'speed'), '30000\n');
    now += 2000;
    let snap = await backend.collect();
    expect(snap.nodes.find((n) => n.id === 266)).toMatchObject({ load: 80, speed: 26842 });
    // 266 is third of four: its first slow re-read is due 30 s × (1 − 2.5/4) after the first tick.
    now = 12_000;
    snap = await backend.collect();
    expect(snap.nodes.find((n) => n.id === 266)).toMatchObject({ load: 80, speed: 30000 });

    writeFileSync(join(root, 'nodes', '407', 'load'), '-101\n');
    writeFileSync(join(root, 'nodes', '407', 'status'), '1\n');
    now += 2000;
    snap = await backend.collect();
    expect(snap.nodes.find((n) => n.id === 407)).toMatchObject({ up: false, speed: 15000 });
    writeFileSync(join(root, 'nodes', '407', 'load'), '3\n');
    writeFileSync(join(root, 'nodes', '407', 'status'), '3\n');
    writeFileSync(join(root, 'nodes', '407', 'speed'), '16000\n');
    now += 2000;
    snap = await backend.collect();
    expect(snap.nodes.find((n) => n.id === 407)).toMatchObject({ up: true, stale: false, load: 3 });
    now += 2000;
    snap = await backend.collect();
    expect(snap.nodes.find((n) => n.id === 407)).toMatchObject({ up: true, speed: 16000 });
  });
});
