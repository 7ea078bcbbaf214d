// Renders one chunk of frames in one blender process and settles, frame by frame, what got done:
// a frame counts only when its file exists and is non-empty, and (if the process died) blender said
// it saved it — a killed process can leave a half-written file behind, which is removed for the retry.
import type { BlenderLogEvent } from '../../parsers/blenderLog.js';
import { toBlenderArgv } from './blenderArgv.js';
import type { RenderJobConfig } from './jobConfig.js';
import { frameFileReady, removePartialFrame } from './frameFiles.js';
import { startPartProcess, type PartProcessResult, type RunningPartProcess } from './partProcess.js';

export interface ChunkCallbacks {
  onSpawn(running: RunningPartProcess, argv: readonly string[]): void;
  onCurrentFrame(frame: number): void;
  onFrameDone(frame: number, file: string): void;
}

export interface ChunkOutcome {
  readonly result: PartProcessResult;
  readonly missing: number[];
}

export async function runChunk(
  config: RenderJobConfig,
  frames: readonly number[],
  logFile: string,
  callbacks: ChunkCallbacks,
): Promise<ChunkOutcome> {
  const argv = toBlenderArgv({ ...config.invocation, blender: config.blender, frames });
  const frameOfPath = new Map(frames.map((frame) => [config.paths.get(frame) ?? '', frame]));
  const saidSaved = new Set<number>();
  const done = new Set<number>();
  const checks: Array<Promise<void>> = [];

  const confirm = async (frame: number, file: string): Promise<void> => {
    if (done.has(frame) || !(await frameFileReady(file))) return;
    done.add(frame);
    callbacks.onFrameDone(frame, file);
  };
  const onEvent = (event: BlenderLogEvent): void => {
    if (event.kind === 'progress') callbacks.onCurrentFrame(event.frame);
    if (event.kind !== 'saved') return;
    // Blender prints the path it wrote; should it differ in spelling, the next unsaved frame of the
    // chunk is the one (Workbench prints no Fra: lines to tell).
    const frame = frameOfPath.get(event.path) ?? frames.find((f) => !saidSaved.has(f));
    if (frame === undefined) return;
    saidSaved.add(frame);
    checks.push(confirm(frame, config.paths.get(frame) ?? event.path));
  };

  // Coarse file systems store mtimes in whole seconds.
  const startedAt = Date.now() - 2000;
  const running = startPartProcess({ argv, logFile, stallTimeoutMs: config.stallTimeoutMs, onEvent });
  callbacks.onSpawn(running, argv);
  const result = await running.result;
  await Promise.all(checks);

  const cleanExit = result.exitCode === 0 && result.signal === null && !result.stalled;
  const missing: number[] = [];
  for (const frame of frames) {
    if (done.has(frame)) continue;
    const file = config.paths.get(frame) ?? '';
    const ready = await frameFileReady(file);
    // Without a Saved line, only a clean exit and a file written by this process count (with
    // --overwrite an old file of the same name is already there).
    if (ready && (saidSaved.has(frame) || (cleanExit && (await frameFileReady(file, startedAt))))) {
      done.add(frame);
      callbacks.onFrameDone(frame, file);
    } else {
      if (ready) await removePartialFrame(file);
      missing.push(frame);
    }
  }
  return { result, missing };
}
