// 5. Start-up: wall time of `node bin/omtop.js --once --json --demo` against `node -e 0`, median of
// several runs taken in turns. `omtop --version` is timed too: it shows what loading TypeScript
// through tsx costs before omtop does anything.
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import type { BenchRow } from './lib/row.js';
import { median, ratio } from './lib/stats.js';

const BENCH = '5 start-up';
const RUNS = 5;

interface Command {
  readonly label: string;
  readonly argv: readonly string[];
  /** Checks the output; a string says what was wrong. */
  readonly check?: (stdout: string) => string | null;
}

const COMMANDS: readonly Command[] = [
  { label: 'node -e 0', argv: ['node', '-e', '0'] },
  { label: 'omtop --version', argv: ['node', 'bin/omtop.js', '--version'] },
  {
    label: 'omtop --once --json --demo',
    argv: ['node', 'bin/omtop.js', '--once', '--json', '--demo'],
    check: (stdout) => {
      try {
        const value: unknown = JSON.parse(stdout);
        return typeof value === 'object' && value !== null && 'nodes' in value ? null : 'the JSON has no nodes';
      } catch (error) {
        return `output is not JSON: ${error instanceof Error ? error.message : String(error)}`;
      }
    },
  },
];

function timeRun(command: Command, cwd: string): { ms: number; problem: string | null } {
  const [program, ...args] = command.argv;
  const started = performance.now();
  const result = spawnSync(program ?? 'node', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - started;
  if (result.error) return { ms, problem: result.error.message };
  if (result.status !== 0) return { ms, problem: `exit ${String(result.status)}: ${result.stderr.trim().split('\n')[0] ?? ''}` };
  return { ms, problem: command.check?.(result.stdout) ?? null };
}

export function benchStartup(repoRoot: string): BenchRow[] {
  const times = new Map<string, number[]>(COMMANDS.map((command) => [command.label, []]));
  const problems = new Map<string, string>();
  // One untimed round first: tsx fills its compile cache, the OS its page cache.
  for (const command of COMMANDS) timeRun(command, repoRoot);
  for (let run = 0; run < RUNS; run += 1) {
    for (const command of COMMANDS) {
      const { ms, problem } = timeRun(command, repoRoot);
      times.get(command.label)?.push(ms);
      if (problem !== null) problems.set(command.label, problem);
    }
  }
  const base = median(times.get('node -e 0') ?? []);
  return COMMANDS.slice(1).map((command) => {
    const value = median(times.get(command.label) ?? []);
    const problem = problems.get(command.label);
    return {
      bench: BENCH, name: `${command.label}: wall time`, value, unit: 'ms',
      baseline: `node -e 0: ${base.toFixed(0)} ms`, ratio: ratio(value, base),
      note: `median of ${RUNS}, taken in turns after a warm-up round${problem ? `; WARNING: ${problem}` : ''}`,
    };
  });
}
