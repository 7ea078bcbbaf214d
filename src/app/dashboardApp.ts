// The running dashboard: UI state, the latest data, keys in, effects out, one render per change.
import type blessed from 'blessed';
import type { Backend } from '../backends/backend.js';
import type { Collector } from '../collector/types.js';
import type { Store } from '../store/types.js';
import type { RenderJobView, StartRender } from '../launcher/types.js';
import type { UiEvent } from '../reducer/events.js';
import { reduceUi } from '../reducer/reduce.js';
import type { ListWindow } from '../state/list.js';
import { initialUiState, type UiState } from '../state/ui.js';
import { toFrameVm, type FrameVm } from '../view/frame.js';
import { bindKeys } from '../ui/bindKeys.js';
import { bindMouse } from '../ui/bindMouse.js';
import { createDashboardView } from '../ui/dashboardView.js';
import { createRenderLoop } from '../ui/renderLoop.js';
import { createTheme } from '../ui/theme.js';
import { applyEffect } from './effects.js';
import { jobEvents } from './jobEvents.js';
import { createRenderJobs } from './renderJobs.js';

export interface DashboardDeps {
  readonly screen: blessed.Widgets.Screen;
  readonly backend: Backend;
  readonly collector: Collector;
  readonly store: Store;
  /** Shown on the alert line: why this is not the cluster that was asked for. */
  readonly notice: string | null;
  /** null: the render pane explains that rendering is not available. */
  readonly startRender: StartRender | null;
  readonly readonly: boolean;
  readonly intervalMs: number;
  readonly color: boolean;
  /** Clicks select rows and panes, the wheel scrolls (--no-mouse: off, so the terminal selects text). @default true */
  readonly mouse?: boolean;
  /** The event log's clock. @default Date.now */
  readonly now?: () => number;
  /** Ctrl-Z; the session suspends the terminal. @default nothing (a headless screen has no shell to go back to) */
  readonly suspend?: () => void;
}

export interface DashboardApp {
  /** Draws the first frame and starts collecting. */
  start(): void;
  /** Resolves when the user quits. */
  readonly quitRequested: Promise<void>;
  dispatch(event: UiEvent): void;
  ui(): UiState;
  /** The frame as it would be drawn now (tests read it). */
  frame(): FrameVm;
  /** Stops collecting and the renders this session started; leaves the screen to the caller. */
  stop(): Promise<void>;
}

export function createDashboardApp(deps: DashboardDeps): DashboardApp {
  const { screen, collector, store } = deps;
  const now = deps.now ?? Date.now;
  const suspend = deps.suspend ?? ((): void => undefined);
  let ui = initialUiState({ readonly: deps.readonly, intervalMs: deps.intervalMs });
  let quit: () => void = () => undefined;
  const quitRequested = new Promise<void>((resolve) => {
    quit = resolve;
  });
  let jobViews: readonly RenderJobView[] = [];
  const jobs = createRenderJobs(deps.startRender, () => {
    const views = jobs.views();
    for (const event of jobEvents(jobViews, views, now())) store.events.add(event);
    jobViews = views;
    loop.request();
  });
  const buildFrame = (cols: number, rows: number): FrameVm => toFrameVm({
    snapshot: store.latest(),
    loadHistory: (id) => store.history(id).load,
    jobs: jobs.views(),
    ui,
    notice: deps.notice,
    skippedRefreshes: collector.stats().skippedTicks,
    events: store.events.entries(),
    processTrack: (pid) => store.process(pid),
    cols,
    rows,
  });
  const view = createDashboardView(screen, createTheme(deps.color));
  const loop = createRenderLoop(screen, view, buildFrame);

  /** The list keys move in, as the screen shows it now: the reducer pages and scrolls by it. */
  const shownList = (): ListWindow => {
    const frame = buildFrame(Number(screen.width), Number(screen.height));
    return frame.kind === 'panes' ? frame.shown : { rows: 1, total: 0 };
  };

  const timers = new Set<NodeJS.Timeout>();
  const following = (path: string): boolean => ui.overlay?.kind === 'text' && ui.overlay.follow === path;

  const dispatch = (event: UiEvent): void => {
    const result = reduceUi(ui, event, { snapshot: store.latest(), jobs: jobs.views(), shown: shownList() });
    ui = result.ui;
    for (const effect of result.effects) applyEffect(effect, { backend: deps.backend, collector, store, now, jobs, dispatch, quit, suspend, following, timers });
    loop.request();
  };

  const unbindKeys = bindKeys(screen, () => ui, dispatch);
  const unbindMouse = deps.mouse === false ? () => undefined
    : bindMouse(screen, () => buildFrame(Number(screen.width), Number(screen.height)), dispatch);
  const unsubscribe = collector.subscribe(() => loop.request());

  return {
    start() {
      loop.renderNow();
      collector.start();
    },
    quitRequested,
    dispatch,
    ui: () => ui,
    frame: () => buildFrame(Number(screen.width), Number(screen.height)),
    async stop() {
      collector.stop();
      unsubscribe();
      unbindKeys();
      unbindMouse();
      loop.stop();
      for (const timer of timers) clearInterval(timer);
      await jobs.cancelRunning();
    },
  };
}
