import { describe, expect, it } from 'vitest';
import { classifyToolError } from '../../parsers/toolErrors.js';

describe('classifyToolError', () => {
  it.each([
    ['Node #407 is not up', 'not-up'],
    ['Node #999 is not configured', 'not-configured'],
    ['This is NOT an openMosix system!', 'not-openmosix'],
    ['mosmon: This is NOT a openMosix system!', 'not-openmosix'],
    ['Error: this is not OpenMosix!', 'not-openmosix'],
    ['mosctl: Permission denied', 'permission-denied'],
    ['migrate: Permission denied', 'permission-denied'],
    ['Usage: /usr/bin/mosctl command', 'usage'],
    ['migrate: no such process', 'tool-error'],
  ])('%s → %s', (text, code) => {
    expect(classifyToolError(`${text}\n`)?.code).toBe(code);
  });

  it('gives the line of the first error among other output', () => {
    expect(classifyToolError('\nsome chatter\nNode #407 is not up\n')).toEqual({ line: 3, code: 'not-up', message: 'Node #407 is not up' });
  });

  it('returns null for ordinary output', () => {
    expect(classifyToolError('speed=26842.\n')).toBeNull();
    expect(classifyToolError('Node #266 is up\n')).toBeNull();
    expect(classifyToolError('')).toBeNull();
  });

  it('keeps control bytes out of the message', () => {
    expect(classifyToolError('mosctl:\x1b Permission denied')).toBeNull();
    expect(classifyToolError('Node #4\x0707 is not up')?.message).toBe('Node #4?07 is not up');
  });
});
