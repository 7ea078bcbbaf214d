import { describe, expect, it } from 'vitest';
import { absolutePattern, describeTarget, frameFileName, framesOnDisk, frameTarget, mayBeFrame } from '../../src/observer/framePattern.js';

const entry = (name: string, size = 1000, mtimeMs = 0) => ({ name, size, mtimeMs });

describe('where blender -o puts frame N', () => {
  it('resolves // beside the .blend and other relative paths in the working directory', () => {
    expect(absolutePattern('//rendered/', '/root/blacksmith/blacksmith-jpeg.blend', '/root')).toBe('/root/blacksmith/rendered/');
    expect(absolutePattern('out/frame_', '/srv/a.blend', '/home/me')).toBe('/home/me/out/frame_');
    expect(absolutePattern('/tmp/', '/srv/a.blend', null)).toBe('/tmp/');
    expect(absolutePattern('out/frame_', '/srv/a.blend', null)).toBeNull();
  });

  it('pads the last # run, appends four digits when there is none, keeps long numbers whole', () => {
    const blacksmith = frameTarget('/root/blacksmith/rendered/', '.jpg');
    expect(frameFileName(blacksmith, 2)).toBe('0002.jpg');
    expect(describeTarget(blacksmith)).toBe('/root/blacksmith/rendered/####.jpg');
    const hashes = frameTarget('/out/shot_##_v#', '.png');
    expect(frameFileName(hashes, 7)).toBe('shot_##_v7.png');
    expect(frameFileName(frameTarget('/out/f_###', null), 12345)).toBe('f_12345');
    expect(describeTarget(frameTarget('/out/f_', null))).toBe('/out/f_####.*');
  });

  it('finds the frames on disk: non-empty files of the pattern only, whatever the extension when it is unknown', () => {
    const target = frameTarget('/out/frame_', null);
    const found = framesOnDisk(target, [
      entry('frame_0001.png'), entry('frame_0002.jpg'), entry('frame_0003.png', 0), entry('frame_0004'),
      entry('.omtop-partial-x-frame_0005.png'), entry('frame_05.png'), entry('other_0006.png'), entry('frame_12345.png'),
    ]);
    expect([...found.keys()].sort((a, b) => a - b)).toEqual([1, 2, 4, 12345]);
    const jpegs = framesOnDisk(frameTarget('/r/', '.jpg'), [entry('0002.jpg'), entry('0003.png'), entry('0004.jpg.part')]);
    expect([...jpegs.keys()]).toEqual([2]);
    expect(mayBeFrame(target, '.omtop-partial-x-frame_0005.png')).toBe(false);
    expect(mayBeFrame(target, 'frame_0001.png')).toBe(true);
  });
});
