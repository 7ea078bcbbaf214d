// `omtop render FILE.blend START END PARTS [options]`: argv words → render options, or one-line errors.
import { parseArgs } from 'node:util';
import { describeArgsError } from '../argsError.js';
import type { RenderOptions } from './renderOptions.js';
import { DEFAULT_FPS, DEFAULT_RETRIES, DEFAULT_STALL_SECONDS } from './renderOptions.js';
import { PARTS_PER_CPU } from './partsLimit.js';
import { parseFrameList } from './frameList.js';
import { normalizeImageFormat, IMAGE_FORMATS } from './imageFormat.js';
import { checkRange, RenderInputError, RenderUsageError } from './inputChecks.js';
import type { SlurmSubmitOptions } from './slurm/sbatchArgv.js';
import { splitWords } from './onDone.js';

export const RENDER_HELP = `Usage: omtop render FILE.blend START END PARTS [options]

Renders frames START..END (both included) of FILE.blend with PARTS background blender processes,
so that openMosix can migrate each part to another node. Each part is one blender for the whole job
that is handed one frame at a time, so the parts finish together. Every frame's file is checked.

Options:
  --out DIR              write frames to DIR/frame_####.ext (default: the .blend's own output setting)
  --out-pattern PATTERN  write frames where blender's -o PATTERN puts them (# for the frame number,
                         // for the .blend's folder), instead of --out
  --scene NAME           render this scene of the .blend
  --format FMT           PNG, JPEG, BMP, TARGA, TIFF, OPEN_EXR, ... (default: the .blend's format)
  --size WxH             frame size in pixels, e.g. 640x480
  --engine NAME          CYCLES, BLENDER_EEVEE or BLENDER_WORKBENCH
  --no-denoising         turn Cycles denoising off (Debian's blender has no OpenImageDenoise)
  --frames LIST          only these frames, e.g. 1-10,15,20-30 (within START..END)
  --split even|dynamic   even: PARTS fixed ranges, sizes differ by at most one;
                         dynamic (default): each part takes the next frame when it is done
  --chunk N              dynamic split: a new blender for every N frames instead of one per part
  --threads N            blender threads per part (default: this machine's cores / PARTS; under
                         openMosix 1, since a multi-threaded process cannot migrate)
  --retries N            render a failed or missing frame again up to N times (default ${DEFAULT_RETRIES})
  --stall-timeout SECS   kill a part that prints nothing for SECS seconds and retry its frames
                         (default ${DEFAULT_STALL_SECONDS}; 0 turns it off)
  --resume               render only the frames whose files are missing
  --overwrite            render every frame even if its file exists
  --movie FILE           assemble the frames into FILE at the end (ffmpeg, else mencoder), then check
                         the movie's frame count
  --fps N                movie frame rate (default ${DEFAULT_FPS})
  --blender PATH         the blender program (default: blender from PATH)
  --allow-many-parts     start all PARTS even beyond ${PARTS_PER_CPU} per CPU of this node without openMosix
                         (otherwise PARTS is reduced to that, with a warning)
  --json                 print one JSON event per line instead of text
  --on-done CMD          run CMD when the job has ended (no shell: words and quotes only), with
                         OMTOP_STATUS (finished, failed or cancelled), OMTOP_FRAMES_DONE,
                         OMTOP_FRAMES_EXPECTED, OMTOP_FRAMES_MISSING, OMTOP_OUTPUT_DIR, OMTOP_MOVIE,
                         OMTOP_JOB_ID, OMTOP_BLEND_FILE and OMTOP_MESSAGE in its environment
  -h, --help             this text

On a Slurm cluster:
  --slurm                submit the render as a Slurm job array instead of running it here: at most
                         PARTS tasks run at once, and the frames are split into more, smaller tasks
                         than PARTS when that shortens the makespan (--chunk N: N frames a task;
                         --split even: PARTS tasks). Progress comes from squeue and the frames on
                         disk; --retries resubmits only the missing frames; Ctrl-C runs scancel.
                         ASSUMED: the output folder (--out) is on a filesystem every node sees
                         (omtop checks it is writable from here), and blender is at the same path
                         on every node.
  --partition NAME       the partition to submit to (default: the cluster's default)
  --time-limit TIME      each task's limit in Slurm's form: 30, 1:00:00, 1-00:00:00
  --cpus-per-task N      CPUs for each task (blender uses them all)
  --sbatch-arg ARG       one more sbatch argument, e.g. --sbatch-arg=--account=art (repeatable)

A file name that starts with "-" can be given as ./-name.blend or after "--".
Ctrl-C stops every blender part, keeps the finished frames and prints the command that resumes.
`;

const spec = {
  out: { type: 'string' }, 'out-pattern': { type: 'string' }, scene: { type: 'string' }, format: { type: 'string' }, size: { type: 'string' },
  engine: { type: 'string' }, 'no-denoising': { type: 'boolean' }, threads: { type: 'string' }, frames: { type: 'string' }, split: { type: 'string' },
  chunk: { type: 'string' }, retries: { type: 'string' }, 'stall-timeout': { type: 'string' }, resume: { type: 'boolean' },
  overwrite: { type: 'boolean' }, movie: { type: 'string' }, fps: { type: 'string' }, blender: { type: 'string' },
  json: { type: 'boolean' }, 'on-done': { type: 'string' }, help: { type: 'boolean', short: 'h' }, 'allow-many-parts': { type: 'boolean' },
  slurm: { type: 'boolean' }, partition: { type: 'string' }, 'time-limit': { type: 'string' },
  'cpus-per-task': { type: 'string' }, 'sbatch-arg': { type: 'string', multiple: true },
} as const;

export type RenderCli =
  | { readonly help: true }
  | {
      readonly help: false;
      readonly json: boolean;
      /** --on-done's words: run when the job has ended; null without it. */
      readonly onDone: readonly string[] | null;
      readonly options: Omit<RenderOptions, 'cwd' | 'env' | 'hooks'>;
      /** Set by --slurm: submit as a job array with these sbatch options. */
      readonly slurm: SlurmSubmitOptions | null;
    };

const ENGINE_ALIASES: Readonly<Record<string, string>> = { EEVEE: 'BLENDER_EEVEE', WORKBENCH: 'BLENDER_WORKBENCH' };

function integer(name: string, text: string, min: number): number {
  if (!/^-?\d+$/.test(text.trim())) throw new RenderUsageError(`${name} must be an integer, got "${text}"`);
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new RenderUsageError(`${name} is too large: ${text}`);
  if (value < min) throw new RenderUsageError(`${name} must be at least ${min}, got ${value}`);
  return value;
}

function optionalInteger(name: string, text: string | undefined, min: number): number | undefined {
  return text === undefined ? undefined : integer(name, text, min);
}

function size(text: string): { width: number; height: number } {
  const match = /^(\d+)x(\d+)$/i.exec(text.trim());
  const width = Number(match?.[1]);
  const height = Number(match?.[2]);
  if (!match || width < 4 || height < 4 || width > 65536 || height > 65536) {
    throw new RenderUsageError(`--size expects WIDTHxHEIGHT such as 640x480, got "${text}"`);
  }
  return { width, height };
}

/** START END PARTS as numbers, or a usage error (START after END included). */
function range(startText: string, endText: string, partsText: string): { start: number; end: number; parts: number } {
  const start = integer('START', startText, 0);
  const end = integer('END', endText, 0);
  const parts = integer('PARTS', partsText, 1);
  try {
    checkRange(start, end, parts);
  } catch (error) {
    throw error instanceof RenderInputError ? new RenderUsageError(error.message) : error;
  }
  return { start, end, parts };
}

const SLURM_ONLY = ['partition', 'time-limit', 'cpus-per-task', 'sbatch-arg'] as const;

function slurmOptions(values: {
  slurm?: boolean; partition?: string; 'time-limit'?: string; 'cpus-per-task'?: string; 'sbatch-arg'?: string[]; 'stall-timeout'?: string;
  threads?: string;
}): SlurmSubmitOptions | null {
  if (!values.slurm) {
    const stray = SLURM_ONLY.find((name) => values[name] !== undefined);
    if (stray !== undefined) throw new RenderUsageError(`--${stray} goes with --slurm`);
    return null;
  }
  if (values['stall-timeout'] !== undefined) throw new RenderUsageError('--stall-timeout does not apply to --slurm (use --time-limit)');
  if (values.threads !== undefined) throw new RenderUsageError('--threads does not apply to --slurm (use --cpus-per-task)');
  const partition = values.partition?.trim();
  if (partition !== undefined && !/^[\w.-]+(,[\w.-]+)*$/.test(partition)) throw new RenderUsageError(`--partition expects a partition name, got "${values.partition}"`);
  const timeLimit = values['time-limit']?.trim();
  if (timeLimit !== undefined && !/^(\d+-)?\d+(:\d{1,2}){0,2}$|^UNLIMITED$/i.test(timeLimit)) {
    throw new RenderUsageError(`--time-limit expects minutes, H:MM:SS or D-HH:MM:SS, got "${values['time-limit']}"`);
  }
  const extra = values['sbatch-arg'] ?? [];
  const bad = extra.find((arg) => /^--?(array|output|error|job-name|parsable|chdir|[aoJD])(=|$)/.test(arg));
  if (bad !== undefined) throw new RenderUsageError(`--sbatch-arg ${bad}: omtop sets that itself`);
  return {
    ...(partition !== undefined ? { partition } : {}),
    ...(timeLimit !== undefined ? { timeLimit } : {}),
    ...(values['cpus-per-task'] !== undefined ? { cpusPerTask: integer('--cpus-per-task', values['cpus-per-task'], 1) } : {}),
    extraArgs: extra,
  };
}

function onDoneWords(text: string | undefined): string[] | null {
  if (text === undefined) return null;
  const split = splitWords(text);
  if (!split.ok) throw new RenderUsageError(split.message);
  return split.words;
}

export function parseRenderArgs(argv: readonly string[]): RenderCli {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: spec, strict: true, allowPositionals: true });
  } catch (error) {
    throw new RenderUsageError(describeArgsError(error));
  }
  const { values, positionals } = parsed;
  if (values.help) return { help: true };
  if (positionals.length !== 4) {
    throw new RenderUsageError(`expected FILE.blend START END PARTS, got ${positionals.length} argument(s) (try omtop render --help)`);
  }
  const [blendFile = '', startText = '', endText = '', partsText = ''] = positionals;
  if (blendFile === '') throw new RenderUsageError('FILE.blend is empty');
  const format = values.format === undefined ? undefined : normalizeImageFormat(values.format);
  if (format === null) throw new RenderUsageError(`--format must be one of ${IMAGE_FORMATS.join(', ')}, got "${values.format}"`);
  const split = values.split;
  if (split !== undefined && split !== 'even' && split !== 'dynamic') throw new RenderUsageError(`--split must be even or dynamic, got "${split}"`);
  let frames: number[] | undefined;
  if (values.frames !== undefined) {
    const list = parseFrameList(values.frames);
    if (!list.ok) throw new RenderUsageError(list.message);
    frames = list.frames;
  }
  if (values.chunk !== undefined && split === 'even') throw new RenderUsageError('--chunk goes with the dynamic split, not --split even');
  if (values.out !== undefined && values['out-pattern'] !== undefined) throw new RenderUsageError('--out and --out-pattern contradict each other');
  if (values.resume && values.overwrite) throw new RenderUsageError('--resume and --overwrite contradict each other');
  if (values.fps !== undefined && values.movie === undefined) throw new RenderUsageError('--fps goes with --movie');
  const engine = values.engine?.trim().toUpperCase();
  return {
    help: false,
    json: values.json ?? false,
    onDone: onDoneWords(values['on-done']),
    slurm: slurmOptions(values),
    options: {
      blendFile,
      ...range(startText, endText, partsText),
      frames,
      outDir: values.out,
      ...(values['out-pattern'] === undefined ? {} : { outputPattern: values['out-pattern'] }),
      scene: values.scene,
      format,
      size: values.size === undefined ? undefined : size(values.size),
      engine: engine === undefined ? undefined : ENGINE_ALIASES[engine] ?? engine,
      noDenoising: values['no-denoising'] ?? false,
      threads: optionalInteger('--threads', values.threads, 1),
      split: split ?? 'dynamic',
      chunk: optionalInteger('--chunk', values.chunk, 1),
      retries: optionalInteger('--retries', values.retries, 0),
      stallTimeoutSeconds: optionalInteger('--stall-timeout', values['stall-timeout'], 0),
      resume: values.resume ?? false,
      allowManyParts: values['allow-many-parts'] ?? false,
      overwrite: values.overwrite ?? false,
      movie: values.movie,
      fps: optionalInteger('--fps', values.fps, 1),
      blender: values.blender,
    },
  };
}
