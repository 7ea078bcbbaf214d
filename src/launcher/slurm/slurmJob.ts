// A split render as Slurm job arrays: submit the tasks, watch them through squeue, their logs and
// the frames on disk, resubmit only the missing frames (--retries), cancel with scancel. As for the
// local parts, blender writes each frame under its partial name and omtop renames it over the
// frame's file once blender said it saved it (or the task ended COMPLETED), so a frame's file is
// always the old one or a whole new one; only this job's partials are ever removed. Success is
// judged by the files. Every Slurm command goes through the runner seam.
import { writeFile } from 'node:fs/promises';
import { classifySlurmError, parseSqueueText, SQUEUE_TEXT_FORMAT } from '../../../parsers/index.js';
import type { CommandResult, CommandRunner } from '../../runner/runner.js';
import { toBlenderArgv } from '../blenderArgv.js';
import { formatFrameList } from '../frameList.js';
import { RenderInputError } from '../inputChecks.js';
import type { RenderJobConfig } from '../jobConfig.js';
import { assembleMovie } from '../movie.js';
import { errorLine } from '../../errorLine.js';
import type { JobState, PartState, PartView, RenderJobHandle, RenderJobView } from '../types.js';
import { argvFileText, sbatchArgv, submittedJobId, taskArgvFile, taskLogFile, type SlurmSubmitOptions } from './sbatchArgv.js';
import { planTasks } from './taskPlan.js';
import { TaskLogReader } from './taskLog.js';
import { discardPartial, publishFrame } from '../partialFrames.js';
import { squeueTasksArgv, taskStates } from './taskStates.js';

interface Task {
  readonly index: number;
  readonly round: string;
  readonly arrayJobId: string;
  readonly taskNo: number;
  readonly frames: readonly number[];
  readonly done: Set<number>;
  readonly logFile: string;
  readonly log: TaskLogReader;
  state: PartState;
  node: string | null;
  currentFrame: number | null;
  seen: boolean;
  lastFrameAt: number;
  startedAt: number | null;
}

export interface SlurmJobOptions {
  readonly runner: CommandRunner;
  readonly submit: SlurmSubmitOptions;
  /** How often squeue and the frames are looked at. @default 1000 */
  readonly pollMs?: number;
  /** @default Date.now */
  readonly now?: () => number;
}

/** How long a cancel waits for Slurm to report every task ended. */
const CANCEL_WAIT_MS = 60_000;
/** squeue failing this many polls in a row fails the job (the array may still run: scancel is tried). */
const MAX_QUEUE_FAILURES = 60;

export function sbatchFailure(result: CommandResult): string {
  if (result.failure === 'missing') return '--slurm needs sbatch: install slurm-client, or run omtop on a Slurm login node';
  const classified = classifySlurmError(`${result.stderr}\n${result.stdout}`);
  if (classified) return `no Slurm here: ${classified.message}`;
  const lines = result.stderr.trim().split('\n').filter((line) => line.trim() !== '');
  return lines.at(-1) ?? result.message ?? 'sbatch failed';
}

export class SlurmRenderJob implements RenderJobHandle {
  readonly id: string;
  readonly done: Promise<RenderJobView>;
  private readonly tasks: Task[] = [];
  private readonly listeners = new Set<(view: RenderJobView) => void>();
  private readonly now: () => number;
  private readonly startedAt: number;
  private state: JobState = 'running';
  private message: string | null = null;
  private endedAt: number | null = null;
  private lastSaved: string | null = null;
  private rounds = 0;
  private cancelling = false;
  private wake: (() => void) | null = null;
  private loop: Promise<void> = Promise.resolve();
  private resolveDone!: (view: RenderJobView) => void;

  constructor(private readonly config: RenderJobConfig, private readonly options: SlurmJobOptions) {
    this.id = config.id;
    this.now = options.now ?? Date.now;
    this.startedAt = this.now();
    this.done = new Promise((resolve) => {
      this.resolveDone = resolve;
    });
  }

  /** Submits the first array; rejects with a RenderInputError (one line) when Slurm refuses it. */
  async start(): Promise<void> {
    if (this.config.frames.length > 0) await this.submit(this.config.frames);
    this.loop = this.watch();
  }

  view(): RenderJobView {
    const framesTotal = this.config.frames.length;
    const framesDone = this.tasks.reduce((sum, task) => sum + task.done.size, 0);
    const running = this.tasks.map((task) => task.startedAt).filter((at): at is number => at !== null);
    const since = running.length > 0 ? Math.min(...running) : null;
    const elapsed = since === null ? 0 : (this.now() - since) / 1000;
    const etaSeconds = framesDone > 0 && framesDone < framesTotal && elapsed > 0 ? Math.round(((framesTotal - framesDone) * elapsed) / framesDone) : null;
    return {
      id: this.id,
      blendFile: this.config.blendFile,
      outDir: this.config.outDir,
      framesDone,
      framesTotal,
      etaSeconds: this.state === 'running' ? etaSeconds : null,
      lastSaved: this.lastSaved,
      parts: this.tasks.map((task) => this.partView(task)),
      state: this.state,
      startedAt: this.startedAt,
      endedAt: this.endedAt,
      message: this.message,
    };
  }

  subscribe(listener: (view: RenderJobView) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async cancel(): Promise<void> {
    if (this.state !== 'running' || this.cancelling) return this.done.then(() => undefined);
    this.cancelling = true;
    this.wake?.();
    await this.loop;
    const arrays = [...new Set(this.tasks.filter((t) => t.state === 'pending' || t.state === 'rendering').map((t) => t.arrayJobId))];
    for (const array of arrays) await this.options.runner.run(['scancel', array]);
    const deadline = this.now() + CANCEL_WAIT_MS;
    for (const array of arrays) {
      while (this.now() < deadline && (await this.unfinishedTasks(array)) > 0) await sleep(300);
    }
    // Frames blender finished before the kill are kept; every other partial of this job is removed.
    for (const task of this.tasks) {
      if (task.state !== 'pending' && task.state !== 'rendering') continue;
      await task.log.update().catch(() => undefined);
      await this.collectFrames(task, false).catch(() => undefined);
      for (const frame of task.frames) if (!task.done.has(frame)) await discardPartial(this.partialOf(frame)).catch(() => undefined);
      task.state = 'cancelled';
    }
    const left = (await Promise.all(arrays.map((a) => this.unfinishedTasks(a)))).reduce((s, n) => s + n, 0);
    this.finish('cancelled', left > 0 ? `${left} task(s) still listed by squeue after scancel` : 'cancelled');
  }

  private partView(task: Task): PartView {
    const elapsed = task.startedAt === null ? null : (task.lastFrameAt - task.startedAt) / 1000;
    return {
      index: task.index,
      pid: null,
      frames: formatFrameList(task.frames),
      currentFrame: task.currentFrame,
      framesDone: task.done.size,
      framesTotal: task.frames.length,
      secondsPerFrame: task.done.size > 0 && elapsed !== null ? elapsed / task.done.size : null,
      state: task.state,
      logFile: task.logFile,
      node: task.node,
      taskId: `${task.arrayJobId}_${task.taskNo}`,
    };
  }

  private async submit(frames: readonly number[]): Promise<void> {
    const round = `r${this.rounds}`;
    const plan = planTasks(frames, { parts: this.config.parts, split: this.config.split, chunk: this.config.chunk });
    await Promise.all(plan.map((taskFrames, i) => {
      const argv = toBlenderArgv({ ...this.config.invocation, outputPattern: this.config.partialPattern, blender: this.config.blender, frames: taskFrames });
      return writeFile(taskArgvFile(this.config.logDir, round, i + 1), argvFileText(argv));
    }));
    const argv = sbatchArgv(
      { jobId: this.id, logDir: this.config.logDir, round, tasks: plan.length, parts: this.config.parts, workDir: this.config.outDir },
      this.options.submit,
    );
    const result = await this.options.runner.run(argv, { timeoutMs: 30_000 });
    const arrayJobId = result.failure ? null : submittedJobId(result.stdout);
    if (arrayJobId === null) throw new RenderInputError(`sbatch refused the render: ${result.failure ? sbatchFailure(result) : `unexpected output "${result.stdout.trim()}"`}`);
    this.rounds += 1;
    plan.forEach((taskFrames, i) => {
      const index = this.tasks.length + 1;
      const logFile = taskLogFile(this.config.logDir, round, i + 1);
      this.tasks.push({
        index, round, arrayJobId, taskNo: i + 1, frames: taskFrames, done: new Set(), logFile, log: new TaskLogReader(logFile), state: 'pending', node: null,
        currentFrame: null, seen: false, lastFrameAt: this.now(), startedAt: null,
      });
      this.config.hooks?.onEvent?.({ type: 'part-spawn', part: index, pid: null, frames: formatFrameList(taskFrames), attempt: this.rounds, logFile });
    });
  }

  private async unfinishedTasks(arrayJobId: string): Promise<number> {
    const result = await this.options.runner.run(squeueTasksArgv(arrayJobId, SQUEUE_TEXT_FORMAT));
    if (result.failure) return /Invalid job id/i.test(result.stderr) ? 0 : 1;
    const parsed = parseSqueueText(result.stdout);
    return parsed.ok ? parsed.value.jobs.filter((job) => !job.finished).length : 1;
  }

  private async watch(): Promise<void> {
    let failures = 0;
    try {
      while (!this.cancelling && this.state === 'running') {
        const current = this.tasks.filter((task) => task.state === 'pending' || task.state === 'rendering');
        if (current.length === 0) {
          await this.roundEnded();
          continue;
        }
        const ok = await this.poll(current);
        failures = ok ? 0 : failures + 1;
        if (failures >= MAX_QUEUE_FAILURES) throw new Error(`squeue failed ${failures} times in a row`);
        this.emit();
        if (!this.cancelling) await new Promise<void>((resolve) => {
          this.wake = resolve;
          setTimeout(resolve, this.options.pollMs ?? 1000);
        });
      }
    } catch (error) {
      if (this.state === 'running' && !this.cancelling) this.finish('failed', error instanceof Error ? error.message.split('\n')[0] ?? '' : String(error));
    }
  }

  /** One look at squeue and the frames; false when squeue could not be read. */
  private async poll(current: readonly Task[]): Promise<boolean> {
    const arrays = [...new Set(current.map((task) => task.arrayJobId))];
    let ok = true;
    for (const array of arrays) {
      const result = await this.options.runner.run(squeueTasksArgv(array, SQUEUE_TEXT_FORMAT));
      // Once MinJobAge has passed, squeue no longer knows the array: every task has ended.
      const purged = result.failure === 'exit' && /Invalid job id/i.test(result.stderr);
      const parsed = result.failure ? null : parseSqueueText(result.stdout);
      if (!purged && !parsed?.ok) {
        ok = false;
        continue;
      }
      const states = parsed?.ok ? taskStates(parsed.value.jobs, Number(array)) : new Map();
      for (const task of current.filter((t) => t.arrayJobId === array)) {
        const queued = states.get(task.taskNo);
        if (queued) task.seen = true;
        if (queued?.state === 'running') {
          task.state = 'rendering';
          task.node = queued.node;
          task.startedAt ??= this.now();
          await task.log.update();
          task.currentFrame = task.log.currentFrame;
          task.node ??= task.log.node;
          await this.collectFrames(task, false);
        }
        if (purged || queued?.state === 'ended' || (!queued && task.seen)) await this.taskEnded(task, queued?.slurmState ?? 'ENDED');
      }
    }
    return ok;
  }

  private partialOf(frame: number): string {
    return this.config.partials.get(frame) ?? '';
  }

  /** Publishes the frames blender reported saved (all whole partials after a COMPLETED task). */
  private async collectFrames(task: Task, cleanExit: boolean): Promise<void> {
    for (const frame of task.frames) {
      if (task.done.has(frame)) continue;
      const partial = this.partialOf(frame);
      const path = this.config.paths.get(frame) ?? '';
      if (!cleanExit && !task.log.saved.has(partial)) continue;
      if (!(await publishFrame(partial, path))) continue;
      task.done.add(frame);
      const at = this.now();
      this.lastSaved = path;
      const framesDone = this.tasks.reduce((sum, t) => sum + t.done.size, 0);
      this.config.hooks?.onEvent?.({
        type: 'frame-done', part: task.index, frame, file: path, seconds: (at - task.lastFrameAt) / 1000, framesDone, framesTotal: this.config.frames.length,
      });
      task.lastFrameAt = at;
    }
  }

  private async taskEnded(task: Task, slurmState: string): Promise<void> {
    await task.log.update();
    await this.collectFrames(task, slurmState === 'COMPLETED');
    const missing = task.frames.filter((frame) => !task.done.has(frame));
    // What is left of a failed frame is this job's own partial: removed, never a final name.
    for (const frame of missing) await discardPartial(this.partialOf(frame));
    task.state = missing.length === 0 ? 'done' : 'failed';
    task.currentFrame = null;
    task.node ??= task.log.node;
    if (missing.length > 0) {
      this.config.hooks?.onEvent?.({
        type: 'part-exit', part: task.index, pid: null, exitCode: null, signal: null, stalled: false, missing: formatFrameList(missing),
        error: `Slurm task ${task.arrayJobId}_${task.taskNo} ended ${slurmState}; log ${task.logFile}`,
      });
    }
  }

  private async roundEnded(): Promise<void> {
    const missing = this.config.frames.filter((frame) => !this.tasks.some((task) => task.done.has(frame)));
    if (missing.length > 0 && this.rounds <= this.config.retries) {
      await this.submit(missing);
      return;
    }
    if (missing.length > 0) {
      this.finish('failed', `frames ${formatFrameList(missing)} were not rendered after ${this.rounds} submission(s); see the task logs`);
      return;
    }
    if (this.config.movie) {
      this.state = 'assembling';
      this.emit();
      const movie = await assembleMovie(this.config.movie, this.config.allFrames.map((frame) => this.config.paths.get(frame) ?? ''));
      if (!movie.ok) {
        this.finish('failed', movie.message);
        return;
      }
      this.config.hooks?.onEvent?.({ type: 'movie', file: this.config.movie.file, frames: movie.frames, tool: movie.tool });
      this.finish('finished', movie.message);
      return;
    }
    this.finish('finished', null);
  }

  private finish(state: JobState, message: string | null): void {
    this.state = state;
    this.message = message;
    this.endedAt = this.now();
    this.emit();
    // The frames are free for another job once this one has ended (prepareRender took the lock).
    const released = this.config.outputLock?.release() ?? Promise.resolve();
    void released.catch((error: unknown) => {
      this.message = `${this.message === null ? '' : `${this.message}; `}could not remove the lock: ${errorLine(error)}`;
    }).then(() => this.resolveDone(this.view()));
  }

  private emit(): void {
    const view = this.view();
    for (const listener of this.listeners) listener(view);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
