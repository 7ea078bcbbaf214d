// `omtop render FILE.blend START END PARTS [options]`: the tutorial's split render, done properly.
import type { CliIo } from '../io.js';
import { parseRenderArgs, RENDER_HELP } from '../launcher/cliArgs.js';
import { RenderCancelledError, RenderInputError, RenderUsageError } from '../launcher/inputChecks.js';
import { startRenderJob } from '../launcher/startRender.js';
import { ProgressPrinter, type ProgressMode } from '../launcher/progressPrinter.js';
import { bannerLines, resumeCommand, tutorialDate } from '../launcher/progressText.js';
import type { RenderJobHandle, RenderJobView } from '../launcher/types.js';
import type { RenderEvent } from '../launcher/jobConfig.js';
import { formatFrameList } from '../launcher/frameList.js';
import { terminalSafe } from '../text/terminalSafe.js';
import { outcomeEnvironment, runOnDone } from '../launcher/onDone.js';
import { createExecaRunner } from '../runner/execaRunner.js';

/** README: 0 ok, 1 a failure, 2 a usage error. */
const EXIT_USAGE = 2;
/** Exit code after Ctrl-C, as a shell reports a SIGINT death. */
const EXIT_CANCELLED = 130;

/**
 * Ctrl-C, SIGTERM and a closed terminal (SIGHUP) call `onSignal` instead of killing omtop: they
 * cancel the job (which stops every blender group), or its preparation (the blenders loading).
 */
function onSignals(onSignal: () => void): () => void {
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.on('SIGHUP', onSignal);
  return () => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    process.off('SIGHUP', onSignal);
  };
}

function report(view: RenderJobView, args: readonly string[], io: CliIo, printer: ProgressPrinter): number {
  printer.json({ type: 'job-end', state: view.state, framesDone: view.framesDone, framesTotal: view.framesTotal, message: view.message });
  const text = (line: string): void => {
    if (printer.mode !== 'json') printer.line(line);
  };
  if (view.state === 'finished') {
    text('Rendering successfully finished.');
    text(`Job ended at: ${tutorialDate(view.endedAt ?? Date.now())}`);
    return 0;
  }
  if (view.state === 'cancelled') {
    io.stderr.write(`omtop: rendering stopped: ${view.framesDone} of ${view.framesTotal} frames done, kept in ${view.outDir}\n`);
    io.stderr.write(`omtop: resume with: ${resumeCommand(args)}\n`);
    return EXIT_CANCELLED;
  }
  io.stderr.write(`omtop: rendering failed: ${view.message ?? 'unknown reason'}\n`);
  const logs = view.parts.map((part) => part.logFile).filter((log) => log !== null);
  io.stderr.write(`omtop: part logs: ${logs.join(' ')}\n`);
  return 1;
}

export async function runRenderCommand(args: readonly string[], io: CliIo): Promise<number> {
  let handle: RenderJobHandle;
  let printer: ProgressPrinter;
  let prepared;
  let onDone: readonly string[] | null;
  const early = new AbortController();
  const stopEarly = onSignals(() => early.abort());
  try {
    const cli = parseRenderArgs(args);
    if (cli.help) {
      io.stdout.write(RENDER_HELP);
      return 0;
    }
    onDone = cli.onDone;
    const mode: ProgressMode = cli.json ? 'json' : io.stdout.isTTY ? 'tty' : 'lines';
    printer = new ProgressPrinter(io.stdout, mode, () => io.stdout.columns || 80);
    const events = printer;
    const options = { ...cli.options, cwd: io.cwd, env: io.env, hooks: { onEvent: (e: RenderEvent) => events.onEvent(e) }, abort: early.signal };
    ({ handle, prepared } = cli.slurm
      ? await (await import('../launcher/slurm/startSlurmRender.js')).startSlurmRenderJob({ ...options, slurm: cli.slurm })
      : await startRenderJob(options));
  } catch (error) {
    if (!(error instanceof RenderInputError)) throw error;
    io.stderr.write(`omtop: ${terminalSafe(error.message)}\n`);
    if (error instanceof RenderCancelledError) return EXIT_CANCELLED;
    return error instanceof RenderUsageError ? EXIT_USAGE : 1;
  } finally {
    stopEarly();
  }
  const stopListening = onSignals(() => void handle.cancel());
  try {
    for (const warning of prepared.warnings) io.stderr.write(`omtop: warning: ${warning}\n`);
    const { config, skipped } = prepared;
    const view = handle.view();
    printer.json({ type: 'job-start', id: view.id, blendFile: view.blendFile, frames: formatFrameList(config.frames), parts: view.parts.length, outDir: view.outDir, logDir: config.logDir });
    if (printer.mode !== 'json') {
      if (skipped.length > 0) printer.line(`Resuming: ${skipped.length} of ${config.allFrames.length} frames already in ${view.outDir}.`);
      const lines = config.frames.length === 0
        ? [`Nothing to render: all ${config.allFrames.length} frames are already in ${view.outDir}.`]
        : bannerLines(config.frames.length, config.blendFile, config.parts, view.startedAt);
      for (const line of lines) printer.line(line);
      const array = view.parts[0]?.taskId?.split('_')[0];
      if (array !== undefined) printer.line(`Slurm job ${array}: ${view.parts.length} array tasks, at most ${config.parts} at once; task logs in ${config.logDir}`);
    }
    const unsubscribe = handle.subscribe((next) => printer.onView(next));
    const final = await handle.done;
    unsubscribe();
    printer.stop();
    const code = report(final, args, io, printer);
    if (onDone !== null) {
      // Its outcome goes in the environment, never into the command line.
      const runner = createExecaRunner({ env: { ...io.env, ...outcomeEnvironment(final, config.movie?.file ?? null) }, concurrency: 1 });
      const problem = await runOnDone(runner, onDone);
      if (problem !== null) io.stderr.write(`omtop: ${terminalSafe(problem)}\n`);
    }
    return code;
  } finally {
    stopListening();
  }
}
