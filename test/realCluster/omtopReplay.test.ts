// omtop against what the real 2-node cluster printed (fixtures/real-cluster, replayed as tools on
// PATH, and its recorded /proc/hpc trees): the CI-visible half of npm run test:real-cluster. What
// omtop must show is read from the recording itself (the tools' text and the `facts` the capture
// took from /proc/PID/where), never typed in here.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createOpenMosixBackend } from '../../src/backends/openmosix/openmosixBackend.js';
import { ClusterSnapshotSchema, type ClusterSnapshot } from '../../src/model/snapshot.js';
import { createExecaRunner } from '../../src/runner/execaRunner.js';
import { ROOT } from './lib/omtop.js';
import { CAPTURES, captureFiles, readCaptures, writeReplayTools } from './lib/replay.js';

const index = readCaptures();

/** What the real tool printed on stdout for `name` in `scenario`. */
function recorded(scenario: string, name: string): string {
  const entry = index.commands.find((command) => command.scenario === scenario && command.name === name);
  if (!entry) throw new Error(`nothing recorded as ${scenario}/${name}`);
  return readFileSync(captureFiles(entry).stdout, 'utf8');
}

function memOf(scenario: string, node: number): { free: number; total: number } {
  const match = /free memory = (\d+) of (\d+)/.exec(recorded(scenario, `mosctl-getmem-${node}`));
  if (!match) throw new Error(`${scenario}: no getmem for node ${node}`);
  return { free: Number(match[1]), total: Number(match[2]) };
}

const loadOf = (scenario: string, node: number): number => Number(/load=(\d+)/.exec(recorded(scenario, `mosctl-getload-${node}`))?.[1]);

/** The loops' nodes both before and after mps looked (the kernel may move one meanwhile): only those that stayed put. */
function steadyLoops(): Map<number, number> {
  const facts = index.facts.busy as Record<string, Record<string, number>>;
  const before = facts.whereBeforeMps ?? facts.loops ?? {};
  const after = facts.whereAfterMps ?? {};
  const steady = new Map<number, number>();
  for (const [pid, at] of Object.entries(before)) if (after[pid] === at) steady.set(Number(pid), at === 0 ? 1 : at);
  return steady;
}

/** The tools as `scenarios` recorded them (the first that recorded an argv wins), first on PATH. */
function pathFor(scenarios: readonly string[]): string {
  const bin = writeReplayTools(mkdtempSync(join(tmpdir(), 'omtop-replay-')), scenarios);
  return `${bin}${delimiter}${process.env.PATH ?? ''}`;
}

function collect(scenarios: readonly string[], hpcRoot: string | null = null): Promise<ClusterSnapshot> {
  const runner = createExecaRunner({ timeoutMs: 10_000, env: { PATH: pathFor(scenarios) } });
  return createOpenMosixBackend({ runner, hpcRoot }).collect();
}

function omtopOnceJson(scenarios: readonly string[]): Promise<ClusterSnapshot> {
  const argv = ['bin/omtop.js', '--backend', 'openmosix', '--once', '--json'];
  return new Promise((resolve, reject) => {
    execFile(process.execPath, argv, { cwd: ROOT, env: { ...process.env, PATH: pathFor(scenarios) }, timeout: 60_000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`omtop exited ${String(error.code)}: ${stderr}`));
      else resolve(ClusterSnapshotSchema.parse(JSON.parse(stdout)));
    });
  });
}

const nodeOf = (snapshot: ClusterSnapshot, id: number) => snapshot.nodes.find((node) => node.id === id);

describe('omtop on the recorded real cluster', () => {
  // A whole omtop process (through tsx when dist/ is stale) on a loaded machine: seconds.
  it('omtop --once --json, busy: both nodes up with their load, speed and memory in bytes, the migrated loops on node 2', { timeout: 90_000 }, async () => {
    const snapshot = await omtopOnceJson(['busy', 'formed']);
    expect(snapshot.localNode).toBe(1);
    expect(snapshot.nodes.map((node) => [node.id, node.up, node.isLocal])).toEqual([[1, true, true], [2, true, false]]);
    for (const id of [1, 2]) {
      const node = nodeOf(snapshot, id);
      expect(node?.load).toBe(loadOf('busy', id));
      expect([node?.memFreeBytes, node?.memTotalBytes]).toEqual([memOf('busy', id).free, memOf('busy', id).total]);
      expect(node?.speed).toBe(Number(/speed=(\d+)/.exec(recorded('formed', `mosctl-getspeed-${id}`))?.[1]));
    }
    expect(nodeOf(snapshot, 1)?.flags).toEqual({ stay: false, lstay: false, block: false, quiet: false });
    const steady = steadyLoops();
    expect([...steady.values()]).toContain(2);
    for (const [pid, at] of steady) {
      const shown = snapshot.processes.find((process) => process.pid === pid);
      expect(shown, `loop ${pid}`).toMatchObject({ node: at, home: 1, migrated: at === 2 });
      expect(shown?.command).toMatch(/^sh \/tmp\/omtop-busy loop-\d$/);
    }
  });

  it('formed: a remote reading that failed while node 2 was up (status "down." but isup "yes") does not make it down', async () => {
    expect(recorded('formed', 'mosctl-isup-2')).toBe('yes\n');
    const snapshot = await collect(['formed']);
    expect(snapshot.nodes.map((node) => [node.id, node.up])).toEqual([[1, true], [2, true]]);
    expect(nodeOf(snapshot, 2)?.load).toBe(loadOf('formed', 2));
  });

  it('node-down: node 2 is shown down with a plain reason, node 1 up', async () => {
    // The node list as formed (node-down recorded every query about node 2, and mps).
    const snapshot = await collect(['node-down', 'formed']);
    expect(nodeOf(snapshot, 1)?.up).toBe(true);
    expect(nodeOf(snapshot, 2)?.up).toBe(false);
    expect(nodeOf(snapshot, 2)?.error).toMatch(/down|unreachable/);
    expect(nodeOf(snapshot, 2)?.error).not.toMatch(/\n|at .*\.js/);
  });

  const hpcFile = (scenario: string, id: number, name: string): number =>
    Number(readFileSync(join(CAPTURES, 'proc-hpc', scenario, 'nodes', String(id), name), 'utf8').trim());

  it('reads the recorded /proc/hpc tree (formed): both nodes, memory in bytes as the kernel wrote it', async () => {
    const snapshot = await collect(['formed'], join(CAPTURES, 'proc-hpc', 'formed'));
    expect(snapshot.nodes.map((node) => [node.id, node.up])).toEqual([[1, true], [2, true]]);
    for (const id of [1, 2]) {
      const node = nodeOf(snapshot, id);
      expect([node?.load, node?.speed, node?.memFreeBytes, node?.memTotalBytes]).toEqual(['load', 'speed', 'mem', 'tmem'].map((name) => hpcFile('formed', id, name)));
    }
  });

  it('reads the recorded /proc/hpc tree (busy): node 2 up (status 3) though its load and memory read -101 and two files failed', async () => {
    expect(hpcFile('busy', 2, 'status')).toBe(3);
    expect(hpcFile('busy', 2, 'load')).toBe(-101);
    const snapshot = await collect(['busy', 'formed'], join(CAPTURES, 'proc-hpc', 'busy'));
    expect(snapshot.nodes.map((node) => [node.id, node.up])).toEqual([[1, true], [2, true]]);
    expect(nodeOf(snapshot, 1)?.memTotalBytes).toBe(hpcFile('busy', 1, 'tmem'));
    expect(nodeOf(snapshot, 1)?.load).toBe(hpcFile('busy', 1, 'load'));
    expect(nodeOf(snapshot, 2)?.load ?? null).not.toBe(-101);
    expect(nodeOf(snapshot, 2)?.memFreeBytes ?? null).not.toBe(-101);
  });
});
