// The dashboard's and --once's options: argv words → a validated value, or a UsageError.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { BackendNameSchema, type BackendName } from './model/snapshot.js';
import { UsageError } from './io.js';
import { describeArgsError } from './argsError.js';

export const GlobalOptionsSchema = z.object({
  /** undefined: detect (openmosix when /proc/hpc or mosctl is found, else slurm when a controller answers, else demo). */
  backend: BackendNameSchema.optional(),
  once: z.boolean(),
  json: z.boolean(),
  readonly: z.boolean(),
  /** The dashboard takes the mouse (clicks select, the wheel scrolls); --no-mouse leaves it to the terminal. */
  mouse: z.boolean(),
  /** Refresh interval in milliseconds. */
  intervalMs: z.number().int().min(100).max(3_600_000),
  /** Seed for the emulated cluster, so a demo run can be repeated exactly. */
  seed: z.number().int().optional(),
  /** Per-command timeout for the real tools. */
  timeoutMs: z.number().int().min(50).max(600_000),
  /** Ring the terminal's bell when a render finishes or fails (--no-bell turns it off). */
  bell: z.boolean().optional(),
  /** openMosix without /proc/hpc: node-reading commands per second (a tick forks this × its interval). */
  forksPerSecond: z.number().min(1).max(100_000).optional(),
});
export type GlobalOptions = z.infer<typeof GlobalOptionsSchema>;

const spec = {
  backend: { type: 'string' },
  demo: { type: 'boolean' },
  once: { type: 'boolean' },
  json: { type: 'boolean' },
  readonly: { type: 'boolean' },
  'no-mouse': { type: 'boolean' },
  interval: { type: 'string', short: 'd' },
  seed: { type: 'string' },
  timeout: { type: 'string' },
  'no-bell': { type: 'boolean' },
  'forks-per-second': { type: 'string' },
} as const;

/** A duration in seconds on the command line, checked in the user's own unit, as milliseconds. */
function seconds(name: string, text: string | undefined, fallback: number, range: { min: number; max: number }): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n)) throw new UsageError(`--${name} expects a number of seconds, got "${text}"`);
  if (n < range.min || n > range.max) {
    throw new UsageError(`--${name} must be between ${range.min} and ${range.max} seconds, got "${text}"`);
  }
  return Math.round(n * 1000);
}

export function parseGlobalOptions(argv: readonly string[]): GlobalOptions {
  let values;
  try {
    ({ values } = parseArgs({ args: [...argv], options: spec, strict: true, allowPositionals: false }));
  } catch (error) {
    throw new UsageError(describeArgsError(error));
  }
  let backend: BackendName | undefined;
  if (values.backend !== undefined) {
    const picked = BackendNameSchema.safeParse(values.backend);
    if (!picked.success) throw new UsageError(`--backend must be openmosix, local, demo or slurm, got "${values.backend}"`);
    backend = picked.data;
  }
  if (values.demo) {
    if (backend !== undefined && backend !== 'demo') throw new UsageError(`--demo conflicts with --backend ${backend}`);
    backend = 'demo';
  }
  if (values.json && !values.once) throw new UsageError('--json goes with --once');
  let seed: number | undefined;
  if (values.seed !== undefined) {
    seed = Number(values.seed);
    if (!Number.isSafeInteger(seed)) throw new UsageError(`--seed expects a whole number, got "${values.seed}"`);
  }
  const forks = values['forks-per-second'];
  const forksPerSecond = forks === undefined ? undefined : Number(forks);
  if (forksPerSecond !== undefined && (forks?.trim() === '' || !Number.isFinite(forksPerSecond) || forksPerSecond < 1 || forksPerSecond > 100_000)) {
    throw new UsageError(`--forks-per-second expects a number from 1 to 100000, got "${forks}"`);
  }
  const options = {
    backend,
    once: values.once ?? false,
    json: values.json ?? false,
    readonly: values.readonly ?? false,
    mouse: !(values['no-mouse'] ?? false),
    intervalMs: seconds('interval', values.interval, 2000, { min: 0.1, max: 3600 }),
    seed,
    timeoutMs: seconds('timeout', values.timeout, 2000, { min: 0.05, max: 600 }),
    bell: !(values['no-bell'] ?? false),
    ...(forksPerSecond === undefined ? {} : { forksPerSecond }),
  };
  // Checked once per run: without zod's generated fast path (jitless), which costs more to build than it saves here.
  const checked = GlobalOptionsSchema.safeParse(options, { jitless: true });
  if (!checked.success) throw new UsageError(checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  return checked.data;
}
