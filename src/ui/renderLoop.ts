// Coalesces every change (new snapshot, key, resize, job progress) into one screen.render().
import type blessed from 'blessed';
import type { FrameVm } from '../view/frame.js';
import type { DashboardView } from './dashboardView.js';

export interface RenderLoop {
  /** Asks for a frame; many requests before the next turn of the event loop give one render. */
  request(): void;
  /** Draws now (used once at start and in tests). */
  renderNow(): void;
  stop(): void;
}

export function createRenderLoop(screen: blessed.Widgets.Screen, view: DashboardView,
  buildFrame: (cols: number, rows: number) => FrameVm): RenderLoop {
  let pending: NodeJS.Immediate | null = null;
  let stopped = false;
  const renderNow = (): void => {
    if (stopped) return;
    pending = null;
    view.draw(buildFrame(Number(screen.width), Number(screen.height)));
    screen.render();
  };
  const onResize = (): void => {
    // A resize can leave old cells behind; repaint everything once.
    screen.alloc();
    renderNow();
  };
  screen.on('resize', onResize);
  return {
    request() {
      if (pending !== null || stopped) return;
      pending = setImmediate(renderNow);
    },
    renderNow,
    stop() {
      stopped = true;
      if (pending !== null) clearImmediate(pending);
      screen.removeListener('resize', onResize);
    },
  };
}
