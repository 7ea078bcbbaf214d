import { describe, expect, it } from 'vitest';
import { abortedResult, emptyCommandResult, exitMessage, missingResult } from '../../src/runner/results.js';

describe('runner results', () => {
  it('says a failed exit in the tool\'s own first words: stderr, then stdout, then the status', () => {
    const argv = ['mosctl', 'getload', '407'];
    expect(exitMessage(argv, 1, 'ignored\n', '\n  mosctl: Permission denied  \nmore\n')).toBe('mosctl: Permission denied');
    expect(exitMessage(argv, 1, 'Node #407 is not up\n', '')).toBe('Node #407 is not up');
    expect(exitMessage(argv, 3, '\n', '')).toBe('mosctl getload 407: exited with status 3');
  });

  it('says a status of 128 + N is a kill by signal N, never the output printed before it', () => {
    const argv = ['mosctl', 'getload', '266'];
    expect(exitMessage(argv, 137, 'load=75\n', '')).toBe('mosctl getload 266: exited with status 137 (killed by SIGKILL)');
    expect(exitMessage(argv, 143, 'load=75\n', 'Terminated\n')).toBe('mosctl getload 266: exited with status 143 (killed by SIGTERM)');
    expect(exitMessage(argv, 255, '', 'ssh: connect to host n1: Connection refused\n')).toBe('ssh: connect to host n1: Connection refused');
  });

  it('reports a missing, cancelled or empty command as data with one line', () => {
    expect(missingResult(['mps'])).toMatchObject({ exitCode: null, failure: 'missing', message: 'mps: command not found' });
    expect(abortedResult(['mps', 'ax'], 12)).toMatchObject({ failure: 'aborted', message: 'mps ax: cancelled', durationMs: 12 });
    expect(emptyCommandResult([])).toMatchObject({ failure: 'spawn', message: 'empty command' });
  });
});
