// The render job engine: PARTS parts over blender processes — a render worker per part, or one
// blender per chunk where the worker cannot run (workerParts, chunkParts) — with the books they
// share: frames done, retries, events, verification by files, cancellation without orphans, and
// the optional movie.
import { join } from 'node:path';
import type { RenderJobHandle, RenderJobView, JobState } from './types.js';
import type { RenderEvent, RenderJobConfig } from './jobConfig.js';
import { PartRecord } from './partRecord.js';
import { formatFrameList } from './frameList.js';
import { missingFrames } from './frameFiles.js';
import type { RunningPartProcess } from './partProcess.js';
import { assembleMovie } from './movie.js';
import { FrameTiming } from './frameTiming.js';
import { errorLine } from '../errorLine.js';
import type { PartHost, ProcessEnd } from './partHost.js';
import { runWorkerParts } from './workerParts.js';
import { runChunkParts } from './chunkParts.js';

/** Blender gets this long to quit after SIGTERM before its process group is killed. */
const KILL_GRACE_MS = 3000;

export class RenderJob implements RenderJobHandle, PartHost {
  readonly id: string;
  readonly done: Promise<RenderJobView>;
  private readonly parts: PartRecord[];
  private readonly listeners = new Set<(view: RenderJobView) => void>();
  private readonly running = new Set<RunningPartProcess>();
  private readonly doneFrames = new Set<number>();
  private readonly failures = new Map<number, number>();
  private readonly givenUp = new Set<number>();
  private readonly startedAt = Date.now();
  private endedAt: number | null = null;
  private state: JobState = 'running';
  private message: string | null = null;
  private lastSaved: string | null = null;
  private cancelled = false;
  /** The parts whose blender failed with an error before any frame existed (each counted once: a part may retry). */
  private readonly fatalParts = new Set<number>();
  readonly timing = new FrameTiming();
  private wakeWaiting: Array<() => void> = [];

  constructor(readonly config: RenderJobConfig) {
    this.id = config.id;
    const count = Math.max(1, Math.min(config.parts, config.frames.length));
    this.parts = Array.from({ length: count }, (_, i) => new PartRecord(i + 1, join(config.logDir, `part-${i + 1}.log`)));
    // Start on the next turn of the event loop, so the caller can print its banner and subscribe first.
    this.done = new Promise<void>((resolve) => setImmediate(resolve)).then(() => this.run());
  }

  view(): RenderJobView {
    const framesTotal = this.config.frames.length;
    const framesDone = this.doneFrames.size;
    const elapsed = (Date.now() - this.startedAt) / 1000;
    const running = this.state === 'running';
    return {
      id: this.id,
      blendFile: this.config.blendFile,
      outDir: this.config.outDir,
      framesDone,
      framesTotal,
      etaSeconds: running && framesDone > 0 ? ((framesTotal - framesDone) * elapsed) / framesDone : null,
      lastSaved: this.lastSaved,
      parts: this.parts.map((part) => part.view()),
      state: this.state,
      startedAt: this.startedAt,
      endedAt: this.endedAt,
      message: this.message,
      framePattern: this.config.framePattern ?? null,
      logDir: this.config.logDir,
      framesMissing: this.framesNotDone(),
    };
  }

  /** Frames of this job not rendered yet (missing, once it has ended); skipped while a huge job runs. */
  private framesNotDone(): string {
    if (this.state === 'running' && this.config.frames.length > 20_000) return '';
    return formatFrameList(this.config.frames.filter((frame) => !this.doneFrames.has(frame)));
  }

  subscribe(listener: (view: RenderJobView) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async cancel(): Promise<void> {
    if (!this.cancelled) this.stopAll();
    await this.done;
  }

  /** SIGTERM to every blender group now, SIGKILL to whatever still runs after the grace period. */
  private stopAll(): void {
    this.cancelled = true;
    for (const process of this.running) process.kill('SIGTERM');
    const hard = setTimeout(() => {
      for (const process of this.running) process.kill('SIGKILL');
    }, KILL_GRACE_MS);
    void this.done.then(() => clearTimeout(hard));
    this.changed();
  }

  private async run(): Promise<RenderJobView> {
    try {
      if (this.config.workers !== undefined) await runWorkerParts(this, this.parts);
      else await runChunkParts(this, this.parts);
      await this.finish();
    } catch (error) {
      // An I/O failure of omtop itself (log file, output dir gone): stop the parts, report it as the outcome.
      this.cancelled = true;
      for (const process of this.running) process.kill('SIGKILL');
      this.state = 'failed';
      this.message = `render job failed: ${errorLine(error)}`;
      this.endedAt = Date.now();
      this.notify();
    }
    // Workers started for parts that never took them (a job stopped early) go too.
    await this.config.workers?.pool.shutdown();
    await this.releaseLock();
    return this.view();
  }

  stopping(): boolean {
    return this.cancelled;
  }

  failuresOf(frame: number): number {
    return this.failures.get(frame) ?? 0;
  }

  framesInHand(queued: number): number {
    return this.config.frames.length - queued - this.doneFrames.size - this.givenUp.size;
  }

  processStarted(part: PartRecord, process: RunningPartProcess, argv: readonly string[], frames: readonly number[], attempt: number): void {
    part.pid = process.pid;
    this.running.add(process);
    if (this.cancelled) process.kill('SIGTERM');
    if (process.pid !== null) this.config.hooks?.onPartSpawn?.(process.pid, argv);
    this.emit({ type: 'part-spawn', part: part.index, pid: process.pid, frames: formatFrameList(frames), attempt, logFile: part.logFile });
    this.notify();
  }

  processEnded(part: PartRecord, process: RunningPartProcess, end: ProcessEnd): void {
    this.running.delete(process);
    part.pid = null;
    part.currentFrame = null;
    if (process.pid !== null) this.config.hooks?.onPartExit?.(process.pid);
    const { result, missing, writeProblem } = end;
    const error = writeProblem ?? result.spawnError ?? result.errors[0] ?? null;
    // The whole lines, for the job's details; the last few are where blender says why. A run that
    // said nothing (a retry stopped before it printed) keeps the lines of the run before it.
    const lines = [...(writeProblem === null ? [] : [writeProblem]), ...(result.spawnError === null ? [] : [result.spawnError]), ...result.errors];
    if (missing.length === 0) part.errors = [];
    else if (lines.length > 0) part.errors = lines.slice(-8);
    this.emit({
      type: 'part-exit', part: part.index, pid: result.pid, exitCode: result.exitCode, signal: result.signal,
      stalled: result.stalled, missing: formatFrameList(missing), error,
    });
    if (writeProblem !== null) this.stopFor(writeProblem);
    if (end.nothingSaved && result.exitCode !== null && result.exitCode !== 0 && error !== null) this.failedBeforeAnyFrame(part, error);
    this.notify();
  }

  currentFrame(part: PartRecord, frame: number): void {
    if (part.currentFrame === frame) return;
    part.currentFrame = frame;
    this.notify();
  }

  frameStarted(part: PartRecord, frame: number): void {
    this.emit({ type: 'frame-start', part: part.index, pid: part.pid, frame });
    this.currentFrame(part, frame);
  }

  frameDone(part: PartRecord, frame: number, file: string, seconds: number, firstOfProcess: boolean): boolean {
    if (this.doneFrames.has(frame)) return false;
    this.doneFrames.add(frame);
    part.recordFrame(seconds);
    this.timing.record(seconds, firstOfProcess);
    this.lastSaved = file;
    this.emit({
      type: 'frame-done', part: part.index, frame, file, seconds,
      framesDone: this.doneFrames.size, framesTotal: this.config.frames.length,
    });
    this.notify();
    return true;
  }

  stopFor(message: string): void {
    if (this.cancelled) return;
    this.message = message;
    this.stopAll();
  }

  nextChange(): Promise<void> {
    return new Promise<void>((resolve) => this.wakeWaiting.push(resolve));
  }

  /** Counts a failure for each missing frame; returns those still allowed another try. */
  allowedRetries(part: PartRecord, missing: readonly number[]): number[] {
    if (this.cancelled) return [];
    const retry: number[] = [];
    for (const frame of missing) {
      const failures = (this.failures.get(frame) ?? 0) + 1;
      this.failures.set(frame, failures);
      if (failures <= this.config.retries) retry.push(frame);
      else {
        this.givenUp.add(frame);
        part.framesFailed += 1;
      }
    }
    return retry;
  }

  /**
   * A blender that fails with an error before any frame of the job exists, on every part, will do so
   * again on every retry (no denoiser, unreadable file): stop instead of retrying frame after frame.
   */
  failedBeforeAnyFrame(part: PartRecord, error: string): void {
    if (this.doneFrames.size > 0) return;
    this.fatalParts.add(part.index);
    if (this.fatalParts.size < this.parts.length || this.cancelled) return;
    this.message = `blender failed on every part: ${error}${blenderErrorHint(error)}`;
    this.stopAll();
  }

  /**
   * A part stopped because blender failed on every part (not by the user) failed, with its error; one
   * stopped by a cancel before it finished its frames (or took any) is cancelled, never done.
   */
  partFinished(part: PartRecord): void {
    if (this.cancelled && this.message !== null && part.errors.length > 0) part.state = 'failed';
    else if (this.cancelled && !part.complete) part.state = 'cancelled';
    else part.state = part.framesFailed > 0 ? 'failed' : 'done';
    this.notify();
  }

  private async finish(): Promise<void> {
    // A frame of this job counts only when this job rendered it: with --overwrite the old file is
    // still there after a cancel or a failure, and must not pass for a new one.
    const notRendered = this.config.frames.filter((frame) => !this.doneFrames.has(frame));
    const gone = await missingFrames(this.config.allFrames, (frame) => this.config.paths.get(frame) ?? '');
    const missing = [...new Set([...notRendered, ...gone])].sort((a, b) => a - b);
    const userCancelled = this.cancelled && this.message === null;
    if (missing.length > 0) {
      const list = formatFrameList(missing);
      this.state = userCancelled ? 'cancelled' : 'failed';
      this.message = userCancelled
        ? `cancelled with ${missing.length} frame(s) not rendered: ${list}`
        : `${this.message === null ? '' : `${this.message}; `}${missing.length} frame(s) missing: ${list}; logs in ${this.config.logDir}`;
    } else if (this.config.movie && !userCancelled) {
      this.state = 'assembling';
      this.notify();
      const movie = await assembleMovie(this.config.movie, this.config.allFrames.map((f) => this.config.paths.get(f) ?? ''));
      this.state = movie.ok ? 'finished' : 'failed';
      this.message = movie.message;
      if (movie.ok) this.emit({ type: 'movie', file: this.config.movie.file, frames: movie.frames, tool: movie.tool });
    } else {
      this.state = userCancelled && this.config.movie ? 'cancelled' : 'finished';
    }
    this.endedAt = Date.now();
    this.notify();
  }

  /** The frames are free for another job once this one has ended, whatever the outcome. */
  private async releaseLock(): Promise<void> {
    await this.config.outputLock?.release().catch((error: unknown) => {
      this.message = `${this.message === null ? '' : `${this.message}; `}could not remove the lock: ${errorLine(error)}`;
    });
  }

  changed(): void {
    const waiting = this.wakeWaiting;
    this.wakeWaiting = [];
    for (const resolve of waiting) resolve();
  }

  private emit(event: RenderEvent): void {
    this.config.hooks?.onEvent?.(event);
  }

  notify(): void {
    const view = this.view();
    for (const listener of this.listeners) listener(view);
  }
}

/** The blender errors a user can fix with one of omtop's own options: the option, named for the CLI and the form. */
function blenderErrorHint(error: string): string {
  if (/OpenImageDenoise|denois/i.test(error)) return ' (this blender has no OpenImageDenoise: pass --no-denoising, or turn on "No denoising" in the form)';
  return '';
}
