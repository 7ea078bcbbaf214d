// Nothing lost: blender renders under partial names that omtop renames over the old files only when
// complete, so with --overwrite a cancel, a failing blender or a killed part leaves every old frame
// as it was, and no file omtop did not create is ever deleted; one job at a time renders into the
// same frames.
import { execFileSync, spawnSync } from 'node:child_process';
import { hostname } from 'node:os';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRenderJob } from '../../src/launcher/startRender.js';
import { lockFileName } from '../../src/launcher/outputLock.js';
import type { RenderOptions } from '../../src/launcher/renderOptions.js';
import { READ_RENDER_ARGS, writeFakeBlender } from './support/fakeBlender.js';
import { CAN_MOUNT, MOUNT_SKIP_REASON, mountTinyDisk, remount, unmount } from './support/tinyDisk.js';
import { blenderRequirementTest, makeScene, requireBlender, SKIP_REASON, SKIP_WITHOUT_BLENDER } from './support/blender.js';

let dir = '';
let scene = '';

function options(extra: Partial<RenderOptions> & Pick<RenderOptions, 'start' | 'end' | 'parts'>): RenderOptions {
  return { blendFile: scene, cwd: dir, env: process.env, ...extra };
}

/** name → bytes of every file in `out` (hidden ones included, the log folder left out). */
function contents(out: string): Map<string, Buffer> {
  return new Map(readdirSync(out).filter((name) => name !== '.omtop-logs').sort().map((name) => [name, readFileSync(join(out, name))]));
}

/** The user's frames 1..count in `outDir`, from some earlier render: any bytes omtop did not write. */
function oldFrames(outDir: string, count: number): Map<string, Buffer> {
  mkdirSync(join(dir, outDir));
  for (let frame = 1; frame <= count; frame += 1) {
    writeFileSync(join(dir, outDir, `frame_${String(frame).padStart(4, '0')}.jpg`), `the user's frame ${frame}`);
  }
  return contents(join(dir, outDir));
}

blenderRequirementTest();

beforeAll(() => {
  if (SKIP_WITHOUT_BLENDER) return;
  dir = mkdtempSync(join(tmpdir(), 'omtop-frame-safety-'));
  scene = join(dir, 'scene.blend');
  makeScene(scene, 8);
}, 180_000);
afterAll(() => {
  if (dir !== '') rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(SKIP_WITHOUT_BLENDER)(`frame safety on real blender${SKIP_WITHOUT_BLENDER ? ` (skipped: ${SKIP_REASON})` : ''}`, () => {

  it('a cancel before any new frame is saved keeps every old frame, byte for byte', async () => {
    const before = oldFrames('cancel', 8);
    let cancelled: Promise<void> | undefined;
    const { handle } = await startRenderJob(options({
      start: 1, end: 8, parts: 2, split: 'even', outDir: 'cancel', overwrite: true,
      hooks: { onEvent: (event) => { if (event.type === 'part-spawn') cancelled ??= handle.cancel(); } },
    }));
    const view = await handle.done;
    await cancelled;
    expect(view.state).toBe('cancelled');
    expect(view.framesDone).toBe(0);
    expect(view.message).toBe('cancelled with 8 frame(s) not rendered: 1-8');
    expect(contents(join(dir, 'cancel'))).toEqual(before);
  }, 90_000);

  it('a blender that fails every frame under --overwrite deletes nothing', async () => {
    const before = oldFrames('failing', 4);
    const broken = writeFakeBlender(dir, 'failing-blender', 'echo "Error: Cannot read file"\nexit 1');
    const { handle } = await startRenderJob(options({ start: 1, end: 4, parts: 2, split: 'even', outDir: 'failing', overwrite: true, blender: broken }));
    const view = await handle.done;
    expect(view.state).toBe('failed');
    expect(contents(join(dir, 'failing'))).toEqual(before);
  }, 90_000);

  it('while blender writes a frame the old file stays whole; a killed part leaves no partial behind', async () => {
    const before = oldFrames('killed', 2);
    const marker = join(dir, 'killed-writing');
    // Writes half a frame under the name it was given, says so, and waits to be killed.
    const slow = writeFakeBlender(dir, 'half-writing-blender', `${READ_RENDER_ARGS}
printf 'half a frame' > "$(frame_file "$first")"
printf '%s' "$(frame_file "$first")" > '${marker}'
exec sleep 60`);
    const { handle } = await startRenderJob(options({ start: 1, end: 2, parts: 1, split: 'even', outDir: 'killed', overwrite: true, blender: slow, retries: 0 }));
    while (!existsSync(marker)) await new Promise((resolve) => setTimeout(resolve, 50));
    const partial = readFileSync(marker, 'utf8');
    expect(partial).toMatch(/\/killed\/\.omtop-partial-[\w-]+-frame_0001\.jpg$/);
    expect(readFileSync(partial, 'utf8')).toBe('half a frame');
    expect(contents(join(dir, 'killed')).get('frame_0001.jpg')).toEqual(before.get('frame_0001.jpg'));
    await handle.cancel();
    expect(existsSync(partial)).toBe(false);
    expect(contents(join(dir, 'killed'))).toEqual(before);
  }, 90_000);

  it('a finished --overwrite replaces every frame with the new render and leaves no partial file', async () => {
    const before = oldFrames('replaced', 4);
    const { handle } = await startRenderJob(options({ start: 1, end: 4, parts: 2, split: 'even', outDir: 'replaced', overwrite: true, size: { width: 48, height: 36 } }));
    const view = await handle.done;
    expect(view.state).toBe('finished');
    expect(view.lastSaved).toMatch(/\/replaced\/frame_000\d\.jpg$/);
    const after = contents(join(dir, 'replaced'));
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const [name, bytes] of after) expect(bytes.equals(before.get(name) ?? Buffer.alloc(0)), name).toBe(false);
    // Blender's log names the partial it wrote; the job reported the final name.
    const logs = view.parts.map((part) => readFileSync(part.logFile ?? '', 'utf8')).join('\n');
    expect(logs).toMatch(/^Saved: '.*\/replaced\/\.omtop-partial-[\w-]+-frame_0001\.jpg'$/m);
  }, 90_000);

  it("renders to blender's own names for any output pattern: trailing slash, short padding, # in a folder", async () => {
    // The .blend's own output setting, as blender resolves it (frame number appended when the
    // file name has no #, the last # run of the file name only, the extension added by -x 1).
    const variants: Array<[string, string, string[]]> = [
      ['slash.blend', '//shots/', ['shots/0009.jpg', 'shots/0010.jpg']],
      ['short.blend', '//short/take_##_v2', ['short/take_09_v2.jpg', 'short/take_10_v2.jpg']],
      ['hashdir.blend', '//dir_#/x', ['dir_#/x0009.jpg', 'dir_#/x0010.jpg']],
    ];
    const save = variants.map(([file, pattern]) => `s.render.filepath = ${JSON.stringify(pattern)}; bpy.ops.wm.save_as_mainfile(filepath=${JSON.stringify(join(dir, file))}, copy=True)`);
    execFileSync(requireBlender(), ['-b', scene, '--python-expr', ['import bpy', 's = bpy.context.scene', ...save].join('\n')], { stdio: 'ignore', timeout: 60_000 });
    for (const [file, , expected] of variants) {
      const { handle } = await startRenderJob(options({ blendFile: file, start: 9, end: 10, parts: 1 }));
      expect((await handle.done).state, file).toBe('finished');
      for (const name of expected) expect(readFileSync(join(dir, name)).length, name).toBeGreaterThan(0);
      const folder = join(dir, expected[0]?.split('/')[0] ?? '');
      expect(readdirSync(folder).filter((name) => name !== '.omtop-logs').sort(), file).toEqual(expected.map((name) => name.split('/')[1]));
    }
  }, 90_000);

  it('refuses a second job into the same frames while the first runs, and frees them when it ends', async () => {
    const started = join(dir, 'locked-started');
    const waiting = writeFakeBlender(dir, 'waiting-blender', `touch '${started}'\nexec sleep 60`);
    const first = await startRenderJob(options({ start: 1, end: 2, parts: 1, outDir: 'locked', blender: waiting }));
    while (!existsSync(started)) await new Promise((resolve) => setTimeout(resolve, 50));
    await expect(startRenderJob(options({ start: 1, end: 2, parts: 1, outDir: 'locked', overwrite: true, size: { width: 64, height: 48 } })))
      .rejects.toThrow(new RegExp(`^.*/locked/frame_####\\.jpg is being rendered by another omtop job \\(${first.handle.id}, pid ${process.pid}, since .*\\): wait for it, cancel it, or render elsewhere$`));
    await first.handle.cancel();
    expect(readdirSync(join(dir, 'locked')).filter((name) => name.startsWith('.omtop-lock'))).toEqual([]);
    const second = await startRenderJob(options({ start: 1, end: 2, parts: 1, outDir: 'locked', resume: true }));
    expect((await second.handle.done).state).toBe('finished');
  }, 90_000);

  it('takes over the lock of a job that died, and removes that job\'s partial files only', async () => {
    const out = join(dir, 'stale');
    mkdirSync(out);
    const dead = spawnSync('sh', ['-c', 'echo $$']).stdout.toString().trim();
    writeFileSync(join(out, lockFileName(`${out}/frame_####\n.jpg`)), JSON.stringify({
      pid: Number(dead), host: hostname(), jobId: 'dead-job', target: `${out}/frame_####.jpg`, since: 0, processStart: null,
    }));
    writeFileSync(join(out, '.omtop-partial-dead-job-frame_0001.jpg'), 'half');
    writeFileSync(join(out, '.omtop-partial-other-frame_0001.jpg'), 'not the dead job\'s');
    const { handle, prepared } = await startRenderJob(options({ start: 1, end: 1, parts: 1, outDir: 'stale' }));
    expect(prepared.warnings).toEqual([`job dead-job (pid ${dead}) ended without releasing ${out}/frame_####.jpg: took over its lock and removed its 1 partial frame file(s)`]);
    expect((await handle.done).state).toBe('finished');
    expect(readdirSync(out).sort()).toEqual(['.omtop-logs', '.omtop-partial-other-frame_0001.jpg', 'frame_0001.jpg']);
  }, 60_000);
});

describe.skipIf(SKIP_WITHOUT_BLENDER || !CAN_MOUNT)(`a full or read-only disk${CAN_MOUNT ? '' : ` (skipped: ${MOUNT_SKIP_REASON})`}`, () => {
  let disk = '';
  beforeAll(() => {
    disk = join(dir, 'disk');
    mountTinyDisk(disk, 128);
  });
  afterAll(() => {
    if (disk !== '') unmount(disk);
  });

  it('a full disk: the job stops naming it, and leaves no empty or partial frame behind', async () => {
    writeFileSync(join(disk, 'fill'), Buffer.alloc(100 * 1024));
    const { handle } = await startRenderJob(options({ start: 1, end: 4, parts: 2, split: 'even', outDir: join(disk, 'full'), format: 'PNG', size: { width: 640, height: 480 } }));
    const view = await handle.done;
    expect(view.state).toBe('failed');
    expect(view.message).toMatch(new RegExp(`^cannot write frames in ${disk}/full: no space left on device; 4 frame\\(s\\) missing: 1-4; logs in `));
    expect(readdirSync(join(disk, 'full'))).toEqual(['.omtop-logs']);
    rmSync(join(disk, 'fill'));
  }, 60_000);

  it('a read-only file system is named as such, not as a missing file', async () => {
    remount(disk, 'ro');
    try {
      await expect(startRenderJob(options({ start: 1, end: 2, parts: 1, outDir: join(disk, 'new') })))
        .rejects.toThrow(`cannot create output directory ${disk}/new: read-only file system (${disk})`);
      await expect(startRenderJob(options({ start: 1, end: 2, parts: 1, outDir: join(disk, 'full'), resume: true })))
        .rejects.toThrow(`cannot write into output directory ${disk}/full: read-only file system`);
    } finally {
      remount(disk, 'rw');
    }
  }, 30_000);
});
