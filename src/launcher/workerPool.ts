// The render workers of a job, started before the job itself: while omtop checks the output and the
// frames already on disk, every part's blender is already loading the .blend, and the first one
// answers where the frames go (the question a separate blender used to be started for). Each worker
// is then handed to its part with the part's log file, or stopped when the job needs fewer parts or
// does not start at all. Their lines wait in memory until their log file is known (see partLog).
import type { BlendInfo } from './blendInfo.js';
import { readBlendAnswer } from './blendInfo.js';
import { BlenderWorker } from './blenderWorker.js';
import { workerArgv, type WorkerStart } from './workerProtocol.js';

interface Pooled {
  readonly worker: BlenderWorker;
  readonly giveLog: (path: string) => void;
  readonly dropLog: () => void;
}

export interface PoolStart {
  /** How every worker is started; the first also gets `infoFrames`. */
  readonly start: Omit<WorkerStart, 'infoFrames'>;
  readonly count: number;
  /** The frames whose paths the first worker reports. */
  readonly infoFrames: readonly number[];
  readonly stallTimeoutMs: number;
}

export class WorkerPool {
  private waiting: Array<Pooled | null>;

  constructor(private readonly launch: PoolStart) {
    this.waiting = Array.from({ length: Math.max(1, launch.count) }, (_, i) => {
      let giveLog: (path: string) => void = () => undefined;
      let dropLog: () => void = () => undefined;
      const logFile = new Promise<string>((resolve, reject) => {
        giveLog = resolve;
        dropLog = () => reject(new Error('no log'));
      });
      // Rejected on purpose when a worker is stopped unused; partLog drops its lines then.
      logFile.catch(() => undefined);
      const start: WorkerStart = i === 0 ? { ...launch.start, infoFrames: launch.infoFrames } : launch.start;
      const worker = new BlenderWorker({ argv: workerArgv(start), logFile, stallTimeoutMs: launch.stallTimeoutMs });
      return { worker, giveLog, dropLog };
    });
  }

  /**
   * The first worker's answer about the .blend; null when it ended (or stalled) without one, which
   * means the driver cannot run with this blender. Rejects with blendInfo's one-line error.
   */
  async info(blendFile: string): Promise<BlendInfo | null> {
    const first = this.waiting[0];
    const line = first === null || first === undefined ? null : await first.worker.infoLine;
    return line === null ? null : readBlendAnswer(line, this.launch.infoFrames, blendFile);
  }

  /** Worker `index` (0-based) for the part logging to `logFile`; undefined when there is none (any more). */
  adopt(index: number, logFile: string): BlenderWorker | undefined {
    const pooled = this.waiting[index];
    if (pooled === null || pooled === undefined) return undefined;
    this.waiting[index] = null;
    pooled.giveLog(logFile);
    return pooled.worker;
  }

  /** Stops the workers from `keep` on (never adopted), and waits until they are gone. */
  async trim(keep: number): Promise<void> {
    const stopped = this.waiting.slice(Math.max(0, keep)).filter((pooled): pooled is Pooled => pooled !== null);
    this.waiting = this.waiting.slice(0, Math.max(0, keep));
    await Promise.all(stopped.map(async (pooled) => {
      pooled.dropLog();
      pooled.worker.kill('SIGKILL');
      await pooled.worker.result;
    }));
  }

  /** Stops every worker not adopted yet. */
  shutdown(): Promise<void> {
    return this.trim(0);
  }
}
