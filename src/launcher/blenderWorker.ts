// One render worker: a long-lived `blender -b FILE --python renderWorker.py` that loads the .blend
// once and then renders the frames omtop hands it, one at a time, over its stdin. Its log lines are
// parsed and logged like any part's; its answers settle each frame. The no-output watchdog runs
// while it loads and while it renders a frame, not while it waits for one.
import type { BlenderLogEvent } from '../../parsers/blenderLog.js';
import { startPartProcess, type PartProcessResult, type RunningPartProcess } from './partProcess.js';
import { isBlendAnswer } from './blendInfo.js';
import { parseWorkerLine, QUIT_COMMAND, renderCommand } from './workerProtocol.js';

export type FrameAnswer =
  | { readonly kind: 'saved' }
  | { readonly kind: 'failed'; readonly reason: string }
  /** The process ended (crashed, killed, stalled) before answering: the frame is lost. */
  | { readonly kind: 'lost' };

export interface WorkerOptions {
  readonly argv: readonly string[];
  readonly logFile: string | Promise<string>;
  readonly stallTimeoutMs: number;
  readonly onEvent?: (event: BlenderLogEvent) => void;
}

export class BlenderWorker {
  readonly argv: readonly string[];
  /** Milliseconds since the epoch when the process was started. */
  readonly startedAt = Date.now();
  /** The blendInfo answer line it printed at start-up; null when it ended without one. */
  readonly infoLine: Promise<string | null>;
  /** True once the worker waits for frames; false when it ended before. */
  readonly ready: Promise<boolean>;
  readonly result: Promise<PartProcessResult>;
  /** The highest frame handed to this process: it renders frames in order, never going back. */
  lastFrame: number | null = null;
  private readonly process: RunningPartProcess;
  private pending: { readonly frame: number; readonly settle: (answer: FrameAnswer) => void } | null = null;
  private gone = false;

  constructor(options: WorkerOptions) {
    this.argv = options.argv;
    let onInfo: (line: string | null) => void = () => undefined;
    let onReady: (ready: boolean) => void = () => undefined;
    this.infoLine = new Promise((resolve) => (onInfo = resolve));
    this.ready = new Promise((resolve) => (onReady = resolve));
    this.process = startPartProcess({
      argv: options.argv,
      logFile: options.logFile,
      stallTimeoutMs: options.stallTimeoutMs,
      input: true,
      ...(options.onEvent ? { onEvent: options.onEvent } : {}),
      onLine: (line) => {
        if (isBlendAnswer(line)) {
          onInfo(line);
          return;
        }
        // Any other answer (a command it did not understand, a frame not in hand) stays in the log only.
        const answer = parseWorkerLine(line);
        if (answer?.kind === 'ready') {
          // Loaded: silent from now on until it is handed a frame (one may be waiting already).
          if (this.pending === null) this.process.watch(false);
          onReady(true);
        } else if ((answer?.kind === 'saved' || answer?.kind === 'failed') && this.pending?.frame === answer.frame) {
          this.settle(answer.kind === 'saved' ? { kind: 'saved' } : { kind: 'failed', reason: answer.reason });
        }
      },
    });
    this.result = this.process.result.then((result) => {
      this.gone = true;
      onInfo(null);
      onReady(false);
      this.settle({ kind: 'lost' });
      return result;
    });
  }

  get pid(): number | null {
    return this.process.pid;
  }

  /** The process behind the worker, for the job's set of running processes (cancel signals it). */
  get running(): RunningPartProcess {
    return this.process;
  }

  /** Renders one frame (one at a time, never below `lastFrame`); resolves with how it went. */
  render(frame: number): Promise<FrameAnswer> {
    if (this.pending !== null) throw new Error(`render worker ${this.pid}: frame ${this.pending.frame} is still in hand`);
    if (this.lastFrame !== null && frame < this.lastFrame) {
      throw new Error(`render worker ${this.pid}: frame ${frame} after ${this.lastFrame} would go back in time`);
    }
    this.lastFrame = frame;
    if (this.gone) return Promise.resolve({ kind: 'lost' });
    return new Promise<FrameAnswer>((settle) => {
      this.pending = { frame, settle };
      this.process.watch(true);
      if (!this.process.send(renderCommand(frame))) this.process.kill('SIGKILL');
    });
  }

  /** Asks the worker to finish (it ends after the frame in hand, if any) and waits until it has. */
  quit(): Promise<PartProcessResult> {
    // Blender takes a moment to quit; the watchdog sees to one that does not.
    this.process.watch(true);
    this.process.send(QUIT_COMMAND);
    this.process.closeInput();
    return this.result;
  }

  kill(signal: NodeJS.Signals): boolean {
    return this.process.kill(signal);
  }

  private settle(answer: FrameAnswer): void {
    const pending = this.pending;
    if (pending === null) return;
    this.pending = null;
    this.process.watch(false);
    pending.settle(answer);
  }
}
