// One action through the runner, with the outcome as data: what ran, and either "ok" or the
// tool's own words. Shared by every backend that sends actions to real (or emulated) tools.
import { describeAction, toArgv } from '../cluster/argv.js';
import type { ActionResult, ClusterAction } from '../cluster/commands.js';
import { errorLine } from '../errorLine.js';
import type { CommandRunner } from '../runner/runner.js';
import { hintFor } from './toolHints.js';

export async function runAction(runner: CommandRunner, action: ClusterAction): Promise<ActionResult> {
  const label = describeAction(action);
  let argv: readonly string[];
  try {
    argv = toArgv(action);
  } catch (error) {
    return { action, ok: false, message: `${label}: ${errorLine(error)}` };
  }
  const result = await runner.run(argv);
  if (!result.failure) return { action, ok: true, message: `${label}: ok`, argv };
  const said = result.message ?? 'failed';
  return { action, ok: false, message: `${label}: ${said}${hintFor(said)}`, argv };
}

/** Refusal for actions a backend cannot do at all (openMosix actions on the local backend). */
export function refuse(action: ClusterAction, reason: string): ActionResult {
  return { action, ok: false, message: `${describeAction(action)} ${reason}` };
}
