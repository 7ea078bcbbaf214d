// The node list's addresses on the real cluster: `setpe -r` names only where a range begins
// (`OpenMosix range 1-2 begins at chaos-a000001`), so node 2's address comes from `mosctl whois 2`,
// asked once; the texts are what the real tools printed (fixtures/real-cluster, scenario formed).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NodeDirectory } from '../../../src/backends/openmosix/nodeDirectory.js';
import type { SourceError } from '../../../src/model/snapshot.js';
import type { CommandResult, CommandRunner } from '../../../src/runner/runner.js';

const FORMED = new URL('../../../fixtures/real-cluster/commands/formed/', import.meta.url).pathname;
const recorded = (name: string): { stdout: string; stderr: string } => ({
  stdout: readFileSync(`${FORMED}${name}.stdout`, 'utf8'),
  stderr: readFileSync(`${FORMED}${name}.stderr`, 'utf8'),
});

/** Answers setpe -r and mosctl whois N as the real cluster did (each exited 0); counts every call. */
function recordedRunner(answers: Record<string, { stdout: string; stderr: string }>): CommandRunner & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    run(argv): Promise<CommandResult> {
      const line = argv.join(' ');
      calls.push(line);
      const answer = answers[line];
      if (answer === undefined) return Promise.resolve({ argv, exitCode: 1, stdout: '', stderr: `no answer for ${line}\n`, failure: 'exit', message: `${line}: exited 1`, durationMs: 1 });
      return Promise.resolve({ argv, exitCode: 0, ...answer, durationMs: 1 });
    },
  };
}

const SETPE = recorded('setpe-r');

describe('NodeDirectory on the real 2-node cluster', () => {
  it("gives node 2 the address mosctl whois 2 printed (setpe -r names only the range's start, as a host name), asked once", async () => {
    const runner = recordedRunner({ 'setpe -r': SETPE, 'mosctl whois 2': recorded('mosctl-whois-2') });
    const directory = new NodeDirectory({ runner, hpcRoot: null, ttlMs: 30_000 });
    const errors: SourceError[] = [];
    const first = await directory.read(0, errors);
    expect(first).toEqual({ localNode: 1, nodes: [{ id: 1, ip: 'chaos-a000001' }, { id: 2, ip: '10.0.0.2' }] });
    expect(errors).toEqual([]);
    // Addresses do not change: not asked again, not even when the map is read again.
    expect((await directory.read(2000, errors)).nodes).toEqual(first.nodes);
    expect((await directory.read(60_000, errors)).nodes).toEqual(first.nodes);
    expect(runner.calls.filter((call) => call.startsWith('mosctl whois'))).toEqual(['mosctl whois 2']);
  });

  it('a whois that fails is one error, the node shown without an address, and asked again only when the map is read again', async () => {
    const answers: Record<string, { stdout: string; stderr: string }> = { 'setpe -r': SETPE };
    const runner = recordedRunner(answers);
    const directory = new NodeDirectory({ runner, hpcRoot: null, ttlMs: 30_000 });
    const errors: SourceError[] = [];
    expect((await directory.read(0, errors)).nodes).toEqual([{ id: 1, ip: 'chaos-a000001' }, { id: 2, ip: '' }]);
    expect(errors).toEqual([{ source: 'mosctl whois 2', message: 'exited 1' }]);
    answers['mosctl whois 2'] = recorded('mosctl-whois-2');
    expect((await directory.read(2000, errors)).nodes[1]).toEqual({ id: 2, ip: '' }); // same map: not asked
    expect((await directory.read(30_000, errors)).nodes[1]).toEqual({ id: 2, ip: '10.0.0.2' });
    expect(runner.calls.filter((call) => call.startsWith('mosctl whois'))).toEqual(['mosctl whois 2', 'mosctl whois 2']);
    expect(errors).toHaveLength(1);
  });

  it('a big map without addresses is asked a few nodes per read (whoisLimit), lowest first, until every node is known', async () => {
    // The real map's text with its range grown to 40 nodes; each whois answers as node 2's did.
    const big = { stdout: SETPE.stdout.replace('1-2 ', '1-40').replace('Total configured: 2', 'Total configured: 40'), stderr: '' };
    const answers: Record<string, { stdout: string; stderr: string }> = { 'setpe -r': big };
    for (let id = 2; id <= 40; id += 1) answers[`mosctl whois ${id}`] = { stdout: `10.0.0.${id}\n`, stderr: '' };
    const runner = recordedRunner(answers);
    const directory = new NodeDirectory({ runner, hpcRoot: null, ttlMs: 30_000 });
    const errors: SourceError[] = [];
    const whois = (): string[] => runner.calls.filter((call) => call.startsWith('mosctl whois'));
    const first = await directory.read(0, errors, undefined, 5);
    expect(first.nodes).toHaveLength(40);
    expect(whois()).toEqual(['mosctl whois 2', 'mosctl whois 3', 'mosctl whois 4', 'mosctl whois 5', 'mosctl whois 6']);
    expect(first.nodes.slice(1, 7).map((node) => node.ip)).toEqual(['10.0.0.2', '10.0.0.3', '10.0.0.4', '10.0.0.5', '10.0.0.6', '']);
    for (let tick = 1; tick < 8; tick += 1) await directory.read(tick * 1000, errors, undefined, 5);
    expect(whois()).toHaveLength(39);
    expect(new Set(whois()).size).toBe(39);
    const last = await directory.read(9000, errors, undefined, 5);
    expect(last.nodes.every((node) => node.ip !== '')).toBe(true);
    expect(whois()).toHaveLength(39);
    expect(errors).toEqual([]);
  });
});
