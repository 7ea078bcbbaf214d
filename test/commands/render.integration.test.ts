// `omtop render` end to end on real Blender: the tutorial's lines, JSON events, Ctrl-C on the real
// process, and the movie. (Bad input, which never forks, is in render.test.ts.)
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findProgram } from '../../src/launcher/findProgram.js';
import { blenderRequirementTest, makeScene, processesMentioning, requireBlender, SKIP_REASON, SKIP_WITHOUT_BLENDER } from '../launcher/support/blender.js';
import { writeFakeBlender } from '../launcher/support/fakeBlender.js';
import { runRender as run } from './support/runRender.js';

const OMTOP = fileURLToPath(new URL('../../bin/omtop.js', import.meta.url));

blenderRequirementTest();

describe.skipIf(SKIP_WITHOUT_BLENDER)(`omtop render on real blender${SKIP_WITHOUT_BLENDER ? ` (skipped: ${SKIP_REASON})` : ''}`, () => {
  let dir = '';
  beforeAll(() => {
    requireBlender();
    dir = mkdtempSync(join(tmpdir(), 'omtop-cli-'));
    makeScene(join(dir, 'scene.blend'), 40);
  }, 180_000);
  afterAll(() => {
    if (dir !== '') rmSync(dir, { recursive: true, force: true });
  });

  it("prints the tutorial's lines with true numbers, one line per frame, and checks the files", async () => {
    const result = await run(['scene.blend', '1', '6', '2', '--split', 'even'], dir);
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines.slice(0, 4).map((l) => l.replace(/\d\d-\d\d-\d\d \d\d:\d\d:\d\d/, 'DATE'))).toEqual([
      'Rendering 6 images from scene.blend on 2 nodes.',
      'Tasks forked, network rendering in progress.',
      'Job started at: DATE',
      'Please wait while rendering...',
    ]);
    expect(lines.filter((l) => /^Frame \d+ done \[\d+\/6\]/.test(l))).toHaveLength(6);
    expect(lines.at(-2)).toBe('Rendering successfully finished.');
    expect(lines.at(-1)).toMatch(/^Job ended at: \d\d-\d\d-\d\d \d\d:\d\d:\d\d$/);
    // The .blend's own output setting, //rendered/frame_####, relative to the .blend.
    expect(readdirSync(join(dir, 'rendered')).filter((n) => n.endsWith('.jpg'))).toHaveLength(6);
  }, 60_000);

  it('reduces PARTS to the frame count with a warning; --json prints one event per line', async () => {
    const result = await run(['scene.blend', '1', '40', '5', '--frames', '7-8', '--out', 'json', '--json'], dir);
    expect(result.code).toBe(0);
    expect(result.stderr.trim()).toBe('omtop: warning: only 2 frame(s) to render: using 2 part(s) instead of 5');
    const events = result.stdout.trim().split('\n').map((line) => JSON.parse(line) as { type: string; frame?: number; state?: string });
    expect(events[0]).toMatchObject({ type: 'job-start', frames: '7-8', parts: 2 });
    expect(events.filter((e) => e.type === 'frame-done').map((e) => e.frame).sort()).toEqual([7, 8]);
    expect(events.at(-1)).toMatchObject({ type: 'job-end', state: 'finished' });
  }, 60_000);

  it('--on-done runs its command with the outcome in the environment; --out-pattern names the files as blender\'s -o', async () => {
    const envFile = join(dir, 'on-done.env');
    const hook = `sh -c 'env | grep ^OMTOP_ | sort > "$1"' hook ${envFile}`;
    const result = await run(['scene.blend', '1', '2', '2', '--out-pattern', 'hooked/shot_##', '--on-done', hook], dir);
    expect(result.code).toBe(0);
    expect(readdirSync(join(dir, 'hooked')).filter((n) => n.endsWith('.jpg')).sort()).toEqual(['shot_01.jpg', 'shot_02.jpg']);
    const env = readFileSync(envFile, 'utf8');
    expect(env).toContain('OMTOP_STATUS=finished\n');
    expect(env).toContain('OMTOP_FRAMES_DONE=2\n');
    expect(env).toContain('OMTOP_FRAMES_EXPECTED=2\n');
    expect(env).toContain(`OMTOP_OUTPUT_DIR=${join(dir, 'hooked')}\n`);
    expect(env).toContain('OMTOP_MOVIE=\n');
    const failing = await run(['scene.blend', '1', '2', '2', '--out-pattern', 'hooked/shot_##', '--resume', '--on-done', 'false'], dir);
    expect(failing.code).toBe(0);
    expect(failing.stderr.trim()).toMatch(/^omtop: --on-done: false: exited with (code|status) 1/);
  }, 60_000);

  it('names the missing frames and the logs, and exits 1, when blender writes nothing', async () => {
    const fake = writeFakeBlender(dir, 'lazy-blender', 'echo "Blender 3.4.1"\necho "Blender quit"\nexit 0');
    const result = await run(['scene.blend', '1', '4', '2', '--out', 'lazy', '--blender', fake, '--retries', '1', '--split', 'even'], dir);
    expect(result.code).toBe(1);
    expect(result.stdout).not.toContain('Rendering successfully finished.');
    expect(result.stderr).toMatch(/^omtop: rendering failed: 4 frame\(s\) missing: 1-4; logs in .*\.omtop-logs/m);
    expect(result.stderr).toMatch(/^omtop: part logs: .*part-1\.log .*part-2\.log$/m);
    expect(result.stdout.match(/frames \d-\d not rendered/g)).toHaveLength(4); // 2 parts x (1 try + 1 retry)
  }, 60_000);

  it("blender's hostile words reach the terminal escaped, on stdout and stderr", async () => {
    // An error line that would retitle the terminal, reset it and send an 8-bit CSI, then a failure.
    const fake = writeFakeBlender(dir, 'hostile-blender', "printf 'Error: \\033]0;pwned\\007 \\033c \\302\\233x\\n'\nexit 1");
    const raw = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
    const result = await execa(process.execPath, [OMTOP, 'render', 'scene.blend', '1', '2', '1', '--out', 'hostile', '--blender', fake, '--retries', '0'],
      { cwd: dir, reject: false, timeout: 50_000 });
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain('(Error: \\u001b]0;pwned\\u0007 \\u001bc \\u009bx)');
    expect(result.stderr).toContain('blender failed on every part: Error: \\u001b]0;pwned\\u0007 \\u001bc \\u009bx');
    expect(result.stdout).not.toMatch(raw);
    expect(result.stderr).not.toMatch(raw);
  }, 60_000);

  it('Ctrl-C stops every blender process, keeps finished frames and prints how to resume', async () => {
    const name = "ctrl c 'test'.blend";
    execFileSync('cp', [join(dir, 'scene.blend'), join(dir, name)]);
    const child = spawn(process.execPath, [OMTOP, 'render', name, '1', '40', '2', '--out', 'ctrlc', '--size', '96x72'], {
      cwd: dir, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    const firstFrame = new Promise<void>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        if (stdout.includes('Frame ')) resolve();
      });
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    await firstFrame;
    expect(processesMentioning(name).length).toBeGreaterThan(1); // omtop and its blender parts
    child.kill('SIGINT');
    const code = await exited;
    expect(code).toBe(130);
    expect(processesMentioning(name)).toEqual([]);
    expect(stderr).toContain(`omtop: resume with: omtop render --resume 'ctrl c '\\''test'\\''.blend' 1 40 2 --out ctrlc --size 96x72`);
    const kept = readdirSync(join(dir, 'ctrlc')).filter((n) => n.endsWith('.jpg'));
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.length).toBeLessThan(40);
  }, 90_000);

  it("Ctrl-C while the parts' blenders are still loading stops them all and exits 130", async () => {
    // Each part's blender takes 5 s to start, so the signal comes while omtop still prepares the job.
    const slow = join(dir, 'slow-blender');
    writeFileSync(slow, `#!/bin/sh\nsleep 5\nexec '${requireBlender()}' "$@"\n`);
    chmodSync(slow, 0o755);
    const child = spawn(process.execPath, [OMTOP, 'render', 'scene.blend', '1', '40', '2', '--out', 'early', '--blender', slow], {
      cwd: dir, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    const needle = join(dir, 'early');
    while (processesMentioning(needle).length < 2) await new Promise((resolve) => setTimeout(resolve, 50));
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(stderr).toBe('omtop: cancelled before any frame was rendered\n');
    expect(processesMentioning(needle)).toEqual([]);
    expect(readdirSync(needle).filter((name) => !name.startsWith('.omtop-logs'))).toEqual([]);
  }, 90_000);

  it('assembles the movie with ffmpeg and checks its frame count', async () => {
    const result = await run(['scene.blend', '1', '5', '2', '--out', 'movie', '--movie', 'movie/out.mp4', '--fps', '12'], dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Movie ');
    const ffprobe = findProgram('ffprobe', process.env.PATH, dir) ?? 'ffprobe';
    const frames = execFileSync(ffprobe, ['-v', 'error', '-count_frames', '-select_streams', 'v:0', '-show_entries', 'stream=nb_read_frames', '-of', 'csv=p=0', join(dir, 'movie/out.mp4')], { encoding: 'utf8' });
    expect(frames.trim()).toBe('5');
  }, 60_000);

  it.skipIf(findProgram('mencoder', process.env.PATH, '/') === null)('falls back to mencoder when ffmpeg is not on PATH', async () => {
    const bin = join(dir, 'bin-no-ffmpeg');
    mkdirSync(bin);
    for (const tool of ['blender', 'mencoder']) {
      const path = findProgram(tool, process.env.PATH, dir);
      if (path === null) throw new Error(`${tool} is needed for this test`);
      symlinkSync(path, join(bin, tool));
    }
    const result = await run(['scene.blend', '1', '3', '1', '--out', 'menc', '--movie', 'menc/out.avi'], dir, { ...process.env, PATH: bin });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('(mencoder)');
  }, 60_000);
});
