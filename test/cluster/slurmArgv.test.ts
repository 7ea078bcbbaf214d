import { describe, expect, it } from 'vitest';
import { describeCommand, toArgv } from '../../src/cluster/argv.js';
import type { SlurmCommand } from '../../src/cluster/commands.js';

describe('Slurm commands → argv', () => {
  it.each<[SlurmCommand, string[], string]>([
    [{ type: 'drain', node: 'n3', reason: 'disk check, back at 5' }, ['scontrol', 'update', 'nodename=n3', 'state=drain', 'reason=disk check, back at 5'], 'drain n3'],
    [{ type: 'resume', node: 'n3' }, ['scontrol', 'update', 'nodename=n3', 'state=resume'], 'resume n3'],
    [{ type: 'requeue', job: '42' }, ['scontrol', 'requeue', '42'], 'requeue 42'],
    [{ type: 'cancel', job: '5_2' }, ['scancel', '5_2'], 'scancel 5_2'],
    [{ type: 'cancel', job: '5_[4-6]' }, ['scancel', '5_[4-6]'], 'scancel 5_[4-6]'],
    [{ type: 'jobSignal', job: '5_2', signal: 'STOP' }, ['scancel', '--full', '--signal=STOP', '5_2'], 'signal STOP 5_2'],
    [{ type: 'hold', job: '9' }, ['scontrol', 'hold', '9'], 'hold 9'],
    [{ type: 'release', job: '9' }, ['scontrol', 'release', '9'], 'release 9'],
  ])('%o', (command, argv, label) => {
    expect(toArgv(command)).toEqual(argv);
    expect(describeCommand(command)).toBe(label);
  });

  it('refuses words Slurm would read as something else', () => {
    expect(() => toArgv({ type: 'drain', node: 'n[1-4]', reason: 'x' })).toThrow('not a Slurm node name: "n[1-4]"');
    expect(() => toArgv({ type: 'resume', node: '--all' })).toThrow(RangeError);
    expect(() => toArgv({ type: 'drain', node: 'n1', reason: '   ' })).toThrow('a drain needs a reason');
    expect(() => toArgv({ type: 'drain', node: 'n1', reason: 'a\nb' })).toThrow(/one line/);
    expect(() => toArgv({ type: 'cancel', job: '-u root' })).toThrow('not a Slurm job id: "-u root"');
    expect(() => toArgv({ type: 'hold', job: '12 13' })).toThrow(RangeError);
  });
});
