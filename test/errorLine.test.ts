import { describe, expect, it } from 'vitest';
import { errorLine, ioErrorLine, ioErrorReason } from '../src/errorLine.js';

const withCode = (code: string, message = `${code}: something, open '/x'`): Error => Object.assign(new Error(message), { code });

describe('errorLine', () => {
  it('keeps the first line of a message, of an Error or of anything thrown', () => {
    expect(errorLine(new Error('first\n    at somewhere.ts:1'))).toBe('first');
    expect(errorLine('plain text')).toBe('plain text');
    expect(errorLine(42)).toBe('42');
  });
});

describe('ioErrorReason', () => {
  it('names the causes a user can act on, and nothing for an error without a known code', () => {
    expect(ioErrorReason(withCode('ENOSPC'))).toBe('no space left on device');
    expect(ioErrorReason(withCode('EROFS'))).toBe('read-only file system');
    expect(ioErrorReason(withCode('EDQUOT'))).toBe('disk quota exceeded');
    expect(ioErrorReason(withCode('EACCES'))).toBe('permission denied');
    expect(ioErrorReason(withCode('EWHATEVER'))).toBeNull();
    expect(ioErrorReason(new Error('plain'))).toBeNull();
  });
});

describe('ioErrorLine', () => {
  it('says what a failed file or stream operation means, in plain words', () => {
    expect(ioErrorLine(withCode('ENOENT'))).toBe('no such file');
    expect(ioErrorLine(withCode('EPERM'))).toBe('permission denied');
    expect(ioErrorLine(withCode('ENOTDIR'))).toBe('a parent is not a directory');
    expect(ioErrorLine(withCode('ENOSPC'))).toBe('no space left on device');
  });

  it('falls back to the first line of the message, then the code', () => {
    expect(ioErrorLine(withCode('EIO', 'EIO: i/o error, read\nmore'))).toBe('EIO: i/o error, read');
    expect(ioErrorLine(withCode('EIO', ''))).toBe('EIO');
    expect(ioErrorLine(new Error(''))).toBe('unknown error');
  });
});
