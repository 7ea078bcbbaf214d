import { describe, expect, it } from 'vitest';
import { frameArgs, settingsExpression, toBlenderArgv } from '../../src/launcher/blenderArgv.js';

describe('toBlenderArgv', () => {
  const base = { blender: '/usr/bin/blender', blendFile: '/w/scene.blend', outputPattern: '/w/out/frame_####' };

  it('puts the file first and the frame arguments last, as Blender runs arguments in order', () => {
    const argv = toBlenderArgv({ ...base, scene: 'Shot 1', engine: 'CYCLES', format: 'PNG', frames: [4, 5, 6] });
    expect(argv.slice(0, 3)).toEqual(['/usr/bin/blender', '-b', '/w/scene.blend']);
    expect(argv.slice(3, 9)).toEqual(['-S', 'Shot 1', '-E', 'CYCLES', '--python-exit-code', '1']);
    expect(argv[9]).toBe('--python-expr');
    expect(argv.slice(11)).toEqual(['-o', '/w/out/frame_####', '-F', 'PNG', '-x', '1', '-s', '4', '-e', '6', '-a']);
  });

  it('uses -f with Blender 2.8+ ranges for a non-contiguous chunk', () => {
    expect(frameArgs([1, 2, 3, 7, 9, 10])).toEqual(['-f', '1..3,7,9..10']);
    expect(frameArgs([12])).toEqual(['-s', '12', '-e', '12', '-a']);
  });

  it('makes a relative file name starting with "-" absolute so blender cannot read it as an option', () => {
    const argv = toBlenderArgv({ ...base, blendFile: '-evil name.blend', outputPattern: '-out/f_##', frames: [1] });
    expect(argv[2]).toMatch(/^\/.*\/-evil name\.blend$/);
    expect(argv[argv.indexOf('-o') + 1]).toMatch(/^\/.*\/-out\/f_##$/);
  });

  it('keeps shell metacharacters as plain argv words', () => {
    const name = `/w/it's "a" $(rm -rf x); y.blend`;
    expect(toBlenderArgv({ ...base, blendFile: name, frames: [1] })[2]).toBe(name);
  });

  it('omits -S, -E, -F and -t when the .blend (or blender) decides', () => {
    const argv = toBlenderArgv({ ...base, frames: [1] });
    expect(argv).not.toContain('-S');
    expect(argv).not.toContain('-E');
    expect(argv).not.toContain('-F');
    expect(argv).not.toContain('-t');
  });

  it("gives the part its share of threads with -t, before the part's frames", () => {
    const argv = toBlenderArgv({ ...base, engine: 'CYCLES', threads: 2.7, frames: [3] });
    expect(argv.slice(3, 7)).toEqual(['-E', 'CYCLES', '-t', '2']);
    expect(toBlenderArgv({ ...base, threads: 0, frames: [3] }).slice(3, 5)).toEqual(['-t', '1']);
  });
});

describe('settingsExpression', () => {
  it('always lets blender overwrite the frames omtop chose to render, without placeholders', () => {
    const code = settingsExpression();
    expect(code).toContain('scene.render.use_overwrite = True');
    expect(code).toContain('scene.render.use_placeholder = False');
    expect(code).not.toContain('resolution_x');
  });

  it('sets the size at 100 % and can turn denoising off', () => {
    const code = settingsExpression({ size: { width: 640, height: 480 }, noDenoising: true });
    expect(code).toContain('scene.render.resolution_x = 640');
    expect(code).toContain('scene.render.resolution_y = 480');
    expect(code).toContain('scene.render.resolution_percentage = 100');
    expect(code).toContain('use_denoising = False');
  });
});
