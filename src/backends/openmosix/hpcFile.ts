// One /proc/hpc file, read synchronously (see ../procFile.ts). The node path reads about four files
// per node per tick (1,024 at 256 nodes), and readFile made that tick cost 92 ms (bench 2). These
// files are a few bytes the kernel writes from its own tables (a node that does not answer reads
// -101 at once, see the real-cluster captures), so a synchronous read does not wait on the network.
import { ProcFileReader } from '../procFile.js';

/** A /proc/hpc value is one integer: more than this is not one, and is not read to the end. */
export const HPC_FILE_MAX_BYTES = 64 * 1024;

const reader = new ProcFileReader({ maxBytes: HPC_FILE_MAX_BYTES, what: 'a /proc/hpc value' });

/** The file's text; throws (as readFile does, with the errno's message) when it cannot be read. */
export function readHpcFile(path: string): string {
  return reader.read(path);
}
