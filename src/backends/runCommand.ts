// One cluster command through the runner, with the outcome as data: what ran, and either "ok" or
// the tool's own words. Shared by every backend that sends commands to real (or emulated) tools.
import { unavailableCommand } from '../cluster/abilities.js';
import { describeCommand, toArgv } from '../cluster/argv.js';
import type { ClusterCommand, CommandOutcome } from '../cluster/commands.js';
import { errorLine } from '../errorLine.js';
import type { CommandRunner } from '../runner/runner.js';
import { toolErrorHint } from './toolHints.js';

export async function runCommand(runner: CommandRunner, command: ClusterCommand): Promise<CommandOutcome> {
  const label = describeCommand(command);
  let argv: readonly string[];
  try {
    argv = toArgv(command);
  } catch (error) {
    return { command, ok: false, message: `${label}: ${errorLine(error)}` };
  }
  const result = await runner.run(argv);
  if (!result.failure) return { command, ok: true, message: `${label}: ok`, argv };
  const said = result.message ?? 'failed';
  return { command, ok: false, message: `${label}: ${said}${toolErrorHint(said)}`, argv };
}

/** Refusal for commands a backend cannot do at all (openMosix commands on the local backend), in the one sentence for it. */
export function refuse(command: ClusterCommand, backend: string): CommandOutcome {
  return { command, ok: false, message: unavailableCommand(command, backend) };
}
