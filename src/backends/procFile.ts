// A file the kernel makes in memory (/proc/<pid>/stat, /proc/hpc/nodes/N/load), read synchronously
// into one reused buffer: open, read, close and nothing else. fs/promises' readFile adds an fstat,
// a thread-pool round trip and a promise per step, and a fresh 64 KiB buffer per file, which was
// most of a tick's cost where a tick reads hundreds of such files (bench 2 and 4). The kernel
// answers these from its own tables, so a synchronous read does not wait on a disk or the network.
import { closeSync, openSync, readSync } from 'node:fs';

export interface ProcFileLimit {
  /** More than this many bytes is not what the file should hold: the read stops with an error. */
  readonly maxBytes: number;
  /** What the file should hold, for that error: "not a /proc/hpc value". */
  readonly what: string;
}

/** Reads whole files into a buffer that grows to the largest file read (or the limit). */
export class ProcFileReader {
  #buffer = Buffer.allocUnsafe(4096);

  constructor(private readonly limit: ProcFileLimit | null = null) {}

  /** The file's text; throws (as readFile does, with the errno's message) when it cannot be read. */
  read(path: string): string {
    const fd = openSync(path, 'r');
    try {
      let length = 0;
      for (;;) {
        if (length === this.#buffer.length) {
          const bigger = Buffer.allocUnsafe(this.#buffer.length * 2);
          this.#buffer.copy(bigger, 0, 0, length);
          this.#buffer = bigger;
        }
        const got = readSync(fd, this.#buffer, length, this.#buffer.length - length, null);
        if (got === 0) return this.#buffer.toString('utf8', 0, length);
        length += got;
        if (this.limit !== null && length > this.limit.maxBytes) {
          throw new Error(`${path}: more than ${this.limit.maxBytes} bytes, not ${this.limit.what}`);
        }
      }
    } finally {
      closeSync(fd);
    }
  }
}
