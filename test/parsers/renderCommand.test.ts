import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  commandWords, framesScriptSkips, parseBlenderRender, parseRenderCommand, parseRenderScript, scriptSplit,
} from '../../parsers/renderCommand.js';

// The tutorial's mps: ` 1159 ?      0 S    0:00 /bin/sh render blacksmith-jpeg.blend 1 235 4`.
const TUTORIAL = '/bin/sh render blacksmith-jpeg.blend 1 235 4';

describe('scriptSplit: Gloor\'s render.sh arithmetic, exactly', () => {
  it('splits 1..235 in 4 as the script does: 2-59, 60-117, 118-175, 176-233', () => {
    expect(scriptSplit(1, 235, 4)).toEqual([{ first: 2, last: 59 }, { first: 60, last: 117 }, { first: 118, last: 175 }, { first: 176, last: 233 }]);
  });

  it('leaves out START and the remainder: frames 1, 234, 235 for the tutorial', () => {
    const script = parseRenderScript(commandWords(TUTORIAL));
    expect(script && framesScriptSkips(script)).toEqual([1, 234, 235]);
  });

  it('gives Gloor\'s own example (0 1000 2) every frame but 0, and empty ranges when there are fewer frames than parts', () => {
    expect(scriptSplit(0, 1000, 2)).toEqual([{ first: 1, last: 500 }, { first: 501, last: 1000 }]);
    expect(scriptSplit(1, 3, 4).every((r) => r.first > r.last)).toBe(true);
    expect(scriptSplit(1, 10, 0)).toEqual([]);
  });
});

describe('parseRenderCommand', () => {
  it('reads the tutorial\'s script from mps\'s COMMAND and from /proc/PID/cmdline', () => {
    const fromMps = parseRenderCommand(TUTORIAL);
    const fromProc = parseRenderCommand(`${['/bin/sh', 'render', 'blacksmith-jpeg.blend', '1', '235', '4'].join('\0')}\0`);
    for (const result of [fromMps, fromProc]) {
      expect(result.ok && result.value).toMatchObject({ kind: 'script', script: 'render', blendFile: 'blacksmith-jpeg.blend', start: 1, end: 235, parts: 4 });
    }
  });

  it('takes any path or shell in front, and other names only when asked (a parent of blender children)', () => {
    for (const line of ['render a.blend 1 10 2', '/usr/local/bin/render a.blend 1 10 2', 'bash -e ./render.sh a.blend 1 10 2', 'dash /opt/render a.blend 1 10 2']) {
      expect(parseRenderScript(commandWords(line)), line).toMatchObject({ blendFile: 'a.blend', start: 1, end: 10, parts: 2 });
    }
    expect(parseRenderScript(commandWords('/bin/sh farm.sh a.blend 1 10 2'))).toBeNull();
    expect(parseRenderScript(commandWords('/bin/sh farm.sh a.blend 1 10 2'), { anyName: true })).toMatchObject({ script: 'farm.sh' });
    expect(parseRenderScript(commandWords('render a.blend one 10 2'))).toBeNull();
    expect(parseRenderScript(commandWords('render notes.txt 1 10 2'))).toBeNull();
    expect(parseRenderScript(commandWords('render a.blend 1 10'))).toBeNull();
  });

  it('reads a script child\'s and a hand-started blender\'s frames, output, format and scene', () => {
    expect(parseBlenderRender(commandWords('blender -b blacksmith-jpeg.blend -s 2 -e 59 -a'))).toMatchObject({
      blendFile: 'blacksmith-jpeg.blend', frames: { first: 2, last: 59 }, output: null, format: null,
    });
    expect(parseBlenderRender(commandWords('/usr/bin/blender -b /srv/shot.blend -S Scene.001 -o //out/frame_ -F PNG -E CYCLES -f 7'))).toMatchObject({
      blendFile: '/srv/shot.blend', scene: 'Scene.001', output: '//out/frame_', format: 'PNG', engine: 'CYCLES', frames: [7],
    });
    expect(parseBlenderRender(commandWords('blender -b a.blend -f 1,3..5'))?.frames).toEqual([1, 3, 4, 5]);
    expect(parseBlenderRender(commandWords('blender -b a.blend -s 1 -e 9 -j 2 -a'))).toMatchObject({ frames: { first: 1, last: 9 }, step: 2 });
    // -a without -s/-e renders the .blend's own range.
    expect(parseBlenderRender(commandWords('blender -b a.blend -a'))?.frames).toBeNull();
  });

  it('is not a render without -a or -f, without a .blend, or for another program; options after -a do not apply', () => {
    expect(parseBlenderRender(commandWords('blender -b a.blend --python make.py'))).toBeNull();
    expect(parseBlenderRender(commandWords('blender -b -a'))).toBeNull();
    expect(parseBlenderRender(commandWords('blend -b a.blend -a'))).toBeNull();
    expect(parseBlenderRender(commandWords('blender -b a.blend -a -o /elsewhere/'))?.output).toBeNull();
    const result = parseRenderCommand('bash');
    expect(result.ok && result.value).toBeNull();
  });

  it('warns about relative frames instead of guessing them', () => {
    const result = parseRenderCommand('blender -b a.blend -s +2 -e 9 -a');
    expect(result.ok && result.warnings.map((w) => w.message)).toEqual(['-s "+2" is relative or not a frame number']);
  });

  it('never throws, whatever the bytes, and refuses a command line longer than 1 MB', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
      const result = parseRenderCommand(text);
      expect(typeof result.ok).toBe('boolean');
    }), { numRuns: 200 });
    const huge = parseRenderCommand(`blender -b a.blend -f ${'1,'.repeat(600_000)}1`);
    expect(huge.ok).toBe(false);
    expect(parseBlenderRender(commandWords('blender -b a.blend -f 1..999999999'))?.frames).toBeNull();
  });
});
