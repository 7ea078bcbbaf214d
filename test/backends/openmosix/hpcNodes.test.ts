import { cpSync, mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createOpenMosixBackend, defaultHpcRoot } from '../../../src/backends/openmosix/openmosixBackend.js';
import { inProcessFakeRunner } from '../../helpers/fakeTools.js';

const TREE = fileURLToPath(new URL('../../../fixtures/cluster/hpc-tutorial', import.meta.url));

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
    expect(runner.calls.map((argv) => argv.join(' ')).sort()).toEqual(['mps', 'mtop -b -n 1', 'openmosix status']);
  });

  it('shows a node reading -101 as down, a changed flag, and a vanished node directory as stale', async () => {
    const root = copyOfTree();
    const runner = inProcessFakeRunner();
    const backend = createOpenMosixBackend({ runner, hpcRoot: root, now: () => 0 });
    await backend.collect();
    writeFileSync(join(root, 'nodes', '258', 'load'), '-101\n');
    writeFileSync(join(root, 'nodes', '258', 'cpus'), '-101\n');
    writeFileSync(join(root, 'admin', 'block'), '1\n');
    for (const file of ['load', 'speed', 'mem', 'rmem', 'tmem', 'cpus', 'util', 'status']) rmSync(join(root, 'nodes', '266', file));
    const snap = await backend.collect();
    expect(snap.nodes.find((n) => n.id === 258)).toMatchObject({ up: false, stale: false, load: null });
    expect(snap.nodes.find((n) => n.id === 266)).toMatchObject({ up: true, stale: true, load: 75 });
    expect(snap.nodes.find((n) => n.id === 266)?.error).toContain(join(root, 'nodes', '266'));
    expect(snap.nodes[0]?.flags.block).toBe(true);
  });

  it('without `openmosix status`, still lists the nodes from /proc/hpc (without addresses)', async () => {
    const runner = inProcessFakeRunner({ OMTOP_FAKE_FAIL: 'openmosix=openmosix: not found' });
    const backend = createOpenMosixBackend({ runner, hpcRoot: TREE, now: () => 0 });
    const snap = await backend.collect();
    expect(snap.nodes.map((n) => [n.id, n.ip])).toEqual([[258, ''], [261, ''], [266, ''], [407, '']]);
    expect(snap.localNode).toBe(261);
    expect(snap.errors).toEqual([{ source: 'openmosix status', message: 'openmosix: not found' }]);
  });

  it('uses /proc/hpc only where it has node directories (openMosix 2.4, not 2.6)', () => {
    expect(defaultHpcRoot(TREE)).toBe(TREE);
    expect(defaultHpcRoot(mkdtempSync(join(tmpdir(), 'omtop-hpc26-')))).toBeNull();
  });
});
