// Why frames cannot be written, in the file system's own words. Blender misreports it (a read-only
// file system comes out as "Render error (Invalid argument)") and Node's recursive mkdir says
// "no such file" for a read-only parent, so omtop asks the folder itself.
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { open, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { ioErrorLine, ioErrorReason } from '../errorLine.js';

/**
 * Why `path` cannot be created as a folder, given the error mkdir gave: an ENOENT from a recursive
 * mkdir is checked against the nearest folder that exists (read-only, not writable).
 */
export function folderCreateReason(path: string, error: unknown): string {
  if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
    let parent = dirname(path);
    while (!existsSync(parent) && dirname(parent) !== parent) parent = dirname(parent);
    try {
      if (statSync(parent).isDirectory()) accessSync(parent, constants.W_OK);
    } catch (parentError) {
      const reason = ioErrorReason(parentError);
      if (reason !== null) return `${reason} (${parent})`;
    }
  }
  return ioErrorLine(error);
}

/** Enough to fail on a disk that is full in all but name. */
const PROBE_BYTES = 64 * 1024;

/**
 * Tries to write a small file into `folder` (and removes it): the reason it cannot, such as
 * "no space left on device" or "read-only file system", or null when frames can be written.
 */
export async function folderWriteProblem(folder: string): Promise<string | null> {
  const probe = join(folder, `.omtop-write-check-${process.pid}-${randomBytes(4).toString('hex')}`);
  let created = false;
  try {
    const handle = await open(probe, 'wx');
    created = true;
    try {
      await handle.writeFile(Buffer.alloc(PROBE_BYTES)); // writes until all is written, or fails
      await handle.sync();
    } finally {
      await handle.close();
    }
    return null;
  } catch (error) {
    return ioErrorLine(error);
  } finally {
    if (created) await unlink(probe).catch((error: unknown) => {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    });
  }
}
