// The render worker's words: the argv that starts it, its commands and its answers.
import { describe, expect, it } from 'vitest';
import { parseWorkerLine, QUIT_COMMAND, renderCommand, WORKER_SCRIPT, workerArgv } from '../../src/launcher/workerProtocol.js';

describe('workerArgv', () => {
  it('starts blender on the file with the driver, its request one JSON word after --', () => {
    const argv = workerArgv({
      blender: '/usr/bin/blender', blendFile: '/w/scene.blend', scene: 'Shot 2', outDir: '/w/out', format: 'PNG', engine: 'CYCLES',
      partialPrefix: '.omtop-partial-J-', size: { width: 640.7, height: 480 }, noDenoising: true, threads: 2, infoFrames: [1, 2, 3, 7],
    });
    expect(argv.slice(0, -1)).toEqual([
      '/usr/bin/blender', '-b', '/w/scene.blend', '-S', 'Shot 2', '-t', '2', '--python-exit-code', '1', '--python', WORKER_SCRIPT, '--',
    ]);
    expect(JSON.parse(argv.at(-1) ?? '')).toEqual({
      scene: 'Shot 2', outDir: '/w/out', outPattern: '', format: 'PNG', engine: 'CYCLES', partialPrefix: '.omtop-partial-J-',
      infoFrames: '1-3,7', size: { width: 640, height: 480 }, noDenoising: true,
    });
    expect(WORKER_SCRIPT).toMatch(/\/src\/launcher\/renderWorker\.py$/);
  });

  it("leaves the .blend's own settings and blender's own thread count when nothing is asked", () => {
    const argv = workerArgv({ blender: 'blender', blendFile: '-odd.blend', partialPrefix: '.p-' });
    // A file name starting with "-" is made absolute, so blender cannot read it as an option.
    expect(argv[2]).toMatch(/^\/.*\/-odd\.blend$/);
    expect(argv).not.toContain('-S');
    expect(argv).not.toContain('-t');
    expect(JSON.parse(argv.at(-1) ?? '')).toEqual({
      scene: '', outDir: '', outPattern: '', format: '', engine: '', partialPrefix: '.p-', infoFrames: '', size: null, noDenoising: false,
    });
  });

  it('passes a whole -o pattern on to the driver (--out-pattern), which blendInfo.py puts before the folder', () => {
    const argv = workerArgv({ blender: 'blender', blendFile: '/w/scene.blend', outPattern: '/w/shots/take_##_v', partialPrefix: '.p-' });
    expect(JSON.parse(argv.at(-1) ?? '')).toMatchObject({ outDir: '', outPattern: '/w/shots/take_##_v' });
  });
});

describe('commands', () => {
  it('are one line each', () => {
    expect(renderCommand(12)).toBe('render 12\n');
    expect(QUIT_COMMAND).toBe('quit\n');
  });
});

describe('parseWorkerLine', () => {
  it('reads the answers', () => {
    expect(parseWorkerLine('OMTOP-WORKER ready')).toEqual({ kind: 'ready' });
    expect(parseWorkerLine('OMTOP-WORKER saved 12')).toEqual({ kind: 'saved', frame: 12 });
    expect(parseWorkerLine('OMTOP-WORKER failed 0 Error: Build without OpenImageDenoiser')).toEqual({
      kind: 'failed', frame: 0, reason: 'Error: Build without OpenImageDenoiser',
    });
    expect(parseWorkerLine('OMTOP-WORKER failed 3')).toEqual({ kind: 'failed', frame: 3, reason: 'no reason given' });
    expect(parseWorkerLine('OMTOP-WORKER unknown "render x"')).toEqual({ kind: 'unknown', text: '"render x"' });
  });

  it("leaves blender's own lines alone", () => {
    expect(parseWorkerLine("Saved: '/o/frame_0001.png'")).toBeNull();
    expect(parseWorkerLine('Fra:1 Mem:9.07M (Peak 9.15M) | Time:00:00.01')).toBeNull();
    expect(parseWorkerLine('OMTOP-BLEND-INFO {"scene": "Scene"}')).toBeNull();
  });

  it('calls anything else it prints unknown, never a frame', () => {
    expect(parseWorkerLine('OMTOP-WORKER saved twelve')).toEqual({ kind: 'unknown', text: 'saved twelve' });
    expect(parseWorkerLine('OMTOP-WORKER saved 99999999999999999999')).toEqual({ kind: 'unknown', text: 'saved 99999999999999999999' });
  });
});
