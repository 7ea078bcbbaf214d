// PLACEHOLDER until the data-layer issue lands.
import type { CliIo } from '../io.js';
import type { GlobalOptions } from '../options.js';

export async function runOnce(_options: GlobalOptions, io: CliIo): Promise<number> {
  io.stderr.write('omtop: --once is not built yet\n');
  return 1;
}
