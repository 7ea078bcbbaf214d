// Frames are replaced atomically: blender writes each frame under a partial name in the frame's own
// folder (`.omtop-partial-<job>-frame_0001.jpg`), and omtop renames it over the final name only once
// the file is complete. At every moment a final name holds the user's old frame or a whole new one;
// the only file omtop ever deletes is a partial of its own job, which no one else can have written.
// Shared by every way omtop renders (the local split render, and any other launcher of blender).
import { readdir, rename, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { frameFileReady } from './frameFiles.js';

const PARTIAL_PREFIX = '.omtop-partial-';

/**
 * The prefix put before the file name of blender's output pattern for job `jobId`: hidden (so
 * `ls | wc -l` counts only frames) and unique to the job.
 */
export function partialPrefix(jobId: string): string {
  if (!/^[\w.-]+$/.test(jobId)) throw new RangeError(`a job id for partial names must be a plain word, got "${jobId}"`);
  return `${PARTIAL_PREFIX}${jobId}-`;
}


/**
 * The frames whose partial file would not sit in the same folder as the final one (a rename there
 * would not be atomic, or would cross file systems): their final paths, for the error message.
 */
export function partialsOutsideFolder(finals: ReadonlyMap<number, string>, partials: ReadonlyMap<number, string>): string[] {
  const outside: string[] = [];
  for (const [frame, final] of finals) {
    const partial = partials.get(frame);
    if (partial === undefined || dirname(partial) !== dirname(final) || partial === final) outside.push(final);
  }
  return outside;
}

/**
 * Moves a finished partial over the final name in one rename (replacing an old frame atomically).
 * Returns false, touching nothing, when the partial is missing or empty (not a finished frame).
 */
export async function publishFrame(partial: string, final: string): Promise<boolean> {
  if (!(await frameFileReady(partial))) return false;
  await rename(partial, final);
  return true;
}

/** Removes this job's partial file for a frame that did not finish; absent is fine. */
export async function discardPartial(partial: string): Promise<void> {
  try {
    await unlink(partial);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

/**
 * Removes the partial files job `jobId` left in `folder` when it died without cleaning up (its
 * output lock was found stale): they are half-written frames by their name. Returns how many.
 */
export async function discardPartialsOfJob(folder: string, jobId: string): Promise<number> {
  const prefix = partialPrefix(jobId);
  const names = (await readdir(folder)).filter((name) => name.startsWith(prefix));
  await Promise.all(names.map((name) => discardPartial(join(folder, name))));
  return names.length;
}
