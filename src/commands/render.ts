// PLACEHOLDER until the owning issue lands.
import type { CliIo } from '../io.js';

export async function runRenderCommand(_args: readonly string[], io: CliIo): Promise<number> {
  io.stderr.write('omtop: render is not built yet\n');
  return 1;
}
