// The sbatch argv of a render array, and the argv file each task runs. Pure. No shell string is
// ever built: task.sh (a fixed script) execs the NUL-separated words omtop wrote for its task.
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { SLURM_RENDER_JOB_PREFIX } from '../../model/renderJobName.js';

export interface SlurmSubmitOptions {
  /** `-p`; undefined: the cluster's default partition. */
  readonly partition?: string;
  /** `--time`, in Slurm's words (`30`, `1:00:00`, `1-00:00:00`). */
  readonly timeLimit?: string;
  readonly cpusPerTask?: number;
  /** More sbatch arguments, each one word, placed before the script. */
  readonly extraArgs?: readonly string[];
}

export interface ArraySubmission {
  readonly jobId: string;
  readonly logDir: string;
  /** `r0`, `r1`… one per submission of the same render (the first, then each retry). */
  readonly round: string;
  readonly tasks: number;
  readonly parts: number;
  readonly workDir: string;
}

/** The fixed task script shipped with omtop (sbatch copies it at submission). */
export const TASK_SCRIPT = fileURLToPath(new URL('./task.sh', import.meta.url));

export function taskArgvFile(logDir: string, round: string, task: number): string {
  return join(logDir, `${round}-task-${task}.argv`);
}

export function taskLogFile(logDir: string, round: string, task: number): string {
  return join(logDir, `${round}-task-${task}.log`);
}

/** Words joined by NUL, as task.sh's `mapfile -d ''` reads them back; a NUL inside a word cannot be passed. */
export function argvFileText(argv: readonly string[]): string {
  if (argv.some((word) => word.includes('\0'))) throw new RangeError('an argument contains a NUL byte');
  return `${argv.join('\0')}\0`;
}

export function sbatchArgv(submission: ArraySubmission, options: SlurmSubmitOptions): string[] {
  const argv = [
    'sbatch', '--parsable',
    `--job-name=${SLURM_RENDER_JOB_PREFIX}-${submission.jobId}`,
    `--array=1-${submission.tasks}%${Math.max(1, submission.parts)}`,
    `--output=${join(submission.logDir, `${submission.round}-task-%a.log`)}`,
    `--chdir=${submission.workDir}`,
    // A task that fails is judged by its files; Slurm must not run it again on its own.
    '--no-requeue',
  ];
  if (options.partition !== undefined) argv.push(`--partition=${options.partition}`);
  if (options.timeLimit !== undefined) argv.push(`--time=${options.timeLimit}`);
  if (options.cpusPerTask !== undefined) argv.push(`--cpus-per-task=${options.cpusPerTask}`);
  argv.push(...(options.extraArgs ?? []), TASK_SCRIPT, submission.logDir, submission.round);
  return argv;
}

/** sbatch --parsable prints `123` or `123;cluster`. */
export function submittedJobId(stdout: string): string | null {
  const match = /^(\d+)(?:;\S+)?\s*$/.exec(stdout.trim());
  return match?.[1] ?? null;
}
