// `omtop --once [--json]`: one snapshot from the chosen backend, printed, and exit. Exit 1 with one
// line when nothing at all could be read (every source failed), so scripts can tell.
import { selectBackend } from '../backends/select.js';
import type { CliIo } from '../io.js';
import type { ClusterSnapshot } from '../model/snapshot.js';
import type { GlobalOptions } from '../options.js';
import { formatSnapshot } from './onceTable.js';

/** Model time the demo runs before its one snapshot, so loads and CPU times are moving values. */
const DEMO_WARM_UP_MS = 3000;

export async function runOnce(options: GlobalOptions, io: CliIo): Promise<number> {
  const selected = await selectBackend(options, io.env);
  if (selected.notice) io.stderr.write(`omtop: ${selected.notice}\n`);
  selected.emulator?.advance(DEMO_WARM_UP_MS);
  try {
    const snapshot = await selected.backend.collect();
    if (unreadable(snapshot)) {
      // "no Slurm here: …" says it all; other failures name the backend and the source.
      const plain = snapshot.errors.length === 1 && snapshot.errors[0]?.message.startsWith('no Slurm here');
      io.stderr.write(`omtop: ${plain ? snapshot.errors[0]?.message : `cannot read the ${snapshot.backend} backend: ${firstError(snapshot)}`}\n`);
      return 1;
    }
    io.stdout.write(options.json ? `${JSON.stringify(snapshot, null, 2)}\n` : formatSnapshot(snapshot));
    return 0;
  } finally {
    await selected.backend.close();
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
