// argv → the one command to run. Each command returns its exit code; nothing here exits.
import { existsSync, readFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { type CliIo, UsageError } from './io.js';
import { errorLine } from './errorLine.js';
import { parseGlobalOptions } from './options.js';

const HELP = `omtop — a live dashboard and split-render launcher for openMosix and Slurm clusters

Usage:
  omtop [options]                      the dashboard (openMosix if found, else Slurm if its
                                       controller answers, else an emulated cluster)
  omtop --once [--json] [options]      print one snapshot and exit
  omtop render FILE.blend START END PARTS [render options]
                                       split a Blender render over PARTS processes
  omtop parse KIND [FILE]              parse one openMosix tool output (FILE or stdin) to JSON

Options:
  --backend openmosix|local|demo|slurm
                                       where the data comes from (default: detect)
  --demo                               short for --backend demo
  --readonly                           show everything, refuse every action
  --no-mouse                           leave the mouse to the terminal (to select text);
                                       by default a click selects a row, the wheel scrolls
  -d, --interval SECONDS               refresh interval (default 2)
  --timeout SECONDS                    per-command timeout for the real tools (default 2)
  --forks-per-second N                 openMosix without /proc/hpc: node readings forked per
                                       second (default 50, raised up to 100 when that reads
                                       every node within 5 s; a rate set here is never raised);
                                       a bigger map is read over several refreshes, unread
                                       nodes shown pending
  --seed N                             seed for the emulated cluster
  --no-bell                            no terminal bell when a render finishes or fails
  --once                               print one snapshot as a table and exit
  --json                               with --once: print the snapshot as JSON
  -h, --help                           this text
  -V, --version                        omtop's version

Run "omtop render --help" for the render options and "omtop parse --help" for the kinds.
`;

export function version(): string {
  // ../ from src/main.ts, ../../ from the compiled dist/src/main.js.
  const candidates = ['../package.json', '../../package.json'].map((path) => new URL(path, import.meta.url));
  const found = candidates.find((url) => existsSync(url)) ?? candidates[0];
  const pkg = JSON.parse(readFileSync(found ?? '', 'utf8')) as { version: string };
  return pkg.version;
}

async function dispatch(argv: readonly string[], io: CliIo): Promise<number> {
  const [first, ...rest] = argv;
  if (first === 'parse') return (await import('./commands/parse.js')).runParseCommand(rest, io);
  if (first === 'render') return (await import('./commands/render.js')).runRenderCommand(rest, io);
  if (argv.includes('-h') || argv.includes('--help')) {
    io.stdout.write(HELP);
    return 0;
  }
  if (argv.includes('-V') || argv.includes('--version')) {
    io.stdout.write(`omtop ${version()}\n`);
    return 0;
  }
  if (first !== undefined && !first.startsWith('-')) throw new UsageError(`unknown command "${first}" (try omtop --help)`);
  const options = parseGlobalOptions(argv);
  if (options.once) return (await import('./commands/once.js')).runOnce(options, io);
  keepYoungGenerationSmall();
  return (await import('./commands/dashboard.js')).runDashboard(options, io);
}

/**
 * The dashboard keeps little from one tick to the next, yet V8 grows its young generation to
 * 2 × 16 MiB within seconds and keeps it. Growth factor 1 (V8 reads it each time it would grow, so
 * it works after start, before the dashboard's modules load) keeps it at 2 MiB: peak RSS 95 MiB
 * instead of 116 in the same minute, and no more CPU (bench 4).
 */
function keepYoungGenerationSmall(): void {
  setFlagsFromString('--semi-space-growth-factor=1');
}

/**
 * True when the command `argv` names is done once main returns: it printed what it had to and
 * leaves nothing running (`--once`, `--version`, `--help`, `parse`; not the dashboard or a render).
 * bin/omtop.js then exits as soon as the output is flushed, without Node tearing its heap down
 * first (a tenth of `--once --demo`'s CPU).
 */
export function doneWhenMainReturns(argv: readonly string[]): boolean {
  const [first] = argv;
  if (first === 'parse') return true;
  if (first === 'render') return false;
  return ['--once', '-h', '--help', '-V', '--version'].some((flag) => argv.includes(flag));
}

/** Runs omtop; every failure becomes one line on stderr and an exit code, never a stack trace. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`omtop: ${error.message}\n`);
      return error.exitCode;
    }
    io.stderr.write(`omtop: ${errorLine(error)}\n`);
    if (io.env.OMTOP_DEBUG) io.stderr.write(`${error instanceof Error ? error.stack : ''}\n`);
    return 1;
  }
}
