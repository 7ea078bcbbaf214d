// Parts as render workers: each part keeps one blender (renderWorker.py) for the whole job and hands
// it one frame at a time, from its own range (even split) or from the queue all parts share
// (dynamic), so blender's start-up and the scene's load are paid once per part and the parts finish
// together to within a frame. Each frame is written under its partial name and renamed into place
// (partialFrames); a frame that fails is retried, a blender that dies or stalls loses only the frame
// in hand and is replaced by a fresh one.
import { dirname } from 'node:path';
import type { PartHost } from './partHost.js';
import type { PartRecord } from './partRecord.js';
import { FrameQueue } from './frameQueue.js';
import { evenSplit } from './plan.js';
import { pickFrame } from './frameDispatch.js';
import { BlenderWorker, type FrameAnswer } from './blenderWorker.js';
import { workerArgv } from './workerProtocol.js';
import { discardPartial, publishFrame } from './partialFrames.js';
import { folderWriteProblem } from './writeProblem.js';

export async function runWorkerParts(host: PartHost, parts: readonly PartRecord[]): Promise<void> {
  const { config } = host;
  if (config.split === 'even') {
    const groups = evenSplit(config.frames, parts.length);
    await Promise.all(parts.map((part, i) => {
      const group = groups[i] ?? [];
      part.assign(group);
      return new WorkerPart(host, part, new FrameQueue(group), false).run();
    }));
  } else {
    const queue = new FrameQueue(config.frames);
    await Promise.all(parts.map((part) => new WorkerPart(host, part, queue, true).run()));
  }
}

class WorkerPart {
  private worker: BlenderWorker | null = null;
  /** Blender processes this part has started (the first one counts as attempt 1). */
  private processes = 0;
  /** Of the current process: frames it rendered, frames it was handed and did not, and why, when the disk is the cause. */
  private rendered = 0;
  private missing: number[] = [];
  private writeProblem: string | null = null;

  constructor(
    private readonly host: PartHost,
    private readonly part: PartRecord,
    private readonly queue: FrameQueue,
    private readonly shared: boolean,
  ) {}

  async run(): Promise<void> {
    // The worker started for this part while the job was prepared (see workerPool), if there is one.
    const warm = this.host.config.workers?.pool.adopt(this.part.index - 1, this.part.logFile);
    if (warm !== undefined) this.started(warm);
    try {
      while (!this.host.stopping()) {
        const pick = pickFrame(this.queue, this.worker?.lastFrame ?? null);
        if (pick.kind === 'frame') {
          await this.render(pick.frame);
        } else if (this.shared && this.host.framesInHand(this.queue.size) > 0) {
          // Idle until another part is done with its frame: a failed one comes back to the queue, and
          // that part's own blender takes it again (it is not below that blender's last frame).
          this.part.state = 'pending';
          this.host.notify();
          await this.host.nextChange();
        } else if (pick.kind === 'restart') {
          await this.endProcess(); // only frames below this blender's last are left: a fresh one takes them
        } else {
          break;
        }
      }
    } finally {
      await this.endProcess();
    }
    this.host.partFinished(this.part);
  }

  private started(worker: BlenderWorker): void {
    this.worker = worker;
    this.processes += 1;
    this.host.processStarted(this.part, worker.running, worker.argv, [], this.processes);
  }

  private spawn(): BlenderWorker {
    const { config } = this.host;
    if (config.workers === undefined) throw new Error('render workers were not configured for this job');
    const worker = new BlenderWorker({ argv: workerArgv(config.workers.start), logFile: this.part.logFile, stallTimeoutMs: config.stallTimeoutMs });
    this.started(worker);
    return worker;
  }

  private async render(frame: number): Promise<void> {
    const { config } = this.host;
    this.queue.takeFrame(frame);
    this.part.assign([frame]);
    const worker = this.worker ?? this.spawn();
    this.part.state = this.host.failuresOf(frame) > 0 ? 'retrying' : 'rendering';
    this.host.frameStarted(this.part, frame);
    const sentAt = Date.now();
    const answer = await worker.render(frame);
    const partial = config.partials.get(frame) ?? '';
    const file = config.paths.get(frame) ?? '';
    if (answer.kind === 'saved' && (await publishFrame(partial, file))) {
      const first = this.rendered === 0;
      this.rendered += 1;
      // A process's first frame includes its start-up, as with one blender per chunk.
      this.host.frameDone(this.part, frame, file, (Date.now() - (first ? worker.startedAt : sentAt)) / 1000, first);
      this.host.changed();
      return;
    }
    await this.lose(frame, answer.kind === 'saved' ? { kind: 'failed', reason: `blender said it saved frame ${frame}, but ${partial} is missing or empty` } : answer);
  }

  /** The frame is not rendered: its partial goes, and it is retried (while retries are left). */
  private async lose(frame: number, answer: Exclude<FrameAnswer, { kind: 'saved' }>): Promise<void> {
    const partial = this.host.config.partials.get(frame) ?? '';
    await discardPartial(partial);
    this.missing.push(frame);
    const problem = await folderWriteProblem(dirname(partial));
    if (problem !== null) {
      // Retrying cannot help while the disk is full or read-only: the job stops, naming the cause.
      this.writeProblem = `cannot write frames in ${dirname(this.host.config.paths.get(frame) ?? partial)}: ${problem}`;
      this.host.stopFor(this.writeProblem);
    }
    const retry = this.host.allowedRetries(this.part, [frame]);
    if (this.shared) this.part.unassign(retry);
    this.queue.putBack(retry);
    if (answer.kind === 'failed') this.host.failedBeforeAnyFrame(this.part, answer.reason);
    else await this.endProcess(); // the blender died with the frame: a fresh one takes the next
    this.host.changed();
  }

  /** Lets the current blender finish (or collects one that died) and reports how it ended. */
  private async endProcess(): Promise<void> {
    const worker = this.worker;
    if (worker === null) return;
    this.worker = null;
    const result = await worker.quit();
    const end = { result, missing: this.missing, writeProblem: this.writeProblem, nothingSaved: this.rendered === 0 };
    this.rendered = 0;
    this.missing = [];
    this.writeProblem = null;
    this.host.processEnded(this.part, worker.running, end);
  }
}
