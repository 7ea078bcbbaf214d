// A whole dashboard on the headless screen, with the real collector and store over a given backend.
import { createDashboardApp, type DashboardApp } from '../../src/app/dashboardApp.js';
import type { Backend } from '../../src/backends/backend.js';
import { createCollector } from '../../src/collector/collector.js';
import type { StartRender } from '../../src/launcher/types.js';
import type { RenderWatchSources } from '../../src/runner/watchSources.js';
import { createStore } from '../../src/store/store.js';
import { createScreenHarness, tick, type ScreenHarness } from './screenHarness.js';

export interface DashboardHarness extends ScreenHarness {
  readonly app: DashboardApp;
  /** Waits for a fresh snapshot and the frame drawn from it. */
  refresh(): Promise<string[]>;
  close(): Promise<void>;
}

/** Opens the render form, types the .blend, moves to End and types it, and submits: as a user would. */
export function submitRenderForm(app: Pick<DashboardApp, 'dispatch'>, blendFile = 'x.blend', end = '40'): void {
  app.dispatch({ type: 'key', id: 'openRenderForm' });
  for (const ch of blendFile) app.dispatch({ type: 'textInput', text: ch });
  app.dispatch({ type: 'overlayMove', delta: 2 });
  app.dispatch({ type: 'textInput', text: end });
  app.dispatch({ type: 'overlayChoose' });
}

export async function startDashboard(backend: Backend, options: {
  cols?: number; rows?: number; readonly?: boolean; color?: boolean; startRender?: StartRender | null; notice?: string | null;
  now?: () => number; mouse?: boolean;
  bell?: boolean; renderSources?: RenderWatchSources | null;
} = {}): Promise<DashboardHarness> {
  const harness = createScreenHarness(options.cols ?? 120, options.rows ?? 40);
  const store = createStore({ historyLength: 60 });
  // A long interval: tests refresh explicitly, so no timer races the assertions.
  const collector = createCollector({ backend, intervalMs: 3_600_000, store });
  const app = createDashboardApp({
    screen: harness.screen, backend, collector, store, notice: options.notice ?? null, startRender: options.startRender ?? null,
    readonly: options.readonly ?? false, intervalMs: 2000, color: options.color ?? true,
    ...(options.now === undefined ? {} : { now: options.now }),
    ...(options.mouse === undefined ? {} : { mouse: options.mouse }),
    ...(options.bell === undefined ? {} : { bell: options.bell }), renderSources: options.renderSources ?? null,
  });
  app.start();
  await collector.pollNow();
  await tick();
  return {
    ...harness,
    app,
    async refresh() {
      await collector.pollNow();
      await tick();
      return harness.lines();
    },
    async close() {
      await app.stop();
      harness.destroy();
    },
  };
}
