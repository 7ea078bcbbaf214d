// Success is judged by the files: Blender exits 0 on many failures, so a frame is done only when
// its file exists and is not empty.
import { stat, unlink } from 'node:fs/promises';

/** `writtenSince` (ms since the epoch): also require the file to have been written since then. */
export async function frameFileReady(path: string, writtenSince?: number): Promise<boolean> {
  try {
    const info = await stat(path);
    return info.isFile() && info.size > 0 && (writtenSince === undefined || info.mtimeMs >= writtenSince);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

/** The frames (in the given order) whose file is missing or empty. */
export async function missingFrames(frames: readonly number[], pathOf: (frame: number) => string): Promise<number[]> {
  const ready = await Promise.all(frames.map((frame) => frameFileReady(pathOf(frame))));
  return frames.filter((_, i) => !ready[i]);
}

/** Removes a frame file a killed process may have left half-written; absent is fine. */
export async function removePartialFrame(path: string): Promise<void> {
  try {
    await unlink(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}
