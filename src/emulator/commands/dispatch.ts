// The emulator's side of the runner seam: argv[0]'s basename picks the tool; anything else is a
// missing binary, reported like the execa runner reports one.
import type { CommandResult, RunOptions } from '../../runner/runner.js';
import type { ClusterModel } from '../model.js';
import { runMosctl } from './mosctl.js';
import type { Reply } from './reply.js';
import { abortedResult, emptyCommandResult, missingResult } from '../../runner/results.js';
import { toCommandResult } from './reply.js';
import { runKill, runMigrate, runMps, runMtop, runOpenMosix, runSetpe } from './tools.js';

const TOOLS: Readonly<Record<string, (model: ClusterModel, argv: readonly string[]) => Reply>> = {
  mosctl: (model, argv) => runMosctl(model, argv),
  mps: (model, argv) => runMps(model, argv.slice(1)),
  mtop: (model, argv) => runMtop(model, argv.slice(1)),
  openmosix: (model, argv) => runOpenMosix(model, argv.slice(1)),
  setpe: (model, argv) => runSetpe(model, argv.slice(1)),
  migrate: (model, argv) => runMigrate(model, argv),
  kill: (model, argv) => runKill(model, argv.slice(1)),
};

export function runCommand(model: ClusterModel, argv: readonly string[], options: RunOptions = {}): CommandResult {
  const program = argv[0];
  if (program === undefined || program === '') return emptyCommandResult(argv);
  if (options.signal?.aborted) return abortedResult(argv);
  const tool = TOOLS[program.slice(program.lastIndexOf('/') + 1)];
  if (!tool) return missingResult(argv);
  return toCommandResult(argv, tool(model, argv));
}
