import { describe, expect, it } from 'vitest';
import { gloorSplit } from '../../src/emulator/render.js';
import { processesOfKind, quietCluster, stdoutOf } from './emulatorHelpers.js';

describe('the built-in render', () => {
  it("splits 1-235 into four parts exactly as Gloor's script does (frame 1 and the remainder dropped)", () => {
    expect(gloorSplit(1, 235, 4)).toEqual([
      { first: 2, last: 59 },
      { first: 60, last: 117 },
      { first: 118, last: 175 },
      { first: 176, last: 233 },
    ]);
  });

  it("starts as the tutorial's render, migrated, with its real command lines", async () => {
    const cluster = quietCluster();
    const commands = processesOfKind(cluster, 'render-part').map((part) => part.command);
    expect(commands).toEqual([
      'blender -b blacksmith-jpeg.blend -s 2 -e 59 -a',
      'blender -b blacksmith-jpeg.blend -s 60 -e 117 -a',
      'blender -b blacksmith-jpeg.blend -s 118 -e 175 -a',
      'blender -b blacksmith-jpeg.blend -s 176 -e 233 -a',
    ]);
    const mps = await stdoutOf(cluster, 'mps', 'ax');
    expect(mps).toContain(' 1159  ?     0 S    0:00 /bin/sh render blacksmith-jpeg.blend 1 235 4 \n');
    expect(mps).toContain(' 1166  ?   266 S    2:40 (blender)\n');
  });

  it('progresses with CPU time, and parts exit when their frames are done', () => {
    const cluster = quietCluster();
    const start = cluster.inspect().render?.framesDone ?? 0;
    cluster.advance(120_000);
    expect(cluster.inspect().render?.framesDone ?? 0).toBeGreaterThan(start);
    cluster.advance(3600_000);
    const render = cluster.inspect().render;
    expect(render).toMatchObject({ finished: true, framesDone: 232, framesTotal: 232 });
    expect(processesOfKind(cluster, 'render-part')).toEqual([]);
    expect(cluster.events().filter((event) => event.kind === 'exited' && event.detail.includes('(blender)'))).toHaveLength(4);
    expect(cluster.events().some((event) => event.kind === 'render-finished')).toBe(true);
  });

  it('starts the same render again a minute after finishing when asked to repeat', () => {
    const cluster = quietCluster({ repeatRender: true });
    cluster.advance(3600_000);
    expect(cluster.events().some((event) => event.kind === 'render-started')).toBe(true);
  });

  it('is absent without withRender', async () => {
    const cluster = quietCluster({ withRender: false });
    expect(cluster.inspect().render).toBeNull();
    expect(await stdoutOf(cluster, 'mps', 'ax')).not.toContain('blender');
  });
});
