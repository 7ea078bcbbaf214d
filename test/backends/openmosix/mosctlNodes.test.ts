import { describe, expect, it } from 'vitest';
import { createOpenMosixBackend } from '../../../src/backends/openmosix/openmosixBackend.js';
import { inProcessFakeRunner } from '../../helpers/fakeTools.js';

/** Collects `ticks` times, 2 s of clock apart, and returns the commands of each tick. */
async function commandsPerTick(ticks: number, env: Record<string, string> = {}): Promise<string[][][]> {
  const runner = inProcessFakeRunner(env);
  let now = 0;
  const backend = createOpenMosixBackend({ hpcRoot: null, runner, now: () => now });
  const perTick: string[][][] = [];
  for (let tick = 0; tick < ticks; tick++) {
    const before = runner.calls.length;
    await backend.collect();
    perTick.push(runner.calls.slice(before));
    now += 2000;
  }
  return perTick;
}

const count = (calls: string[][], prefix: string) => calls.filter((argv) => argv.join(' ').startsWith(prefix)).length;

describe('the openmosix backend’s commands per tick (4-node tutorial cluster, 2 s ticks)', () => {
  it('reads everything once on the first tick', async () => {
    const [first = []] = await commandsPerTick(1);
    expect(first.map((argv) => argv.join(' ')).sort()).toEqual(
      [
        'openmosix status', 'mps', 'mtop -b -n 1', 'mosctl status 261',
        ...[261, 407, 266, 258].flatMap((n) => [`mosctl getload ${n}`, `mosctl getmem ${n}`, `mosctl getspeed ${n}`, `mosctl getutil ${n}`]),
      ].sort(),
    );
  });

  it('then stays near one command per node plus one: getload and mps every tick, the rest spread out', async () => {
    const ticks = (await commandsPerTick(31)).slice(1);
    for (const calls of ticks) {
      expect(count(calls, 'mosctl getload')).toBe(4);
      expect(count(calls, 'mps')).toBe(1);
    }
    const all = ticks.flat();
    const perTick = all.length / ticks.length;
    // 4 getload + mps + mtop every 2nd tick + getmem every 10 s + getspeed/getutil every 30 s per node.
    expect(perTick).toBeGreaterThanOrEqual(6.5);
    expect(perTick).toBeLessThanOrEqual(7.5);
    expect(count(all, 'mtop')).toBe(15);
    expect(count(all, 'openmosix status')).toBe(2);
    // The memory reads are spread: no tick reads more than two nodes' memory.
    expect(Math.max(...ticks.map((calls) => count(calls, 'mosctl getmem')))).toBeLessThanOrEqual(2);
    expect(count(all, 'mosctl getmem')).toBeGreaterThanOrEqual(4 * 5);
  });

  it('does not query a node further once getload failed, and retries the failed reading next tick', async () => {
    const ticks = await commandsPerTick(2, { OMTOP_FAKE_FAIL: 'mosctl:getload:258=Node #258 is not up;mosctl:getmem:266=mosctl: busy' });
    const [first = [], second = []] = ticks;
    expect(first.filter((argv) => argv[2] === '258').map((argv) => argv[1])).toEqual(['getload']);
    expect(count(second, 'mosctl getmem 266')).toBe(1);
  });
});
