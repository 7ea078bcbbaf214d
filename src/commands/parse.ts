// PLACEHOLDER until the owning issue lands.
import type { CliIo } from '../io.js';

export async function runParseCommand(_args: readonly string[], io: CliIo): Promise<number> {
  io.stderr.write('omtop: parse is not built yet\n');
  return 1;
}
