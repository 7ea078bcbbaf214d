import { parseArgs } from 'node:util';
import { describe, expect, it } from 'vitest';
import { describeArgsError } from '../src/argsError.js';

/** The error node:util parseArgs really throws for these words. */
function errorFor(args: string[]): unknown {
  try {
    parseArgs({ args, options: { interval: { type: 'string', short: 'd' } }, allowPositionals: true, strict: true });
  } catch (error) {
    return error;
  }
  throw new Error(`parseArgs accepted ${args.join(' ')}`);
}

describe('describeArgsError', () => {
  it('explains a value that starts with "-" with the long option name, in one line', () => {
    expect(describeArgsError(errorFor(['-d', '-1']))).toBe('-d needs a value; write --interval=VALUE for one that starts with "-"');
    expect(describeArgsError(errorFor(['--interval', '-1']))).toBe('--interval needs a value; write --interval=VALUE for one that starts with "-"');
  });

  it('says a negative number is not an option', () => {
    expect(describeArgsError(errorFor(['-5']))).toBe('"-5" is not an option; to pass a value that starts with "-", put the arguments after "--"');
  });

  it('keeps the first line of anything else', () => {
    expect(describeArgsError(errorFor(['--bogus']))).toBe("Unknown option '--bogus'");
    expect(describeArgsError(new Error('first\nsecond'))).toBe('first');
  });
});
