// The running dashboard: UI state, the latest data, keys in, effects out, one render per change.
import type blessed from 'blessed';
import type { Backend } from '../backends/backend.js';
import type { Collector } from '../collector/types.js';
import type { ClusterSnapshot } from '../model/snapshot.js';
import { errorLine } from '../errorLine.js';
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
import { applyEffect, type InspectBlend } from './effects.js';
import { jobEvents } from './jobEvents.js';
import { createPreviewLoader, frameLoader } from './previewLoader.js';
import { jobActive, selectedJobIndex } from '../state/selectors.js';
import { createRenderJobs } from './renderJobs.js';
import { createRenderWatch } from '../observer/watch.js';
import type { RenderWatchSources } from '../runner/watchSources.js';
import { renderPids } from '../view/renderPane.js';

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
  /** Where renders omtop did not start are watched from; absent or null: they are not. */
  readonly renderSources?: RenderWatchSources | null;
  /** Ring the terminal's bell when a render finishes or fails. @default true */
  readonly bell?: boolean;
  /** Blender's answer about a .blend, for the render form. */
  readonly inspectBlend?: InspectBlend | null;
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
  /** Every render job as last drawn: this session's and those found running. */
  jobs(): readonly RenderJobView[];
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
  const jobs = createRenderJobs(deps.startRender, () => jobsChanged());
  const watch = deps.renderSources ? createRenderWatch(deps.renderSources) : null;
  /** Renders found running first (they were there before), then this session's own. */
  const allJobs = (): readonly RenderJobView[] => (watch === null ? jobs.views() : [...watch.views(), ...jobs.views()]);
  const buildFrame = (cols: number, rows: number): FrameVm => toFrameVm({
    snapshot: store.latest(),
    loadHistory: (id) => store.history(id).load,
    jobs: allJobs(),
    ui,
    notice: deps.notice,
    skippedRefreshes: collector.stats().skippedTicks,
    events: store.events.entries(),
    processTrack: (pid) => store.process(pid),
    cols,
    rows,
    preview: preview.current(),
  });
  const view = createDashboardView(screen, createTheme(deps.color));
  const loop = createRenderLoop(screen, view, buildFrame);
  const preview = createPreviewLoader(() => loop.request(), frameLoader(deps.renderSources?.readFrame?.bind(deps.renderSources) ?? null));
  /** The selected render's last finished frame is decoded while the preview is on. */
  const followPreview = (): void => {
    const all = allJobs();
    preview.want(ui.preview ? all[selectedJobIndex(all, ui)]?.lastSaved ?? null : null);
  };
  let jobViews: readonly RenderJobView[] = [];
  /**
   * The jobs changed: their news goes to the event log; a job that was running and has finished
   * or failed rings the bell once and says so in the status line (as does a part that failed).
   */
  function jobsChanged(): void {
    const views = allJobs();
    const events = jobEvents(jobViews, views, now());
    for (const event of events) store.events.add(event);
    const was = new Map(jobViews.map((job) => [job.id, job]));
    const ended = views.filter((job) => {
      const before = was.get(job.id);
      return before !== undefined && jobActive(before) && (job.state === 'finished' || job.state === 'failed');
    });
    jobViews = views;
    if (ended.length > 0 && deps.bell !== false) view.bell();
    const news = events.filter((event) => event.severity === 'ok' || event.severity === 'error').at(-1);
    if (news !== undefined) dispatch({ type: 'status', status: { text: news.text, kind: news.severity === 'ok' ? 'ok' : 'error' } });
    followPreview();
    loop.request();
  }

  /** The list keys move in, as the screen shows it now: the reducer pages and scrolls by it. */
  const shownList = (): ListWindow => {
    const frame = buildFrame(Number(screen.width), Number(screen.height));
    return frame.kind === 'panes' ? frame.shown : { rows: 1, total: 0 };
  };

  const timers = new Set<NodeJS.Timeout>();
  const following = (path: string): boolean => ui.overlay?.kind === 'text' && ui.overlay.follow === path;

  const dispatch = (event: UiEvent): void => {
    const result = reduceUi(ui, event, { snapshot: store.latest(), jobs: allJobs(), shown: shownList() });
    ui = result.ui;
    followPreview();
    for (const effect of result.effects) {
      applyEffect(effect, { backend: deps.backend, collector, store, now, jobs, dispatch, quit, suspend, following, timers, inspectBlend: deps.inspectBlend ?? null });
    }
    loop.request();
  };

  const unbindKeys = bindKeys(screen, () => ui, dispatch);
  const unbindMouse = deps.mouse === false ? () => undefined
    : bindMouse(screen, () => buildFrame(Number(screen.width), Number(screen.height)), dispatch);
  const watchRenders = (snapshot: ClusterSnapshot): void => {
    if (watch === null) return;
    // omtop's own parts (and anything omtop itself started) are not someone else's render.
    const exclude = new Set([process.pid, ...renderPids(jobs.views())]);
    watch.update(snapshot, exclude).then((changed) => {
      if (changed) jobsChanged();
    }, (error: unknown) => dispatch({ type: 'status', status: { text: `watching renders: ${errorLine(error)}`, kind: 'error' } }));
  };
  const unsubscribe = collector.subscribe((snapshot) => {
    watchRenders(snapshot);
    loop.request();
  });

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
    jobs: allJobs,
  };
}
