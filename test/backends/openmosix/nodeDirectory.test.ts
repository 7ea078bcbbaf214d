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
});
