import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRenderLoop } from '../../src/ui/renderLoop.js';
import type { FrameVm } from '../../src/view/frame.js';
import { createScreenHarness, tick, type ScreenHarness } from '../helpers/screenHarness.js';

let h: ScreenHarness | null = null;
afterEach(() => {
  h?.destroy();
  h = null;
});

const tooSmall: FrameVm = { kind: 'tooSmall', message: 'x' };

describe('createRenderLoop', () => {
  it('turns many requests in one turn of the event loop into one screen.render()', async () => {
    h = createScreenHarness(80, 24);
    const render = vi.spyOn(h.screen, 'render');
    const build = vi.fn((): FrameVm => tooSmall);
    const loop = createRenderLoop(h.screen, { draw: () => undefined, bell: () => undefined }, build);
    loop.request();
    loop.request();
    loop.request();
    await tick();
    expect(render).toHaveBeenCalledTimes(1);
    expect(build).toHaveBeenCalledWith(80, 24);
    loop.stop();
    loop.request();
    await tick();
    expect(render).toHaveBeenCalledTimes(1);
  });

  it('draws again at the new size after a resize', async () => {
    h = createScreenHarness(80, 24);
    const build = vi.fn((): FrameVm => tooSmall);
    const loop = createRenderLoop(h.screen, { draw: () => undefined, bell: () => undefined }, build);
    await h.resize(100, 30);
    expect(build).toHaveBeenLastCalledWith(100, 30);
    loop.stop();
  });
});
