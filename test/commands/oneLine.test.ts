import { describe, expect, it } from 'vitest';
import { oneLine } from '../../src/commands/oneLine.js';

describe('oneLine', () => {
  it('escapes newlines and other control characters, so an error stays one line', () => {
    expect(oneLine('frames/a\nb.blend')).toBe('frames/a\\nb.blend');
    expect(oneLine('x\r\ty\u0007')).toBe('x\\r\\ty\\u0007');
  });

  it('leaves ordinary text, spaces, quotes and non-ASCII alone', () => {
    expect(oneLine('my scene "v2" — ünï.blend')).toBe('my scene "v2" — ünï.blend');
  });
});
