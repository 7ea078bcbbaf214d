import { describe, expect, it } from 'vitest';
import { describeCommand, toArgv } from '../../src/cluster/argv.js';
import type { ClusterCommand } from '../../src/cluster/commands.js';

describe('toArgv', () => {
  it.each<[ClusterCommand, string]>([
    [{ type: 'expel' }, 'mosctl expel'],
    [{ type: 'bring' }, 'mosctl bring'],
    [{ type: 'migrate', pid: 1169, to: 266 }, 'migrate 1169 266'],
    [{ type: 'migrate', pid: 1169, to: 'home' }, 'migrate 1169 home'],
    [{ type: 'migrate', pid: 1169, to: 'balance' }, 'migrate 1169 balance'],
    [{ type: 'setFlag', flag: 'stay', on: true }, 'mosctl stay'],
    [{ type: 'setFlag', flag: 'stay', on: false }, 'mosctl nostay'],
    [{ type: 'setFlag', flag: 'lstay', on: true }, 'mosctl lstay'],
    [{ type: 'setFlag', flag: 'lstay', on: false }, 'mosctl nolstay'],
    [{ type: 'setFlag', flag: 'block', on: true }, 'mosctl block'],
    [{ type: 'setFlag', flag: 'block', on: false }, 'mosctl noblock'],
    [{ type: 'setFlag', flag: 'quiet', on: true }, 'mosctl quiet'],
    [{ type: 'setFlag', flag: 'quiet', on: false }, 'mosctl noquiet'],
    [{ type: 'signal', pid: 1169, signal: 'TERM' }, 'kill -TERM 1169'],
    [{ type: 'signal', pid: 1169, signal: 'KILL' }, 'kill -KILL 1169'],
    [{ type: 'signal', pid: 42, signal: 'STOP' }, 'kill -STOP 42'],
    [{ type: 'signal', pid: 42, signal: 'CONT' }, 'kill -CONT 42'],
  ])('%j → %s', (command, expected) => {
    expect(toArgv(command).join(' ')).toBe(expected);
    expect(toArgv(command)).toEqual(expected.split(' '));
  });

  it.each<ClusterCommand>([
    { type: 'migrate', pid: 0, to: 266 },
    { type: 'migrate', pid: 1.5, to: 266 },
    { type: 'migrate', pid: 1169, to: 70000 },
    { type: 'migrate', pid: 1169, to: 0 },
    { type: 'signal', pid: -1, signal: 'KILL' },
  ])('refuses %j with a one-line RangeError', (command) => {
    expect(() => toArgv(command)).toThrow(RangeError);
  });

  it('labels commands the way users type them', () => {
    expect(describeCommand({ type: 'setFlag', flag: 'block', on: false })).toBe('noblock');
    expect(describeCommand({ type: 'migrate', pid: 7, to: 'home' })).toBe('migrate 7 home');
    expect(describeCommand({ type: 'signal', pid: 7, signal: 'TERM' })).toBe('kill -TERM 7');
  });
});
