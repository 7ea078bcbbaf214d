// The dashboard's entry refuses bad requests with one line before forking (the runs on real Blender
// are in startRender.integration.test.ts).
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { createStartRender } from '../../src/launcher/startRender.js';
import type { StartRender } from '../../src/launcher/types.js';

describe('createStartRender without blender work', () => {
  it('rejects bad requests with one line before forking', async () => {
    const start: StartRender = createStartRender({ cwd: tmpdir() });
    await expect(start({ blendFile: 'no-such.blend', start: 1, end: 2, parts: 1 })).rejects.toThrow(/^cannot read no-such\.blend: no such file$/);
    await expect(start({ blendFile: 'x.blend', start: 5, end: 2, parts: 1 })).rejects.toThrow('START (5) is after END (2)');
  });
});
