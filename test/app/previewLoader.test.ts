import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPreviewLoader, frameLoader, type FramePreview } from '../../src/app/previewLoader.js';
import { blacksmithFrame } from '../../src/emulator/framePicture.js';

/** Waits until `check` holds (no fixed sleep: a busy machine only takes longer). */
async function until(check: () => boolean): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!check() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
}

describe('the preview loader', () => {
  it('decodes one frame at a time and then the newest wanted, skipping those in between', async () => {
    const loaded: string[] = [];
    let release: () => void = () => undefined;
    const load = async (path: string): Promise<FramePreview> => {
      loaded.push(path);
      if (path === 'a') await new Promise<void>((resolve) => (release = resolve));
      return { path, picture: null, error: 'test' };
    };
    let ready = 0;
    const loader = createPreviewLoader(() => (ready += 1), load, 0);
    loader.want('a');
    loader.want('b');
    loader.want('c');
    release();
    await until(() => ready === 2);
    expect(loaded).toEqual(['a', 'c']);
    expect(loader.current()?.path).toBe('c');
    expect(ready).toBe(2);
  });

  it('turns an unreadable or undecodable file into a line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'omtop-preview-loader-'));
    writeFileSync(join(dir, 'frame.jpg'), 'not a jpeg');
    const loader = createPreviewLoader(() => undefined);
    loader.want(join(dir, 'frame.jpg'));
    await until(() => loader.current() !== null);
    expect(loader.current()).toEqual({ path: join(dir, 'frame.jpg'), picture: null, error: 'only JPEG and PNG frames can be previewed' });
    loader.want(join(dir, 'gone.jpg'));
    await until(() => loader.current()?.path === join(dir, 'gone.jpg'));
    expect(loader.current()?.error).toMatch(/^cannot read it: .*no such file/i);
  });

  it('decodes the same bytes once (the emulated frames), other bytes anew', async () => {
    const bytes = blacksmithFrame(3);
    const load = frameLoader((path) => (path.endsWith('copy.png') ? Promise.resolve(Uint8Array.from(bytes)) : Promise.resolve(bytes)));
    const first = await load('/f/0003.png');
    const again = await load('/f/0015.png');
    const copy = await load('/f/copy.png');
    expect(first.picture).not.toBeNull();
    expect(again.picture).toBe(first.picture);
    expect(again.path).toBe('/f/0015.png');
    expect(copy.picture).not.toBe(first.picture);
    expect(copy.picture).toEqual(first.picture);
  });
});
