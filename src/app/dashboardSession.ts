// The dashboard from start to exit: wire the layers, run until quit/signal/crash, restore the
// terminal on every path, and return the exit code.
import type blessed from 'blessed';
import type { SelectedBackend } from '../backends/select.types.js';
import { createCollector } from '../collector/collector.js';
import { createStore } from '../store/store.js';
import type { StartRender } from '../launcher/types.js';
import type { CliIo } from '../io.js';
import type { GlobalOptions } from '../options.js';
import { createScreen } from '../ui/screen.js';
import { wantsColor } from '../ui/theme.js';
import { createDashboardApp, type DashboardApp } from './dashboardApp.js';
import { crashLine, guardTerminal, signalExitCode, type ProcessEvents } from './terminalGuard.js';
import { createSuspender, stopJob } from './suspend.js';
import { terminalSafe } from '../text/terminalSafe.js';
import type { InspectBlend } from './effects.js';
import type { RenderJobView } from '../launcher/types.js';

/** After quitting: each render left incomplete, and the command that renders the rest. */
export function resumeLines(jobs: readonly RenderJobView[]): string[] {
  return jobs.flatMap((job) => {
    if (job.resume == null) return [];
    const what = job.origin === 'observed'
      ? `omtop: ${job.command ?? job.blendFile} left frames ${job.framesMissing ?? ''} missing`
      : `omtop: render ${job.id} stopped: ${job.framesDone} of ${job.framesTotal} frames done, kept in ${job.outDir}`;
    return [what, `omtop: resume with: ${job.resume.command}`];
  });
}

export interface SessionDeps {
  readonly selected: SelectedBackend;
  readonly options: GlobalOptions;
  readonly io: CliIo;
  readonly startRender: StartRender | null;
  /** Blender's answer about a .blend, for the render form. */
  readonly inspectBlend?: InspectBlend | null;
  /** Tests pass a headless screen and a stand-in for `process`. */
  readonly screen?: blessed.Widgets.Screen;
  readonly processEvents?: ProcessEvents;
  /** Called with the running app once it has started (tests drive it). */
  readonly onStarted?: (app: DashboardApp) => void;
}

type Ending = { readonly kind: 'quit' } | { readonly kind: 'signal'; readonly signal: NodeJS.Signals } | { readonly kind: 'crash'; readonly error: unknown };

export async function runDashboardSession(deps: SessionDeps): Promise<number> {
  const { options, io, selected } = deps;
  if (deps.screen === undefined && io.stdout.isTTY !== true) {
    io.stderr.write('omtop: the dashboard needs a terminal; use --once (or --once --json) to print a snapshot\n');
    return 1;
  }
  if (selected.notice !== null) io.stderr.write(`omtop: ${selected.notice}\n`);
  const { backend } = selected;
  let end: (ending: Ending) => void = () => undefined;
  const ended = new Promise<Ending>((resolve) => {
    end = resolve;
  });
  const store = createStore({ historyLength: 120 });
  const collector = createCollector({
    backend, intervalMs: options.intervalMs, store,
    onListenerError: (error) => end({ kind: 'crash', error }),
  });
  const screen = deps.screen ?? createScreen({ input: io.stdin, output: io.stdout });
  const releaseGuard = guardTerminal(deps.processEvents ?? process, {
    onSignal: (signal) => end({ kind: 'signal', signal }),
    onCrash: (error) => end({ kind: 'crash', error }),
  });
  // Ctrl-Z and kill -TSTP on a real terminal; a test's headless screen has no shell to go back to.
  const suspender = deps.screen === undefined ? createSuspender({
    pauseTerminal: () => {
      const { program } = screen;
      // pause() turns mouse reporting off and its resume on again, but in the terminal's default
      // encoding: SGR reports (bindMouse) are asked for again below.
      const mouseOn = (program as { mouseEnabled?: boolean }).mouseEnabled === true;
      const write = program.output.write;
      const takeBack = program.pause();
      // pause() silences the output before blessed's buffered escapes (normal screen, cursor shown)
      // are flushed: send them now, or the shell would come back inside the alternate screen.
      const silenced = program.output.write;
      program.output.write = write;
      program.flush();
      program.output.write = silenced;
      return (): void => {
        takeBack();
        if (mouseOn) program.setMouse({ sgrMouse: true }, true);
      };
    },
    redraw: () => {
      screen.alloc();
      screen.render();
    },
    stop: stopJob,
    events: process,
  }) : null;
  let app: DashboardApp | null = null;
  try {
    app = createDashboardApp({
      screen, backend, collector, store, notice: selected.notice, startRender: deps.startRender,
      readonly: selected.readonly, intervalMs: options.intervalMs, color: wantsColor(io.env), mouse: options.mouse,
      ...(suspender ? { suspend: suspender.suspend } : {}),
      renderSources: selected.renderSources ?? null,
      bell: options.bell ?? true, inspectBlend: deps.inspectBlend ?? null,
    });
    void app.quitRequested.then(() => end({ kind: 'quit' }));
    app.start();
    deps.onStarted?.(app);
  } catch (error) {
    end({ kind: 'crash', error });
  }
  const ending = await ended;
  try {
    await app?.stop();
  } finally {
    suspender?.release();
    screen.destroy();
    releaseGuard();
    await backend.close();
  }
  // The screen is the shell's again: say what was stopped and how to go on (finished frames were kept).
  for (const line of resumeLines(app?.jobs() ?? [])) io.stderr.write(`${terminalSafe(line)}\n`);
  if (ending.kind === 'crash') {
    io.stderr.write(crashLine(ending.error, Boolean(io.env.OMTOP_DEBUG)));
    return 1;
  }
  return ending.kind === 'signal' ? signalExitCode(ending.signal) : 0;
}
