import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseMtop } from '../../parsers/mtop.js';

const fixture = (name: string): string => readFileSync(new URL(`../../fixtures/mtop/${name}.txt`, import.meta.url), 'utf8');

describe('parseMtop', () => {
  it('reads the tutorial header', () => {
    const result = parseMtop(fixture('tutorial'));
    if (!result.ok) expect.fail(result.error.message);
    expect(result.value).toMatchObject({
      clock: '10:37pm',
      uptime: '21:50',
      users: 0,
      loadAverage: [0.32, 0.15, 0.05],
      tasks: { total: 45, sleeping: 44, running: 1, zombie: 0, stopped: 0 },
      cpuStates: { user: 160.8, system: 7.1, nice: 0, idle: 0 },
      memKiB: { total: 254936, used: 167160, free: 87776, shared: 0, buffers: 17812 },
      swapKiB: { total: 642560, used: 5344, free: 637216, cached: 83440 },
    });
  });

  it('reads row 1169: blender on node 407 at 85.5 %CPU with 38M = 38912 KiB resident', () => {
    const result = parseMtop(fixture('tutorial'));
    if (!result.ok) expect.fail(result.error.message);
    expect(result.value.processes).toHaveLength(7);
    expect(result.value.processes[0]).toEqual({
      pid: 1169, user: 'root', pri: 17, ni: 0, sizeKiB: 39328, rssKiB: 38912, shareKiB: 676, stat: 'S',
      node: 407, cpu: 85.5, mem: 15.4, time: '0:17', timeSeconds: 17, command: 'blender', extra: {},
    });
    expect(result.value.processes.map((process) => process.node)).toEqual([407, 266, 266, 0, 0, 0, 0]);
  });

  it('reads rows whose node id overflows N# and shifts the later columns', () => {
    const result = parseMtop(fixture('overflow'));
    if (!result.ok) expect.fail(result.error.message);
    const [, alice, wide, zombie, niced] = result.value.processes;
    expect(alice).toMatchObject({ node: 2780, cpu: 0, mem: 0.4, sizeKiB: 1229, rssKiB: 1126 });
    expect(wide).toMatchObject({
      node: 40000, stat: 'R N', sizeKiB: 1258291, timeSeconds: 1234 * 60,
      command: 'blender -b /home/alice/my scenes/shot 1.blend -s 1 -e 235 -a',
    });
    expect(zombie).toMatchObject({ stat: 'Z', command: 'blender <defunct>', timeSeconds: 31 * 3600 });
    expect(niced).toMatchObject({ stat: 'S <', pri: -5, ni: -10, node: 65535 });
  });

  it('sums CPUn states lines and reads the total/buffers memory layout', () => {
    const result = parseMtop(fixture('smp-newer-layout'));
    if (!result.ok) expect.fail(result.error.message);
    expect(result.value.cpuStates).toEqual({ user: 160.5, system: 7.1, nice: 0, idle: 32.4 });
    expect(result.value.memKiB).toEqual({ total: 255488, used: 171020, free: 84468, buffers: 17820 });
    expect(result.value.uptime).toBe('3 days, 4:12');
  });

  it('reads batch output with its blank lines the same as the interactive frame', () => {
    const batch = parseMtop(fixture('batch'));
    const tutorial = parseMtop(fixture('tutorial'));
    if (!batch.ok || !tutorial.ok) expect.fail('both should parse');
    expect(batch.value).toEqual(tutorial.value);
  });

  it('reads only the first of several frames, with a warning', () => {
    const result = parseMtop(fixture('two-frames'));
    expect(result.ok && result.value.processes).toHaveLength(7);
    expect(result.ok && result.warnings[0]?.line).toBe(16);
  });

  it('names the line of a broken Mem line', () => {
    const result = parseMtop(fixture('bad-mem'));
    expect(!result.ok && [result.error.line, result.error.code]).toEqual([4, 'malformed']);
  });

  it('rejects a top header without N#', () => {
    const result = parseMtop(fixture('missing-node-column'));
    expect(!result.ok && result.error.message).toContain('N#');
  });

  it('strips terminal escape sequences', () => {
    const text = fixture('tutorial').replace('  PID USER', '\x1b[7m  PID USER').replace('COMMAND', 'COMMAND\x1b[m');
    const result = parseMtop(text);
    expect(result.ok && result.value.processes).toHaveLength(7);
  });
});
