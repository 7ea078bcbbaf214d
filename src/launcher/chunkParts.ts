// Parts as one blender process per chunk of frames: the way omtop renders where its render worker
// cannot run (a blender too old for the driver). The even split gives each part its range in one
// process; the dynamic queue hands out chunks sized from measured frame and start-up times.
import type { PartHost } from './partHost.js';
import type { PartRecord } from './partRecord.js';
import { FrameQueue } from './frameQueue.js';
import { evenSplit, nextChunkSize } from './plan.js';
import { runChunk } from './chunkRun.js';
import type { RunningPartProcess } from './partProcess.js';

export async function runChunkParts(host: PartHost, parts: readonly PartRecord[]): Promise<void> {
  const { config } = host;
  if (config.split === 'even') {
    const groups = evenSplit(config.frames, parts.length);
    await Promise.all(parts.map((part, i) => evenPart(host, part, groups[i] ?? [])));
  } else {
    const queue = new FrameQueue(config.frames);
    await Promise.all(parts.map((part) => dynamicPart(host, part, queue, parts.length)));
  }
}

async function evenPart(host: PartHost, part: PartRecord, group: readonly number[]): Promise<void> {
  part.assign(group);
  let pending = [...group];
  for (let attempt = 1; pending.length > 0 && !host.stopping(); attempt += 1) {
    pending = host.allowedRetries(part, await renderChunk(host, part, pending, attempt));
  }
  host.partFinished(part);
}

async function dynamicPart(host: PartHost, part: PartRecord, queue: FrameQueue, parts: number): Promise<void> {
  const { config } = host;
  while (!host.stopping()) {
    if (queue.size === 0) {
      if (host.framesInHand(0) === 0) break;
      // Idle until another part finishes: its failed frames may come back to the queue.
      part.state = 'pending';
      host.notify();
      await host.nextChange();
      continue;
    }
    const size = nextChunkSize({
      remaining: queue.size,
      parts,
      secondsPerFrame: host.timing.secondsPerFrame(),
      startupSeconds: host.timing.startupSeconds(),
      // Taken by the other parts and not yet done: nothing is in flight for this part between chunks.
      inProgress: host.framesInHand(queue.size),
      fixed: config.chunk,
    });
    const frames = queue.take(size);
    part.assign(frames);
    const attempt = Math.max(...frames.map((frame) => host.failuresOf(frame) + 1));
    const retry = host.allowedRetries(part, await renderChunk(host, part, frames, attempt));
    part.unassign(retry);
    queue.requeue(retry);
    host.changed();
  }
  host.partFinished(part);
}

/** One blender for `frames`; returns the frames it left missing. */
async function renderChunk(host: PartHost, part: PartRecord, frames: readonly number[], attempt: number): Promise<number[]> {
  part.state = attempt > 1 ? 'retrying' : 'rendering';
  let lastMark = Date.now();
  let firstOfProcess = true;
  let process: RunningPartProcess | undefined;
  const outcome = await runChunk(host.config, frames, part.logFile, {
    onSpawn: (running, argv) => {
      process = running;
      host.processStarted(part, running, argv, frames, attempt);
    },
    onCurrentFrame: (frame) => host.currentFrame(part, frame),
    onFrameDone: (frame, file) => {
      const now = Date.now();
      if (!host.frameDone(part, frame, file, (now - lastMark) / 1000, firstOfProcess)) return;
      lastMark = now;
      firstOfProcess = false;
    },
  });
  if (process) host.processEnded(part, process, { ...outcome, nothingSaved: outcome.missing.length === frames.length });
  return outcome.missing;
}
