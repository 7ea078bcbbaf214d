// One /proc/hpc file, read synchronously into a shared buffer: open, read, close and nothing else.
// The node path reads about four files per node per tick (1,024 at 256 nodes); fs/promises'
// readFile adds an fstat, a thread-pool round trip per call and a promise per step, which made
// that tick cost 92 ms (bench 2). These files are a few bytes the kernel writes from its own
// tables (a node that does not answer reads -101 at once, see the real-cluster captures), so a
// synchronous read does not wait on the network.
import { closeSync, openSync, readSync } from 'node:fs';

const CHUNK = 4096;
/** A /proc/hpc value is one integer: more than this is not one, and is not read to the end. */
export const HPC_FILE_MAX_BYTES = 64 * 1024;

const buffer = Buffer.alloc(CHUNK);

/** The file's text; throws (as readFile does, with the errno's message) when it cannot be read. */
export function readHpcFile(path: string): string {
  const fd = openSync(path, 'r');
  try {
    const first = readSync(fd, buffer, 0, CHUNK, null);
    if (first < CHUNK) return buffer.toString('utf8', 0, first);
    const chunks = [Buffer.from(buffer.subarray(0, first))];
    let total = first;
    for (;;) {
      const count = readSync(fd, buffer, 0, CHUNK, null);
      if (count === 0) return Buffer.concat(chunks).toString('utf8');
      total += count;
      if (total > HPC_FILE_MAX_BYTES) throw new Error(`${path}: more than ${HPC_FILE_MAX_BYTES} bytes, not a /proc/hpc value`);
      chunks.push(Buffer.from(buffer.subarray(0, count)));
    }
  } finally {
    closeSync(fd);
  }
}
