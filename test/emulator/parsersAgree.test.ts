// Every text the emulator prints goes through the real parsers (parsers/index.ts) cleanly: no
// errors, no warnings, and the values read back are the model's own.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type ParseResult,
  parseMosctlGetdecay,
  parseMosctlGetfree,
  parseMosctlGetload,
  parseMosctlGetmem,
  parseMosctlGetspeed,
  parseMosctlGettune,
  parseMosctlGetutil,
  parseMosctlGetyard,
  parseMosctlIsup,
  parseMosctlStatus,
  parseMosctlUsage,
  parseMosctlWhois,
  parseMps,
  parseMtop,
  parseOpenMosixStatus,
} from '../../parsers/index.js';
import { createEmulatedCluster } from '../../src/emulator/cluster.js';
import type { EmulatedCluster } from '../../src/emulator/types.js';

async function text(cluster: EmulatedCluster, ...argv: string[]): Promise<string> {
  const result = await cluster.run(argv);
  return result.stdout + result.stderr;
}

/** The value of a clean parse; fails the test with the parser's message otherwise. */
function clean<T>(result: ParseResult<T>, what: string): T {
  if (!result.ok) throw new Error(`${what}: ${result.error.message} (line ${result.error.line})`);
  expect(result.warnings, what).toEqual([]);
  return result.value;
}

async function expectEverythingParses(cluster: EmulatedCluster): Promise<void> {
  const view = cluster.inspect();
  const local = view.processes.filter((process) => process.home === view.localNode);
  const nodeOf = (process: { node: number }): number => (process.node === view.localNode ? 0 : process.node);

  for (const argv of [['setpe', '-r'], ['openmosix', 'status']]) {
    const status = clean(parseOpenMosixStatus(await text(cluster, ...argv)), argv.join(' '));
    expect(status.localNode).toBe(view.localNode);
    expect(status.nodes).toEqual(view.nodes.map((node) => ({ id: node.id, address: node.ip })));
  }

  for (const argv of [['mps', 'ax'], ['mps', 'axww'], ['mps', 'auxww']]) {
    const mps = clean(parseMps(await text(cluster, ...argv)), argv.join(' '));
    expect(mps.processes.map((row) => [row.pid, row.node])).toEqual(local.map((process) => [process.pid, nodeOf(process)]));
  }
  const aux = clean(parseMps(await text(cluster, 'mps', 'auxww')), 'mps auxww');
  expect(aux.processes.map((row) => row.command)).toEqual(local.map((process) => (nodeOf(process) === 0 ? process.command : expect.stringMatching(/^\(.+\)$/))));
  expect(aux.processes.every((row) => row.user !== undefined && row.cpu !== undefined && row.mem !== undefined)).toBe(true);
  // Plain mps lists only processes with a terminal (init and sshd have none).
  const plain = clean(parseMps(await text(cluster, 'mps')), 'mps');
  expect(plain.processes.map((row) => row.pid)).not.toContain(1);

  const mtop = clean(parseMtop(await text(cluster, 'mtop')), 'mtop');
  expect(mtop.processes.map((row) => row.pid).sort((a, b) => a - b)).toEqual(local.map((process) => process.pid));

  for (const node of view.nodes) {
    const id = String(node.id);
    expect(clean(parseMosctlIsup(await text(cluster, 'mosctl', 'isup', id)), `isup ${id}`).up).toBe(node.up);
    expect(clean(parseMosctlStatus(await text(cluster, 'mosctl', 'status', id)), `status ${id}`)).toMatchObject({
      state: node.up ? 'up' : 'down',
      flags: { stay: node.flags.stay, lstay: node.flags.lstay, block: node.flags.block, quiet: node.flags.quiet },
    });
    expect(clean(parseMosctlWhois(await text(cluster, 'mosctl', 'whois', id)), `whois ${id}`)).toEqual({ node: null, address: node.ip, host: null });
    expect(clean(parseMosctlWhois(await text(cluster, 'mosctl', 'whois', node.ip)), `whois ${node.ip}`)).toEqual({ node: node.id, address: node.ip, host: null });
    if (!node.up) {
      for (const query of ['getload', 'getspeed', 'getmem', 'getutil']) {
        const down = await cluster.run(['mosctl', query, id]);
        expect(down).toMatchObject({ exitCode: 0, stdout: '', stderr: 'Error: Network is unreachable\n' });
      }
      const parsed = parseMosctlGetload(await text(cluster, 'mosctl', 'getload', id));
      expect(parsed.ok ? 'parsed' : parsed.error.code).toBe('down');
      continue;
    }
    expect(clean(parseMosctlGetload(await text(cluster, 'mosctl', 'getload', id)), `getload ${id}`).load).toBe(node.load);
    expect(clean(parseMosctlGetspeed(await text(cluster, 'mosctl', 'getspeed', id)), `getspeed ${id}`).speed).toBe(node.speed);
    expect(clean(parseMosctlGetmem(await text(cluster, 'mosctl', 'getmem', id)), `getmem ${id}`)).toEqual({
      freeBytes: node.memFreeBytes,
      totalBytes: node.memTotalBytes,
    });
    const free = clean(parseMosctlGetfree(await text(cluster, 'mosctl', 'getfree', id)), `getfree ${id}`);
    expect(free.freeBytes).toBeLessThanOrEqual(node.memFreeBytes);
    const util = clean(parseMosctlGetutil(await text(cluster, 'mosctl', 'getutil', id)), `getutil ${id}`);
    expect(util.cpus).toBe(node.cpus);
    // The tool prints whole percents of one CPU, summed over the CPUs; the view rounds the node's share.
    expect(Math.abs((util.util * 100) / util.capacity - node.util)).toBeLessThanOrEqual(1);
  }

  expect(clean(parseMosctlWhois(await text(cluster, 'mosctl', 'whois')), 'whois')).toEqual({ node: view.localNode, address: null, host: null });
  expect(clean(parseMosctlGetyard(await text(cluster, 'mosctl', 'getyard')), 'getyard').speed).toBe(10_000);
  expect(clean(parseMosctlGetdecay(await text(cluster, 'mosctl', 'getdecay')), 'getdecay').intervalSeconds).toBe(1);
  expect(Object.keys(clean(parseMosctlGettune(await text(cluster, 'mosctl', 'gettune')), 'gettune').values)).toHaveLength(14);
  expect(clean(parseMosctlUsage(await text(cluster, 'mosctl')), 'usage').program).toBe('mosctl');
  const unknown = parseMosctlStatus(await text(cluster, 'mosctl', 'status', '999'));
  expect(unknown.ok ? 'parsed' : unknown.error.code).toBe('not-configured');
}

describe('every text the emulator prints parses cleanly with the real parsers', () => {
  it('for the starting cluster', async () => {
    await expectEverythingParses(createEmulatedCluster());
  });

  it('with a node down, processes stopped, guests expelled and processes brought home', async () => {
    const cluster = createEmulatedCluster({ failures: false });
    cluster.advance(90_000);
    cluster.failNode(407, 40_000);
    await cluster.run(['kill', '-s', 'STOP', '1166']);
    await cluster.run(['mosctl', 'expel']);
    await expectEverythingParses(cluster);
    await cluster.run(['mosctl', 'bring']);
    cluster.adoptProcess({ pid: 31337, command: '/usr/bin/blender -b /tmp/a very long name.blend -s 1 -e 10 -a' });
    await expectEverythingParses(cluster);
  });

  it('at any point of any seeded history', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.integer({ min: 0, max: 40 * 60_000 }), async (seed, ms) => {
        const cluster = createEmulatedCluster({ seed });
        cluster.advance(ms);
        await expectEverythingParses(cluster);
      }),
      { numRuns: 12 },
    );
  });
});
