import { describe, expect, it } from 'vitest';
import { createOpenMosixBackend } from '../../../src/backends/openmosix/openmosixBackend.js';
import { inProcessFakeRunner } from '../../helpers/fakeTools.js';

/**
 * Collects `ticks` times, 2 s of clock apart, and returns the commands of each tick.
 * `beforeTick` may change the fake tools' behaviour (the env is read on every command).
 */
async function commandsPerTick(
  ticks: number, env: Record<string, string> = {}, beforeTick: (tick: number, env: Record<string, string>) => void = () => {},
): Promise<string[][][]> {
  const runner = inProcessFakeRunner(env);
  let now = 0;
  const backend = createOpenMosixBackend({ hpcRoot: null, runner, now: () => now });
  const perTick: string[][][] = [];
  for (let tick = 0; tick < ticks; tick++) {
    beforeTick(tick, env);
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
        'setpe -r', 'mps auxww',
        ...[261, 407, 266, 258].flatMap((n) => [`mosctl getload ${n}`, `mosctl getmem ${n}`, `mosctl getspeed ${n}`, `mosctl getutil ${n}`, `mosctl status ${n}`]),
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
    // Over 60 s: the node list every 30 s, each node's free memory every 10 s, its util and its
    // state and flags every 30 s, its speed every 120 s (two nodes' first reads fall inside the
    // minute, spread). mtop is never run: it has no batch mode.
    expect(count(all, 'mtop')).toBe(0);
    expect(count(all, 'setpe -r')).toBe(2);
    expect(count(all, 'mosctl getmem')).toBe(4 * 6);
    expect(count(all, 'mosctl getutil')).toBe(4 * 2);
    expect(count(all, 'mosctl getspeed')).toBe(2);
    expect(count(all, 'mosctl status')).toBe(4 * 2);
    expect(all.length / ticks.length).toBeCloseTo(194 / 30, 5);
    // Spread: besides getload and mps, no tick runs more than three commands.
    expect(Math.max(...ticks.map((calls) => calls.length - 5))).toBeLessThanOrEqual(3);
  });

  it('reads every node’s free memory at least every 10 s', async () => {
    const ticks = await commandsPerTick(31);
    for (const node of [261, 407, 266, 258]) {
      const readAt = ticks.flatMap((calls, tick) => (count(calls, `mosctl getmem ${node}`) > 0 ? [tick * 2] : []));
      const gaps = readAt.slice(1).map((at, index) => at - (readAt[index] ?? 0));
      expect(Math.max(...gaps)).toBeLessThanOrEqual(10);
      expect(readAt.at(-1)).toBeGreaterThanOrEqual(50);
    }
  });

  it('reads memory, speed and util of a node again as soon as it comes back up', async () => {
    const ticks = await commandsPerTick(5, {}, (tick, env) => {
      if (tick === 2) env.OMTOP_FAKE_STDERR = 'mosctl:getload:407=Error: Network is unreachable';
      if (tick === 3) delete env.OMTOP_FAKE_STDERR;
    });
    // 407's memory is next due at 6.25 s, its util and speed much later: tick 3 (6 s) reads them
    // all only because the node came back.
    const for407 = (calls: string[][] = []) => calls.filter((argv) => argv[2] === '407').map((argv) => argv[1]).sort();
    expect(for407(ticks[1])).toEqual(['getload']);
    expect(for407(ticks[2])).toEqual(['getload']);
    expect(for407(ticks[3])).toEqual(['getload', 'getmem', 'getspeed', 'getutil', 'status']);
    expect(for407(ticks[4])).toEqual(['getload']);
  });

  it('reads the local node’s flags again right after a flag action', async () => {
    const runner = inProcessFakeRunner();
    const backend = createOpenMosixBackend({ hpcRoot: null, runner, now: () => 2000 });
    await backend.collect();
    const before = runner.calls.length;
    await backend.collect();
    expect(count(runner.calls.slice(before), 'mosctl status')).toBe(0);
    await backend.perform({ type: 'setFlag', flag: 'block', on: true });
    const afterAction = runner.calls.length;
    await backend.collect();
    expect(runner.calls.slice(afterAction).map((argv) => argv.join(' '))).toContain('mosctl status 261');
  });

  it('does not query a node further once getload failed, and retries the failed reading next tick', async () => {
    const ticks = await commandsPerTick(2, { OMTOP_FAKE_STDERR: 'mosctl:getload:258=Error: Network is unreachable', OMTOP_FAKE_FAIL: 'mosctl:getmem:266=mosctl: busy' });
    const [first = [], second = []] = ticks;
    expect(first.filter((argv) => argv[2] === '258').map((argv) => argv[1])).toEqual(['getload']);
    expect(count(second, 'mosctl getmem 266')).toBe(1);
  });
});
