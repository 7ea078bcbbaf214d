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
        this.#roomFor(length);
        const got = readSync(fd, this.#buffer, length, this.#buffer.length - length, null);
        if (got === 0) return this.#buffer.toString('utf8', 0, length);
        length += got;
        this.#check(length, path);
      }
    } finally {
      closeSync(fd);
    }
  }

  /**
   * The whole text of a file already open, read from its start (pread: the offset the fd is at does
   * not matter, so it can be read again each tick). A read that leaves room in the buffer has the
   * whole file: a regular file is at its end, and a /proc file the kernel makes in one piece (stat,
   * status) hands it over in one read when it fits.
   */
  readFd(fd: number, path: string | (() => string)): string {
    let length = 0;
    for (;;) {
      this.#roomFor(length);
      const room = this.#buffer.length - length;
      const got = readSync(fd, this.#buffer, length, room, length);
      length += got;
      this.#check(length, path);
      if (got < room) return this.#buffer.toString('utf8', 0, length);
    }
  }

  /** A full buffer doubles, keeping what it holds. */
  #roomFor(length: number): void {
    if (length < this.#buffer.length) return;
    const bigger = Buffer.allocUnsafe(this.#buffer.length * 2);
    this.#buffer.copy(bigger, 0, 0, length);
    this.#buffer = bigger;
  }

  /** `path` may be a function: the name is then made only for the error (a kept file is read by its number each tick). */
  #check(length: number, path: string | (() => string)): void {
    if (this.limit !== null && length > this.limit.maxBytes) {
      throw new Error(`${typeof path === 'string' ? path : path()}: more than ${this.limit.maxBytes} bytes, not ${this.limit.what}`);
    }
  }
}

/**
 * Files kept open between reads, by a number (a PID), at most `max` at once: each read is then one
 * pread instead of open, read, read, close. Beyond `max`, a file is opened and closed per read as
 * before. A kept file that cannot be read (its process gone: ESRCH) is closed and opened afresh,
 * which is what a read without it would have done; keep() closes the files of numbers no longer
 * wanted, and close() all of them.
 */
export class KeptFiles {
  readonly #fds = new Map<number, number>();
  #max: number;

  constructor(
    private readonly reader: ProcFileReader,
    max: number,
    private readonly pathOf: (key: number) => string,
  ) {
    this.#max = max;
  }

  /** The file's text; throws as ProcFileReader.read does. */
  read(key: number): string {
    const kept = this.#fds.get(key);
    if (kept !== undefined) {
      try {
        return this.reader.readFd(kept, () => this.pathOf(key));
      } catch {
        // The process behind it is gone (and its PID maybe another's now): as if it was never kept.
        this.#forget(key, kept);
      }
    }
    const path = this.pathOf(key);
    const fd = this.#open(path);
    if (this.#fds.size >= this.#max) {
      try {
        return this.reader.readFd(fd, path);
      } finally {
        closeSync(fd);
      }
    }
    this.#fds.set(key, fd);
    try {
      return this.reader.readFd(fd, path);
    } catch (error) {
      this.#forget(key, fd);
      throw error;
    }
  }

  /** Closes the files of every number `wanted` says no to. */
  keep(wanted: (key: number) => boolean): void {
    for (const [key, fd] of this.#fds) if (!wanted(key)) this.#forget(key, fd);
  }

  close(): void {
    for (const [key, fd] of this.#fds) this.#forget(key, fd);
  }

  get size(): number {
    return this.#fds.size;
  }

  get max(): number {
    return this.#max;
  }

  /** Out of file descriptors: half of those kept are given back, and the limit stays there. */
  #open(path: string): number {
    try {
      return openSync(path, 'r');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException | null)?.code;
      if ((code !== 'EMFILE' && code !== 'ENFILE') || this.#fds.size === 0) throw error;
      this.#max = Math.floor(this.#fds.size / 2);
      for (const [key, fd] of this.#fds) if (this.#fds.size > this.#max) this.#forget(key, fd);
      return openSync(path, 'r');
    }
  }

  #forget(key: number, fd: number): void {
    this.#fds.delete(key);
    closeSync(fd);
  }
}
