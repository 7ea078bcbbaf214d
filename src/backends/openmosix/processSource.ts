// The process list: `mps` every tick (where each process runs, full command lines), and
// `mtop -b -n 1` every `mtopEveryTicks` ticks (3 by default) for user, %CPU and %MEM. Which
// processes exist and where they run is always this tick's; only those three columns can be a
// couple of ticks old (a process newer than the last mtop shows them as unknown until the next).
// That keeps a tick near one fork for processes. When mps fails, the last list is kept (and the
// failure reported).
import { parseMps, parseMtop, type MtopProcess } from '../../../parsers/index.js';
import { processesFromTools } from '../../model/processes.js';
import type { ProcessSnapshot, SourceError } from '../../model/snapshot.js';
import type { CommandRunner } from '../../runner/runner.js';
import { query, toSourceError } from './query.js';

export class ProcessSource {
  #tick = 0;
  #mtop: readonly MtopProcess[] | null = null;
  #last: ProcessSnapshot[] = [];

  constructor(
    private readonly runner: CommandRunner,
    private readonly mtopEveryTicks: number,
  ) {}

  async read(localNode: number, errors: SourceError[], signal?: AbortSignal): Promise<ProcessSnapshot[]> {
    const withMtop = this.#tick % this.mtopEveryTicks === 0;
    this.#tick += 1;
    const [mps, mtop] = await Promise.all([
      query(this.runner, ['mps'], parseMps, signal),
      withMtop ? query(this.runner, ['mtop', '-b', '-n', '1'], parseMtop, signal) : null,
    ]);
    if (!mps.ok) errors.push(toSourceError(mps.failure));
    if (mtop && !mtop.ok) errors.push(toSourceError(mtop.failure));
    if (mtop) this.#mtop = mtop.ok ? mtop.value.processes : null;
    const processes = processesFromTools({ mps: mps.ok ? mps.value.processes : null, mtop: this.#mtop, localNode });
    if (processes) this.#last = processes;
    return this.#last;
  }
}
