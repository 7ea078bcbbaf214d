import { describe, expect, it } from 'vitest';
import { classifyToolError, classifyToolOutput } from '../../parsers/toolErrors.js';

describe('classifyToolError', () => {
  it.each([
    // Real texts (real-captures/, the live cluster, format strings in the binaries).
    ['Error: Network is unreachable', 'down'],
    ['Node #999 is not configured', 'not-configured'],
    ['Node at 10.0.1.99 is not configured', 'not-configured'],
    ['This is NOT a OpenMosix system!', 'not-openmosix'],
    ['Error: this is not OpenMosix!', 'not-openmosix'],
    ['migrate ignored: This is not a OpenMosix system!', 'not-openmosix'],
    ['OpenMosix is currently disabled', 'disabled'],
    ['Usage: /sbin/mosctl command', 'usage'],
    ['Usage: sbin/migrate pid {OpenMosix-ID|home|balance}', 'usage'],
    ['/sbin/mosctl: No such option.', 'unknown-command'],
    ["mtop: Unknown argument `b'", 'unknown-command'],
    ['Permission denied.', 'permission-denied'],
    ['No such process (1234).', 'no-such-process'],
    ['Process #1234 is unmovable.', 'unmovable'],
    ['Process was already sent elsewhere.', 'unmovable'],
    ['Getting tune values: No such file or directory', 'tool-error'],
    // Older or reconstructed wordings, still read.
    ['Node #407 is not up', 'down'],
    ['This is NOT an openMosix system!', 'not-openmosix'],
    ['mosmon: This is NOT a openMosix system!', 'not-openmosix'],
    ['mosctl: Permission denied', 'permission-denied'],
    ['migrate: no such process', 'no-such-process'],
  ])('%s → %s', (text, code) => {
    expect(classifyToolError(`${text}\n`)?.code).toBe(code);
  });

  it('gives the line of the first error among other output, in the tool\'s own words', () => {
    expect(classifyToolError('\nsome chatter\nError: Network is unreachable\n')).toEqual({ line: 3, code: 'down', message: 'Error: Network is unreachable' });
  });

  it('returns null for ordinary output', () => {
    expect(classifyToolError('speed=26842.\n')).toBeNull();
    expect(classifyToolError('up,stay.\n')).toBeNull();
    expect(classifyToolError('')).toBeNull();
  });

  it('keeps control bytes out of the message and ignores lines no error is as long as', () => {
    expect(classifyToolError('mosctl:\x1b Permission denied')).toBeNull();
    expect(classifyToolError('Node #4\x0707 is not up')?.message).toBe('Node #4?07 is not up');
    expect(classifyToolError(`Node #${'1'.repeat(300)} is not configured`)).toBeNull();
  });
});

describe('classifyToolOutput', () => {
  it('finds mosctl\'s "down" on stderr although it exits 0', () => {
    expect(classifyToolOutput({ stdout: '', stderr: 'Error: Network is unreachable\n', exitCode: 0 })).toEqual({
      line: 1, code: 'down', message: 'Error: Network is unreachable', stream: 'stderr',
    });
  });

  it('finds an error printed on stdout instead of the output (No such option., migrate usage)', () => {
    expect(classifyToolOutput({ stdout: '/sbin/mosctl: No such option.\n', stderr: '', exitCode: 1 })).toMatchObject({ code: 'unknown-command', stream: 'stdout' });
  });

  it('never reads an error out of data further down stdout (an mps row may hold the words)', () => {
    const mps = '  PID TTY NODE STAT TIME COMMAND\nError: Network is unreachable\n';
    expect(classifyToolOutput({ stdout: mps, stderr: '', exitCode: 0 })).toBeNull();
    expect(classifyToolOutput({ stdout: 'load=1\n', stderr: '', exitCode: 0 })).toBeNull();
  });
});
