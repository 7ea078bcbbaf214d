// The emulated cluster's own render, `render blacksmith-jpeg.blend 1 235 4`, through the same watch
// the real machine uses: the demo answers the seam from its model.
import { describe, expect, it } from 'vitest';
import { createDemoBackend } from '../../src/backends/demo.js';
import { createRenderWatch } from '../../src/observer/watch.js';
import { nodeOfPid } from '../../src/view/renderPane.js';
import { decodeFrame } from '../../src/preview/decode.js';

describe('the demo\'s blacksmith render in the render watch', () => {
  it('is found on the first snapshot with its four parts, their nodes, and the frames 1, 234, 235 warning; its count moves', async () => {
    const demo = createDemoBackend({ realtime: false, stepMs: 2000, seed: 7 });
    const watch = createRenderWatch(demo.renderSources);
    const first = await demo.collect();
    await watch.update(first, new Set());
    const [job] = watch.views();
    expect(job).toMatchObject({
      id: 'script-1159', state: 'running', framesTotal: 235, command: '/bin/sh render blacksmith-jpeg.blend 1 235 4',
      warning: 'the script renders 2–233: frames 1, 234, 235 will be missing', framePattern: '/root/blacksmith/rendered/####.jpg',
    });
    expect(job?.parts.map((p) => [p.pid, p.frames])).toEqual([[1166, '2-59'], [1169, '60-117'], [1172, '118-175'], [1175, '176-233']]);
    // Where each part runs now, as the process table says: the tutorial's migrated children.
    expect(job?.parts.map((p) => nodeOfPid(first, p.pid))).toEqual(['N266', 'N407', 'N266', 'N258']);
    expect(job?.parts.every((p) => p.secondsPerFrame !== null && p.framesDone > 0)).toBe(true);
    expect(job?.etaSeconds).toBeGreaterThan(0);

    const before = job?.framesDone ?? 0;
    let later = first;
    for (let i = 0; i < 30; i += 1) later = await demo.collect();
    await watch.update(later, new Set());
    expect(watch.views()[0]?.framesDone).toBeGreaterThan(before);
  });

  it('reads a migrated process\'s command line as unreadable, as on openMosix, and the script\'s in full', async () => {
    const demo = createDemoBackend({ realtime: false, seed: 7 });
    const details = await demo.renderSources.processDetails([1159, 1166, 424242]);
    expect(details.get(1159)).toMatchObject({ ppid: 1147, argv: ['/bin/sh', 'render', 'blacksmith-jpeg.blend', '1', '235', '4'], cwd: '/root/blacksmith' });
    expect(details.get(1166)).toMatchObject({ ppid: 1159, argv: [] });
    expect(details.has(424242)).toBe(false);
    const listing = await demo.renderSources.listDirectory('/root/blacksmith/rendered', () => true);
    expect(listing.ok && listing.entries.some((e) => e.name === '0002.jpg')).toBe(true);
    expect(listing.ok && listing.entries.some((e) => e.name === '0001.jpg')).toBe(false);
    expect((await demo.renderSources.listDirectory('/elsewhere', () => true)).ok).toBe(false);
    expect(await demo.renderSources.blendOutput({ blendFile: '/tmp/x.blend', scene: null, format: null })).toMatchObject({ ok: false });
  });

  it('has a picture for each frame its render finished (the demo\'s preview), and leaves other files to the disk', async () => {
    const demo = createDemoBackend({ realtime: false, seed: 7 });
    const bytes = await demo.renderSources.readFrame?.('/root/blacksmith/rendered/0002.jpg');
    const decoded = decodeFrame(bytes ?? new Uint8Array());
    expect(decoded.ok && [decoded.picture.width, decoded.picture.height]).toEqual([160, 120]);
    expect(demo.renderSources.readFrame?.('/root/blacksmith/rendered/0001.jpg')).toBeNull();
    expect(demo.renderSources.readFrame?.('/tmp/out/frame_0001.jpg')).toBeNull();
  });
});
