import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseMps } from '../../parsers/mps.js';

const fixture = (name: string): string => readFileSync(new URL(`../../fixtures/mps/${name}.txt`, import.meta.url), 'utf8');

describe('parseMps', () => {
  it('reads the tutorial: the render script at home, blenders migrated to 266 and 258', () => {
    const result = parseMps(fixture('tutorial'));
    if (!result.ok) expect.fail(result.error.message);
    const { processes } = result.value;
    expect(processes).toHaveLength(9);
    expect(processes.find((process) => process.pid === 1159)).toEqual({
      pid: 1159, tty: '?', node: 0, stat: 'S', time: '0:00', timeSeconds: 0,
      command: '/bin/sh render blacksmith-jpeg.blend 1 235 4', extra: {},
    });
    const blenders = processes.filter((process) => process.command === '(blender)');
    expect(blenders.map((process) => [process.pid, process.node, process.timeSeconds])).toEqual([
      [1166, 266, 160], [1169, 266, 351], [1172, 258, 256], [1175, 258, 108],
    ]);
  });

  it('reads the 2.6 beta rows where STAT touches TIME and NODE is -1', () => {
    const result = parseMps('  PID TTY NODE STAT TIME COMMAND\n 4501  ?    -1 R N227:33 ./dnetc\n');
    expect(result.ok && result.value.processes[0]).toMatchObject({ node: -1, stat: 'R N', time: '227:33', timeSeconds: 13653, command: './dnetc' });
  });

  it('finds columns by header, whatever their order, and keeps unknown ones in extra', () => {
    const result = parseMps('NODE   PID STAT  WCHAN TTY  TIME COMMAND\n  266  1166 S    do_sel ?    2:40 (blender)\n');
    expect(result.ok && result.value.processes[0]).toEqual({
      pid: 1166, tty: '?', node: 266, stat: 'S', time: '2:40', timeSeconds: 160, command: '(blender)', extra: { WCHAN: 'do_sel' },
    });
  });

  it('reads user, %CPU and %MEM from an aux-style header', () => {
    const result = parseMps(fixture('aux'));
    expect(result.ok && result.value.processes[1]).toMatchObject({ user: 'root', cpu: 42.6, mem: 14.7, node: 266 });
  });

  it('fails on a row whose PID is not a number, naming the line, even when rows follow', () => {
    expect(parseMps(fixture('bad-pid'))).toEqual({ ok: false, error: { line: 3, code: 'malformed', message: 'expected a PID, got "abc"' } });
  });

  it('turns text after the table into a warning', () => {
    const result = parseMps(fixture('trailing-garbage'));
    expect(result.ok && result.value.processes).toHaveLength(9);
    expect(result.ok && result.warnings).toEqual([{ line: 12, message: expect.stringContaining('"zsh:"') }]);
  });

  it('fails on a truncated last row rather than dropping it', () => {
    const result = parseMps('  PID TTY NODE STAT TIME COMMAND\n 1100 ?      0 S    0:00 -zsh\n 1146 ?      0 S\n');
    expect(!result.ok && result.error).toEqual({ line: 3, code: 'malformed', message: 'expected a CPU time, got end of line' });
  });

  it('rejects a ps header without NODE', () => {
    const result = parseMps(fixture('plain-ps'));
    expect(!result.ok && result.error.message).toContain('NODE');
  });

  it('reports empty input as empty', () => {
    expect(parseMps('')).toEqual({ ok: false, error: { line: 0, code: 'empty', message: 'expected mps output, got empty input' } });
  });
});
