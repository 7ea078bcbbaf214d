// Reading sinfo and squeue through the runner: the JSON output where the installed Slurm has it,
// the `-h -o` text formats where it has not (or prints a JSON shape the parsers do not know), and
// one plain line for "no Slurm here" whatever way the tools say it.
import {
  classifySlurmError, parseScontrolPing, parseSinfoJson, parseSinfoText, parseSqueueJson, parseSqueueText,
  SINFO_TEXT_FORMAT, SQUEUE_TEXT_FORMAT, describeError, type ParseResult, type Sinfo, type Squeue,
} from '../../../parsers/index.js';
import type { CommandResult, CommandRunner } from '../../runner/runner.js';

export type OutputMode = 'json' | 'text';

export type Reading<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string; readonly source: string };

interface Tool<T> {
  readonly name: string;
  readonly json: readonly string[];
  readonly text: readonly string[];
  readonly parseJson: (text: string) => ParseResult<T>;
  readonly parseText: (text: string) => ParseResult<T>;
}

export const SINFO: Tool<Sinfo> = {
  name: 'sinfo',
  json: ['sinfo', '-N', '--json'],
  text: ['sinfo', '-h', '-N', '-o', SINFO_TEXT_FORMAT],
  parseJson: parseSinfoJson,
  parseText: parseSinfoText,
};

export const SQUEUE: Tool<Squeue> = {
  name: 'squeue',
  json: ['squeue', '--json'],
  text: ['squeue', '-h', '-o', SQUEUE_TEXT_FORMAT],
  parseJson: parseSqueueJson,
  parseText: parseSqueueText,
};

/** A client that has no --json (before 21.08) says so in one of these ways. */
function noJsonOption(result: CommandResult): boolean {
  return result.failure === 'exit' && /unrecognized option|invalid option|--json/i.test(result.stderr);
}

/** "No Slurm here" and other failures of a command, as one line; null when it ran fine. */
export function failureLine(result: CommandResult): string | null {
  if (!result.failure) return null;
  if (result.failure === 'missing') return `no Slurm here: ${result.argv[0] ?? 'the Slurm client'} is not installed (Debian: apt-get install slurm-client)`;
  const classified = classifySlurmError(`${result.stderr}\n${result.stdout}`);
  if (classified?.code === 'not-configured' || classified?.code === 'down') return `no Slurm here: ${classified.message}`;
  if (classified) return classified.message;
  return result.message ?? `${result.argv.join(' ')} failed`;
}

/** Why the controller does not answer, asked with the one quick command (`sinfo` waits ~9 s). */
export async function controllerProblem(runner: CommandRunner, signal?: AbortSignal): Promise<string | null> {
  const result = await runner.run(['scontrol', 'ping'], signal ? { signal } : {});
  // Also an exit 1 with "is DOWN" on stdout, classified by failureLine as down.
  const failure = failureLine(result);
  if (failure) return failure;
  const ping = parseScontrolPing(result.stdout);
  if (!ping.ok) return `no Slurm here: ${ping.error.message}`;
  const down = ping.value.controllers.filter((c) => !c.up);
  if (down.length === ping.value.controllers.length) return `no Slurm here: the Slurm controller at ${down.map((c) => c.host).join(', ')} does not answer`;
  return null;
}

/**
 * One reading in `mode`; a JSON shape the parser refuses, or a client without --json, is read
 * again as text and `setMode('text')` keeps it so for the next ticks.
 */
export async function readTool<T>(
  runner: CommandRunner,
  tool: Tool<T>,
  mode: OutputMode,
  setMode: (mode: OutputMode) => void,
  signal?: AbortSignal,
): Promise<Reading<T>> {
  const options = signal ? { signal } : {};
  if (mode === 'json') {
    const result = await runner.run(tool.json, options);
    if (!noJsonOption(result)) {
      const failure = failureLine(result);
      if (failure && result.failure !== 'exit') return { ok: false, source: tool.json.join(' '), message: failure };
      const parsed = failure ? null : tool.parseJson(result.stdout);
      if (parsed?.ok) return { ok: true, value: parsed.value };
      // The controller down: 22.05 exits 0 with an "errors" entry; say it plainly.
      if (parsed && parsed.error.code === 'tool-error') return { ok: false, source: tool.json.join(' '), message: `${tool.name}: ${parsed.error.message}` };
      if (failure) return { ok: false, source: tool.json.join(' '), message: failure };
    }
    setMode('text');
  }
  const result = await runner.run(tool.text, options);
  const failure = failureLine(result);
  if (failure) return { ok: false, source: tool.text.join(' '), message: failure };
  const parsed = tool.parseText(result.stdout);
  if (!parsed.ok) return { ok: false, source: tool.text.join(' '), message: `${tool.name}: ${describeError(parsed.error)}` };
  return { ok: true, value: parsed.value };
}
