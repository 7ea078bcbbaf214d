// A Slurm job's details, and its log followed live, for the dashboard's text dialog. The log is
// read from its tail (the last 64 KiB, at most 400 lines) once a second while its dialog is open.
import { open } from 'node:fs/promises';
import type { Backend } from '../backends/backend.js';
import { errorLine } from '../errorLine.js';
import type { UiEvent } from '../reducer/events.js';

const TAIL_BYTES = 64 * 1024;
const MAX_LINES = 400;
const FOLLOW_MS = 1000;

/** The last lines of a file, with control characters (a log's colours, \r progress) made harmless. */
export async function tailLines(path: string): Promise<string[]> {
  const file = await open(path, 'r');
  try {
    const { size } = await file.stat();
    const start = Math.max(0, size - TAIL_BYTES);
    const buffer = Buffer.alloc(size - start);
    await file.read(buffer, 0, buffer.length, start);
    const lines = buffer.toString('utf8').split('\n').map((line) => line.replace(/\r$/, '').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '·'));
    if (start > 0) lines.shift(); // cut in the middle
    if (lines.at(-1) === '') lines.pop();
    return lines.slice(-MAX_LINES);
  } finally {
    await file.close();
  }
}

export interface JobTextDeps {
  readonly backend: Backend;
  readonly dispatch: (event: UiEvent) => void;
  /** Still showing the log of `path`: the follower stops when this turns false. */
  readonly following: (path: string) => boolean;
  /** Timers of live followers, cleared when the dashboard stops. */
  readonly timers: Set<NodeJS.Timeout>;
}

export async function showJob(job: string, log: boolean, deps: JobTextDeps): Promise<void> {
  const fail = (text: string): void => deps.dispatch({ type: 'status', status: { text, kind: 'error' } });
  if (deps.backend.jobDetails === undefined) return fail('this backend has no jobs');
  const details = await deps.backend.jobDetails(job);
  if (!details.ok) return fail(details.message);
  if (!log) {
    deps.dispatch({ type: 'showText', title: `Job ${job}`, lines: details.lines, follow: null, update: false });
    return undefined;
  }
  const path = details.logFile;
  if (path === null) return fail(`job ${job} writes no output file`);
  const read = async (update: boolean): Promise<void> => {
    try {
      const lines = await tailLines(path);
      deps.dispatch({ type: 'showText', title: `Log of job ${job}: ${path} (followed)`, lines: lines.length > 0 ? lines : ['(empty so far)'], follow: path, update });
    } catch (error) {
      const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
      const text = missing ? `(no file yet: ${path}; a pending job writes it once it starts, on the node's file system)` : `cannot read ${path}: ${errorLine(error)}`;
      deps.dispatch({ type: 'showText', title: `Log of job ${job} (followed)`, lines: [text], follow: path, update });
    }
  };
  await read(false);
  const timer = setInterval(() => {
    if (!deps.following(path)) {
      clearInterval(timer);
      deps.timers.delete(timer);
      return;
    }
    void read(true);
  }, FOLLOW_MS);
  deps.timers.add(timer);
  return undefined;
}
