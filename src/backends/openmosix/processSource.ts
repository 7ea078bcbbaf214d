// The process list: `mps auxww` every tick, which lists every process (with or without a
// terminal: `x`) with user, %CPU, %MEM, the node it runs on and its whole command line (`ww`:
// never cut at 80 columns). The real mtop has no batch mode (`mtop -b` exits 1), so it is not
// used. When mps fails, the last list is kept (and the failure reported).
import { parseMps } from '../../../parsers/index.js';
import { processesFromMps } from '../../model/processes.js';
import type { ProcessSnapshot, SourceError } from '../../model/snapshot.js';
import type { CommandRunner } from '../../runner/runner.js';
import { query, toSourceError } from './query.js';

export const MPS_ARGV: readonly string[] = ['mps', 'auxww'];

export class ProcessSource {
  #last: ProcessSnapshot[] = [];

  constructor(private readonly runner: CommandRunner) {}

  async read(localNode: number, errors: SourceError[], signal?: AbortSignal): Promise<ProcessSnapshot[]> {
    const mps = await query(this.runner, MPS_ARGV, parseMps, signal);
    if (mps.ok) this.#last = processesFromMps(mps.value.processes, localNode);
    else errors.push(toSourceError(mps.failure));
    return this.#last;
  }
}
