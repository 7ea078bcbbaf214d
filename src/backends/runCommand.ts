// One cluster command through the runner, with the outcome as data: what ran, and either the
// tool's own report or its error. Shared by every backend that sends commands to real (or
// emulated) tools. The real openMosix tools report an error on either stream, even with exit 0,
// so both are read; mosctl's answer (`Automatic load-balancing already disabled.`) is shown as it
// is; migrate prints nothing, whether or not the process moved.
import { classifyToolOutput } from '../../parsers/index.js';
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
  const answered = result.failure === undefined || result.failure === 'exit';
  const toolError = answered ? classifyToolOutput(result) : null;
  if (toolError) return { command, ok: false, message: `${label}: ${toolError.message}${toolErrorHint(toolError.message)}`, argv };
  if (!result.failure) return { command, ok: true, message: `${label}: ${report(command, result.stdout)}`, argv };
  const said = result.message ?? 'failed';
  return { command, ok: false, message: `${label}: ${said}${toolErrorHint(said)}`, argv };
}

/** The longest tool report kept for the status line. */
const MAX_REPORT = 160;

function report(command: ClusterCommand, stdout: string): string {
  const said = stdout.split('\n').map((line) => line.trim()).filter((line) => line !== '').join(' ');
  if (said !== '') return said.length > MAX_REPORT ? `${said.slice(0, MAX_REPORT)}…` : said;
  // migrate is silent whether or not it moved the process: say what is known.
  return command.type === 'migrate' ? 'sent (migrate does not report; the NODE column shows where it runs)' : 'ok';
}

/** Refusal for commands a backend cannot do at all (openMosix commands on the local backend), in the one sentence for it. */
export function refuse(command: ClusterCommand, backend: string): CommandOutcome {
  return { command, ok: false, message: unavailableCommand(command, backend) };
}
