// `omtop --once [--json]`: one snapshot from the chosen backend, printed, and exit. Exit 1 with one
// line when nothing at all could be read (every source failed), so scripts can tell.
import { selectBackend } from '../backends/select.js';
import type { Backend } from '../backends/backend.js';
import type { CliIo } from '../io.js';
import type { ClusterSnapshot } from '../model/snapshot.js';
import type { GlobalOptions } from '../options.js';
import { formatSnapshot } from './onceTable.js';
import { terminalSafeLines } from '../text/terminalSafe.js';
import { performance } from 'node:perf_hooks';

/** Model time the demo runs before its one snapshot, so loads and CPU times are moving values. */
const DEMO_WARM_UP_MS = 3000;

/**
 * The whole --once read ends by then, however many commands the backend runs one after another
 * (each is bounded by --timeout on its own): five per-command timeouts, at least 10 s.
 */
export function onceDeadlineMs(timeoutMs: number): number {
  return Math.max(10_000, 5 * timeoutMs);
}

export async function runOnce(options: GlobalOptions, io: CliIo): Promise<number> {
  const selected = await selectBackend(options, io.env);
  if (selected.notice) io.stderr.write(`omtop: ${selected.notice}\n`);
  selected.emulator?.advance(DEMO_WARM_UP_MS);
  return printOnce(selected.backend, options, io, onceDeadlineMs(options.timeoutMs));
}

/** Collects one snapshot within `deadlineMs` and prints it; exit 1 with one line when nothing could be read in time. */
export async function printOnce(backend: Backend, options: Pick<GlobalOptions, 'json'>, io: CliIo, deadlineMs: number): Promise<number> {
  try {
    const snapshot = await collectWithin(backend, deadlineMs);
    if (snapshot === null) {
      io.stderr.write(`omtop: no answer from the ${backend.name} backend within ${deadlineMs / 1000} s (each tool gets --timeout; the rest did not come in time)\n`);
      return 1;
    }
    if (unreadable(snapshot)) {
      // "no Slurm here: …" says it all; other failures name the backend and the source.
      const plain = snapshot.errors.length === 1 && snapshot.errors[0]?.message.startsWith('no Slurm here');
      io.stderr.write(`omtop: ${plain ? snapshot.errors[0]?.message : `cannot read the ${snapshot.backend} backend: ${firstError(snapshot)}`}\n`);
      return 1;
    }
    // Tool text (process names, errors) reaches a terminal here: escaped, and JSON stays exact.
    io.stdout.write(terminalSafeLines(options.json ? `${JSON.stringify(snapshot, null, 2)}\n` : formatSnapshot(snapshot)));
    return 0;
  } finally {
    await backend.close();
  }
}

/**
 * A complete snapshot if the deadline allows it: a big map (openMosix's mosctl path) is read a
 * fork budget at a time, its unread nodes pending, so --once collects again, at once, until no
 * node is pending. When the deadline comes first it is the last snapshot, pending nodes and all
 * (each marked so); null when not even one collect finished in time.
 */
async function collectWithin(backend: Backend, deadlineMs: number): Promise<ClusterSnapshot | null> {
  const end = performance.now() + deadlineMs;
  let last: ClusterSnapshot | null = null;
  for (;;) {
    const left = end - performance.now();
    if (left <= 0) return last;
    const snapshot = await collectOnce(backend, left);
    if (snapshot === null) return last;
    last = snapshot;
    if (!snapshot.nodes.some((node) => node.pending === true)) return last;
  }
}

/** The snapshot, or null when the deadline came first (the collect is then aborted, and not waited for). */
async function collectOnce(backend: Backend, deadlineMs: number): Promise<ClusterSnapshot | null> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<null>((resolve) => {
    timer = setTimeout(() => {
      controller.abort();
      resolve(null);
    }, deadlineMs);
  });
  try {
    return await Promise.race([backend.collect(controller.signal), deadline]);
  } finally {
    clearTimeout(timer);
  }
}

function unreadable(snapshot: ClusterSnapshot): boolean {
  return snapshot.nodes.length === 0 && snapshot.processes.length === 0 && snapshot.errors.length > 0;
}

function firstError(snapshot: ClusterSnapshot): string {
  const [first, ...rest] = snapshot.errors;
  const more = rest.length > 0 ? ` (and ${rest.length} more)` : '';
  return first ? `${first.source}: ${first.message}${more}` : 'no data';
}
