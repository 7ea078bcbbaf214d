// 5. Start-up: wall time of `node bin/omtop.js --once --json --demo` against `node -e 0`, median of
// several runs taken in turns. `omtop --version` is timed too: it shows what loading omtop costs
// before it does anything. Each omtop command runs twice: from the compiled build (what `npm ci`
// leaves, built first here: the bundle, and the code cache its first run writes) and from the
// TypeScript sources through tsx (OMTOP_FROM_SOURCE=1), the way every run started before the build
// existed — the before/after of that optimisation.
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import type { BenchRow } from './lib/row.js';
import { median, ratio } from './lib/stats.js';

const BENCH = '5 start-up';
const RUNS = 15;

interface Command {
  readonly label: string;
  readonly argv: readonly string[];
  readonly env?: Readonly<Record<string, string>>;
  /** Checks the output; a string says what was wrong. */
  readonly check?: (stdout: string) => string | null;
  /** Issue 14's start-up target, a ratio against `node -e 0`. */
  readonly atMost?: number;
}

function checkSnapshot(stdout: string): string | null {
  try {
    const value: unknown = JSON.parse(stdout);
    return typeof value === 'object' && value !== null && 'nodes' in value ? null : 'the JSON has no nodes';
  } catch (error) {
    return `output is not JSON: ${error instanceof Error ? error.message : String(error)}`;
  }
}

const FROM_SOURCE = { OMTOP_FROM_SOURCE: '1' };
const COMMANDS: readonly Command[] = [
  { label: 'node -e 0', argv: ['node', '-e', '0'] },
  { label: 'omtop --version (built)', argv: ['node', 'bin/omtop.js', '--version'] },
  { label: 'omtop --version (from source, tsx)', argv: ['node', 'bin/omtop.js', '--version'], env: FROM_SOURCE },
  { label: 'omtop --once --json --demo (built)', argv: ['node', 'bin/omtop.js', '--once', '--json', '--demo'], check: checkSnapshot, atMost: 2.5 },
  {
    label: 'omtop --once --json --demo (from source, tsx)', argv: ['node', 'bin/omtop.js', '--once', '--json', '--demo'],
    env: FROM_SOURCE, check: checkSnapshot,
  },
];

function timeRun(command: Command, cwd: string): { ms: number; problem: string | null } {
  const [program, ...args] = command.argv;
  const started = performance.now();
  const result = spawnSync(program ?? 'node', args, {
    cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024, env: { ...process.env, ...command.env },
  });
  const ms = performance.now() - started;
  if (result.error) return { ms, problem: result.error.message };
  if (result.status !== 0) return { ms, problem: `exit ${String(result.status)}: ${result.stderr.trim().split('\n')[0] ?? ''}` };
  return { ms, problem: command.check?.(result.stdout) ?? null };
}

export function benchStartup(repoRoot: string): BenchRow[] {
  const build = spawnSync('node', ['bin/build.js'], { cwd: repoRoot, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`bin/build.js failed: ${build.stderr.trim().split('\n')[0] ?? ''}`);
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
      ...(command.atMost === undefined ? {} : { target: { on: 'ratio' as const, atMost: command.atMost } }),
      note: `median of ${RUNS}, taken in turns after a warm-up round${problem ? `; WARNING: ${problem}` : ''}`,
    };
  });
}
