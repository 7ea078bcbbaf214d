// A Slurm job's details for the dashboard: `scontrol -o show job ID`, the fields a user asks about
// (why it waits, its resources, where it runs and writes), and the file its output goes to.
import { describeError, parseScontrolShow } from '../../../parsers/index.js';
import type { CommandRunner } from '../../runner/runner.js';
import type { JobDetails } from '../backend.js';
import { failureLine } from './readings.js';

const SHOWN: readonly (readonly [string, string])[] = [
  ['JobId', 'job'], ['ArrayJobId', 'array job'], ['ArrayTaskId', 'array task'], ['JobName', 'name'], ['UserId', 'user'],
  ['JobState', 'state'], ['Reason', 'why (reason)'], ['Dependency', 'waits for'], ['Partition', 'partition'], ['QOS', 'QOS'],
  ['NodeList', 'nodes'], ['ReqNodeList', 'asked for nodes'], ['NumNodes', 'node count'], ['NumCPUs', 'CPUs'], ['TRES', 'resources'],
  ['MinMemoryNode', 'memory per node'], ['TimeLimit', 'time limit'], ['RunTime', 'run time'], ['SubmitTime', 'submitted'],
  ['StartTime', 'starts/started'], ['WorkDir', 'working directory'], ['Command', 'command'], ['StdOut', 'output file'],
  ['StdErr', 'error file'], ['ExitCode', 'exit code'],
];

const UNSET = new Set(['', '(null)', 'None', 'N/A', 'Unknown']);

export async function readJobDetails(runner: CommandRunner, job: string): Promise<JobDetails> {
  if (!/^\d+(?:_\d+)?$/.test(job)) return { ok: false, message: `${job}: pick one job or one array task for its details` };
  const result = await runner.run(['scontrol', '-o', 'show', 'job', job]);
  const failure = failureLine(result);
  if (failure) return { ok: false, message: `scontrol show job ${job}: ${failure}` };
  const parsed = parseScontrolShow(result.stdout);
  if (!parsed.ok) return { ok: false, message: `scontrol show job ${job}: ${describeError(parsed.error)}` };
  const record = parsed.value[0];
  if (record === undefined) return { ok: false, message: `scontrol show job ${job}: no such job` };
  const lines = SHOWN.filter(([key]) => !UNSET.has(record[key] ?? '')).map(([key, label]) => `${label.padEnd(18)} ${record[key] ?? ''}`);
  const out = record.StdOut;
  return { ok: true, lines, logFile: out === undefined || UNSET.has(out) || out === '/dev/null' ? null : out };
}
