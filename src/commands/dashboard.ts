// PLACEHOLDER until the dashboard issue lands.
import type { CliIo } from '../io.js';
import type { GlobalOptions } from '../options.js';

export async function runDashboard(_options: GlobalOptions, io: CliIo): Promise<number> {
  io.stderr.write('omtop: the dashboard is not built yet\n');
  return 1;
}
