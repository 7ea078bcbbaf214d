// The render job engine: PARTS workers over blender processes (even split or a dynamic queue),
// retries, verification by files, cancellation without orphans, and the optional movie.
import { join } from 'node:path';
import type { RenderJobHandle, RenderJobView, JobState } from './types.js';
import type { RenderEvent, RenderJobConfig } from './jobConfig.js';
import { PartRecord } from './partRecord.js';
import { FrameQueue } from './frameQueue.js';
import { evenSplit, nextChunkSize } from './plan.js';
import { formatFrameList } from './frameList.js';
import { runChunk } from './chunkRun.js';
import { missingFrames } from './frameFiles.js';
import type { RunningPartProcess } from './partProcess.js';
import { assembleMovie } from './movie.js';
import { FrameTiming } from './frameTiming.js';
import { errorLine } from '../errorLine.js';

/** Blender gets this long to quit after SIGTERM before its process group is killed. */
const KILL_GRACE_MS = 3000;

export class RenderJob implements RenderJobHandle {
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
  /** Exits with an error and no frame while the job has none yet: the same error everywhere. */
  private fatalExits = 0;
  private readonly timing = new FrameTiming();
  private wakeWaiting: Array<() => void> = [];

  constructor(private readonly config: RenderJobConfig) {
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
    };
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
    this.wake();
  }

  private async run(): Promise<RenderJobView> {
    try {
      if (this.config.split === 'even') {
        const groups = evenSplit(this.config.frames, this.parts.length);
        await Promise.all(this.parts.map((part, i) => this.evenWorker(part, groups[i] ?? [])));
      } else {
        const queue = new FrameQueue(this.config.frames);
        await Promise.all(this.parts.map((part) => this.dynamicWorker(part, queue)));
      }
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
    await this.releaseLock();
    return this.view();
  }

  private async evenWorker(part: PartRecord, group: readonly number[]): Promise<void> {
    part.assign(group);
    let pending = [...group];
    for (let attempt = 1; pending.length > 0 && !this.cancelled; attempt += 1) {
      pending = this.allowedRetries(part, await this.renderChunk(part, pending, attempt));
    }
    this.settlePart(part);
  }

  private async dynamicWorker(part: PartRecord, queue: FrameQueue): Promise<void> {
    while (!this.cancelled) {
      if (queue.size === 0) {
        if (this.running.size === 0) break;
        // Idle until another part finishes: its failed frames may come back to the queue.
        part.state = 'pending';
        this.notify();
        await new Promise<void>((resolve) => this.wakeWaiting.push(resolve));
        continue;
      }
      const size = nextChunkSize({
        remaining: queue.size,
        parts: this.parts.length,
        secondsPerFrame: this.timing.secondsPerFrame(),
        startupSeconds: this.timing.startupSeconds(),
        // Taken by the other parts and not yet done: nothing is in flight for this part between chunks.
        inProgress: this.config.frames.length - queue.size - this.doneFrames.size - this.givenUp.size,
        fixed: this.config.chunk,
      });
      const frames = queue.take(size);
      part.assign(frames);
      const attempt = Math.max(...frames.map((frame) => (this.failures.get(frame) ?? 0) + 1));
      const retry = this.allowedRetries(part, await this.renderChunk(part, frames, attempt));
      part.unassign(retry);
      queue.requeue(retry);
      this.wake();
    }
    this.settlePart(part);
  }

  private async renderChunk(part: PartRecord, frames: readonly number[], attempt: number): Promise<number[]> {
    part.state = attempt > 1 ? 'retrying' : 'rendering';
    let lastMark = Date.now();
    let firstOfProcess = true;
    let pid: number | null = null;
    let process: RunningPartProcess | undefined;
    const outcome = await runChunk(this.config, frames, part.logFile, {
      onSpawn: (running, argv) => {
        process = running;
        pid = running.pid;
        part.pid = pid;
        this.running.add(running);
        if (this.cancelled) running.kill('SIGTERM');
        if (pid !== null) this.config.hooks?.onPartSpawn?.(pid, argv);
        this.emit({ type: 'part-spawn', part: part.index, pid, frames: formatFrameList(frames), attempt, logFile: part.logFile });
        this.notify();
      },
      onCurrentFrame: (frame) => {
        if (part.currentFrame === frame) return;
        part.currentFrame = frame;
        this.notify();
      },
      onFrameDone: (frame, file) => {
        if (this.doneFrames.has(frame)) return;
        const now = Date.now();
        const seconds = (now - lastMark) / 1000;
        lastMark = now;
        this.doneFrames.add(frame);
        part.recordFrame(seconds);
        this.timing.record(seconds, firstOfProcess);
        firstOfProcess = false;
        this.lastSaved = file;
        this.emit({
          type: 'frame-done', part: part.index, frame, file, seconds,
          framesDone: this.doneFrames.size, framesTotal: this.config.frames.length,
        });
        this.notify();
      },
    });
    if (process) this.running.delete(process);
    part.pid = null;
    part.currentFrame = null;
    if (pid !== null) this.config.hooks?.onPartExit?.(pid);
    const { result, missing, writeProblem } = outcome;
    const error = writeProblem ?? result.spawnError ?? result.errors[0] ?? null;
    this.emit({
      type: 'part-exit', part: part.index, pid: result.pid, exitCode: result.exitCode, signal: result.signal,
      stalled: result.stalled, missing: formatFrameList(missing), error,
    });
    if (writeProblem !== null && !this.cancelled) {
      // Retrying cannot help while the disk is full or read-only: stop, naming the real cause.
      this.message = writeProblem;
      this.stopAll();
    }
    this.checkFatal(result.exitCode, missing.length === frames.length, error);
    this.notify();
    return missing;
  }

  /** Counts a failure for each missing frame; returns those still allowed another try. */
  private allowedRetries(part: PartRecord, missing: readonly number[]): number[] {
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
   * A blender that exits with an error before any frame of the job exists, on every part, will do so
   * again on every retry (no denoiser, unreadable file): stop instead of retrying frame after frame.
   */
  private checkFatal(exitCode: number | null, nothingSaved: boolean, error: string | null): void {
    if (this.doneFrames.size > 0 || !nothingSaved || exitCode === null || exitCode === 0 || error === null) return;
    this.fatalExits += 1;
    if (this.fatalExits < this.parts.length || this.cancelled) return;
    this.message = `blender failed on every part: ${error}${blenderErrorHint(error)}`;
    this.stopAll();
  }

  /** A part stopped by a cancel before it finished its frames (or took any) is cancelled, never done. */
  private settlePart(part: PartRecord): void {
    if (this.cancelled && !part.complete) part.state = 'cancelled';
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

  private wake(): void {
    const waiting = this.wakeWaiting;
    this.wakeWaiting = [];
    for (const resolve of waiting) resolve();
  }

  private emit(event: RenderEvent): void {
    this.config.hooks?.onEvent?.(event);
  }

  private notify(): void {
    const view = this.view();
    for (const listener of this.listeners) listener(view);
  }
}

/** The blender errors a user can fix with one of omtop's own options: a few words saying which. */
function blenderErrorHint(error: string): string {
  if (/OpenImageDenoise|denois/i.test(error)) return ' (this blender has no OpenImageDenoise: pass --no-denoising)';
  return '';
}
