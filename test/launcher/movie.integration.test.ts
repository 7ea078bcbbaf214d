// Movie assembly with the real ffmpeg and mencoder, on frames ffmpeg draws itself (odd size on purpose).
// (The command lines alone are checked in movie.test.ts.)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assembleMovie, type MovieRequest } from '../../src/launcher/movie.js';
import { findProgram } from '../../src/launcher/findProgram.js';
import { BLENDER_REQUIRED } from './support/blender.js';

const ffmpeg = findProgram('ffmpeg', process.env.PATH, process.cwd());
const ffprobe = findProgram('ffprobe', process.env.PATH, process.cwd());
const mencoder = findProgram('mencoder', process.env.PATH, process.cwd());
const SKIP = ffmpeg === null || ffprobe === null;

it('ffmpeg, ffprobe and mencoder are installed where OMTOP_REQUIRE_BLENDER=1 (CI) requires them', () => {
  expect(!BLENDER_REQUIRED || (ffmpeg !== null && ffprobe !== null && mencoder !== null)).toBe(true);
});

describe.skipIf(SKIP)(`movie assembly with real tools${SKIP ? ' (skipped: ffmpeg/ffprobe not installed)' : ''}`, () => {
  let dir = '';
  const frames: string[] = [];

  beforeAll(() => {
    if (ffmpeg === null) throw new Error('unreachable: the describe is skipped without ffmpeg');
    dir = mkdtempSync(join(tmpdir(), 'omtop-movie-test-'));
    // Frames 7..13 with a gap at 10: the movie must still get every listed frame.
    execFileSync(ffmpeg, ['-v', 'error', '-f', 'lavfi', '-i', 'testsrc=size=33x25:rate=12', '-frames:v', '7', '-start_number', '7', join(dir, 'f_%04d.jpg')]);
    for (const frame of [7, 8, 9, 11, 12, 13]) frames.push(join(dir, `f_${String(frame).padStart(4, '0')}.jpg`));
  });
  afterAll(() => {
    if (dir !== '') rmSync(dir, { recursive: true, force: true });
  });

  const base = (): MovieRequest => ({ file: '', fps: 12, width: 33, height: 25, ffmpeg, ffprobe, mencoder });

  it('ffmpeg makes a movie of exactly the frames, odd size and gap included', async () => {
    const file = join(dir, 'odd size.mp4');
    const result = await assembleMovie({ ...base(), file }, frames);
    expect(result).toMatchObject({ ok: true, tool: 'ffmpeg', frames: 6 });
    const probed = execFileSync(ffprobe ?? 'ffprobe', ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'stream=width,height', '-of', 'csv=p=0', file], { encoding: 'utf8' });
    expect(probed.trim()).toBe('32,24');
  });

  it.skipIf(mencoder === null)('mencoder (no ffmpeg) makes the AVI and its frame count is checked', async () => {
    const file = join(dir, 'tutorial.avi');
    const result = await assembleMovie({ ...base(), file, ffmpeg: null, ffprobe: null }, frames);
    expect(result).toMatchObject({ ok: true, tool: 'mencoder', frames: 6 });
  });

  it('fails loudly when the movie does not hold every frame', async () => {
    const broken = join(dir, 'f_0099.jpg');
    writeFileSync(broken, 'not a jpeg at all');
    const result = await assembleMovie({ ...base(), file: join(dir, 'broken.mp4') }, [...frames, broken]);
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/has 6 frames, expected 7$/);
  });

  it('says so when no tool is installed', async () => {
    const result = await assembleMovie({ ...base(), file: join(dir, 'x.mp4'), ffmpeg: null, mencoder: null }, frames);
    expect(result).toEqual({ ok: false, message: 'no movie: neither ffmpeg nor mencoder is installed' });
  });
});
