// Partial names and the rename that replaces a frame: never a half file under a frame's name, and
// only this job's partials are ever removed.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { discardPartial, discardPartialsOfJob, partialPrefix, partialsOutsideFolder, publishFrame } from '../../src/launcher/partialFrames.js';

const dir = mkdtempSync(join(tmpdir(), 'omtop-partial-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('partial frames', () => {
  it('names partials hidden and per job, and refuses a job id that is not a plain word', () => {
    expect(partialPrefix('20261129-105050-ab12')).toBe('.omtop-partial-20261129-105050-ab12-');
    expect(() => partialPrefix('../x')).toThrow(RangeError);
    expect(() => partialPrefix('')).toThrow(RangeError);
  });

  it('publishFrame replaces the old frame in one rename, and only with a non-empty partial', async () => {
    const final = join(dir, 'frame_0001.jpg');
    const partial = join(dir, '.omtop-partial-J-frame_0001.jpg');
    writeFileSync(final, 'old');
    writeFileSync(partial, '');
    expect(await publishFrame(partial, final)).toBe(false);
    expect(readFileSync(final, 'utf8')).toBe('old');
    expect(await publishFrame(join(dir, 'no-such-partial'), final)).toBe(false);
    writeFileSync(partial, 'new');
    expect(await publishFrame(partial, final)).toBe(true);
    expect(readFileSync(final, 'utf8')).toBe('new');
    expect(readdirSync(dir)).toEqual(['frame_0001.jpg']);
    rmSync(final);
  });

  it('discardPartial removes the partial and accepts one that is already gone', async () => {
    const partial = join(dir, '.omtop-partial-J-frame_0002.jpg');
    writeFileSync(partial, 'half');
    await discardPartial(partial);
    await discardPartial(partial);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('discardPartialsOfJob removes that job\'s partials only', async () => {
    const names = ['.omtop-partial-dead-frame_0001.jpg', '.omtop-partial-dead-frame_0002.jpg', '.omtop-partial-alive-frame_0001.jpg', 'frame_0001.jpg', '.omtop-partial-deadly-frame_0001.jpg'];
    for (const name of names) writeFileSync(join(dir, name), 'x');
    expect(await discardPartialsOfJob(dir, 'dead')).toBe(2);
    expect(readdirSync(dir).sort()).toEqual(['.omtop-partial-alive-frame_0001.jpg', '.omtop-partial-deadly-frame_0001.jpg', 'frame_0001.jpg']);
  });

  it('partialsOutsideFolder lists frames whose partial is elsewhere, missing, or the frame itself', () => {
    const finals = new Map([[1, '/out/f1.jpg'], [2, '/out/f2.jpg'], [3, '/out/f3.jpg'], [4, '/out/f4.jpg']]);
    const partials = new Map([[1, '/out/.p-f1.jpg'], [2, '/other/.p-f2.jpg'], [4, '/out/f4.jpg']]);
    expect(partialsOutsideFolder(finals, partials)).toEqual(['/out/f2.jpg', '/out/f3.jpg', '/out/f4.jpg']);
  });
});
