// The question omtop asks blender before forking: its answers and its failures, each one line.
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { queryBlendInfo } from '../../src/launcher/blendInfo.js';

const dir = mkdtempSync(join(tmpdir(), 'omtop-blendinfo-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A stand-in blender that prints `output` and exits with `code` (or sleeps when told to). */
function fakeBlender(name: string, body: string): string {
  const path = join(dir, name);
  writeFileSync(path, `#!/bin/sh\n${body}\n`);
  chmodSync(path, 0o755);
  return path;
}

const query = (blender: string, timeoutMs?: number) =>
  queryBlendInfo({ blender, blendFile: 'scene.blend', frames: [1, 2, 3], partialPrefix: '.omtop-partial-J-', ...(timeoutMs === undefined ? {} : { timeoutMs }) });

describe('queryBlendInfo', () => {
  it('reads the answer line into absolute frame paths', async () => {
    const answer = JSON.stringify({
      scene: 'Scene', pattern: '/out/frame_####', format: 'PNG', engine: 'CYCLES', width: 32, height: 24, fps: 24, frameStart: 1, frameEnd: 250,
      paths: ['/out/frame_0001.png', '/out/frame_0002.png', '/out/frame_0003.png'],
      partialPattern: '/out/.omtop-partial-J-frame_####',
      partialPaths: ['/out/.omtop-partial-J-frame_0001.png', '/out/.omtop-partial-J-frame_0002.png', '/out/.omtop-partial-J-frame_0003.png'],
    });
    const info = await query(fakeBlender('answers', `echo 'Blender 3.4.1'; echo 'OMTOP-BLEND-INFO ${answer}'`));
    expect(info.scene).toBe('Scene');
    expect([info.frameStart, info.frameEnd]).toEqual([1, 250]);
    expect(info.paths.get(2)).toBe('/out/frame_0002.png');
    expect(info.partialPaths.get(2)).toBe('/out/.omtop-partial-J-frame_0002.png');
  });

  it('names blender\'s own error when the file cannot be read', async () => {
    const blender = fakeBlender('cannot-read', `echo "Error: Cannot read file 'scene.blend': No such file or directory"; exit 1`);
    await expect(query(blender)).rejects.toThrow(/^blender could not read scene\.blend: Error: Cannot read file 'scene\.blend': No such file or directory$/);
  });

  it('reports a garbled answer as unexpected, not as a JSON syntax error', async () => {
    const blender = fakeBlender('garbled', `echo 'OMTOP-BLEND-INFO {"scene": '`);
    await expect(query(blender)).rejects.toThrow(/^unexpected answer from blender about scene\.blend$/);
  });

  it('gives up on a blender that never answers, in one line', async () => {
    const blender = fakeBlender('hangs', 'sleep 30');
    await expect(query(blender, 500)).rejects.toThrow(/^blender could not read scene\.blend: no answer within 1 s$/);
  });
});
