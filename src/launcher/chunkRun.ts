// Renders one chunk of frames in one blender process and settles, frame by frame, what got done.
// Blender writes each frame under its partial name (see partialFrames); a frame counts once its
// partial is non-empty and either blender said it saved it or the process exited cleanly, and is
// then renamed over the frame's file. A partial that does not count (a killed process, a full
// disk) is this job's own half-written file and is removed; the frame's file is never touched.
import type { BlenderLogEvent } from '../../parsers/blenderLog.js';
import { toBlenderArgv } from './blenderArgv.js';
import type { RenderJobConfig } from './jobConfig.js';
import { dirname } from 'node:path';
import { discardPartial, publishFrame } from './partialFrames.js';
import { folderWriteProblem } from './writeProblem.js';
import { startPartProcess, type PartProcessResult, type RunningPartProcess } from './partProcess.js';

export interface ChunkCallbacks {
  onSpawn(running: RunningPartProcess, argv: readonly string[]): void;
  onCurrentFrame(frame: number): void;
  onFrameDone(frame: number, file: string): void;
}

export interface ChunkOutcome {
  readonly result: PartProcessResult;
  readonly missing: number[];
  /** Why frames cannot be written into their folder (a full disk, a read-only file system), when that is why frames are missing. */
  readonly writeProblem: string | null;
}

export async function runChunk(
  config: RenderJobConfig,
  frames: readonly number[],
  logFile: string,
  callbacks: ChunkCallbacks,
): Promise<ChunkOutcome> {
  const argv = toBlenderArgv({ ...config.invocation, outputPattern: config.partialPattern, blender: config.blender, frames, threads: config.threads });
  const partialOf = (frame: number): string => config.partials.get(frame) ?? '';
  const fileOf = (frame: number): string => config.paths.get(frame) ?? '';
  const frameOfPartial = new Map(frames.map((frame) => [partialOf(frame), frame]));
  const saidSaved = new Set<number>();
  const done = new Set<number>();
  const checks: Array<Promise<boolean>> = [];

  const publish = async (frame: number): Promise<boolean> => {
    if (done.has(frame)) return true;
    if (!(await publishFrame(partialOf(frame), fileOf(frame)))) return false;
    done.add(frame);
    callbacks.onFrameDone(frame, fileOf(frame));
    return true;
  };
  const onEvent = (event: BlenderLogEvent): void => {
    if (event.kind === 'progress') callbacks.onCurrentFrame(event.frame);
    if (event.kind !== 'saved') return;
    // Blender prints the (partial) path it wrote; should it differ in spelling, the next unsaved
    // frame of the chunk is the one (Workbench prints no Fra: lines to tell).
    const frame = frameOfPartial.get(event.path) ?? frames.find((f) => !saidSaved.has(f));
    if (frame === undefined) return;
    saidSaved.add(frame);
    checks.push(publish(frame));
  };

  const running = startPartProcess({ argv, logFile, stallTimeoutMs: config.stallTimeoutMs, onEvent });
  callbacks.onSpawn(running, argv);
  const result = await running.result;
  await Promise.all(checks);

  const cleanExit = result.exitCode === 0 && result.signal === null && !result.stalled;
  const missing: number[] = [];
  for (const frame of frames) {
    if (done.has(frame)) continue;
    // Without a Saved line, a partial counts only after a clean exit: the name is this job's own and
    // an earlier attempt's partial was removed when that attempt ended, so this process wrote it.
    if (cleanExit && (await publish(frame))) continue;
    await discardPartial(partialOf(frame));
    missing.push(frame);
  }
  const [firstMissing] = missing;
  const problem = firstMissing === undefined ? null : await folderWriteProblem(dirname(partialOf(firstMissing)));
  return { result, missing, writeProblem: problem === null ? null : `cannot write frames in ${dirname(fileOf(firstMissing ?? 0))}: ${problem}` };
}
