// How omtop talks to a render worker (renderWorker.py, one long-lived blender per part): the argv
// that starts it, the commands on its stdin, and its answers on stdout. Pure: no I/O.
import { fileURLToPath } from 'node:url';
import { safePathArg, threadArgs, type FrameSize } from './blenderArgv.js';
import { formatFrameList } from './frameList.js';

export const WORKER_SCRIPT = fileURLToPath(new URL('./renderWorker.py', import.meta.url));
const MARK = 'OMTOP-WORKER ';

export interface WorkerStart {
  readonly blender: string;
  readonly blendFile: string;
  readonly scene?: string;
  /** Absolute; undefined keeps the .blend's own output setting. */
  readonly outDir?: string;
  /** A whole `-o` pattern (absolute, `#` for the frame number); wins over outDir. */
  readonly outPattern?: string;
  /** Blender's own format name (PNG, JPEG, OPEN_EXR…); undefined keeps the .blend's. */
  readonly format?: string;
  readonly engine?: string;
  /** Put before the pattern's file name for the partial names (see partialFrames). */
  readonly partialPrefix: string;
  readonly size?: FrameSize;
  readonly noDenoising?: boolean;
  /** `-t N`; undefined leaves blender's own choice (every core, or the scene's setting). */
  readonly threads?: number;
  /** The frames whose paths the worker reports with its blendInfo answer (the job's first worker only). */
  readonly infoFrames?: readonly number[];
}

/**
 * `blender -b FILE [-S SCENE] [-t N] --python-exit-code 1 --python renderWorker.py -- REQUEST`.
 * An exception in the driver ends blender with exit code 1 instead of 0 (--python-exit-code).
 */
export function workerArgv(start: WorkerStart): string[] {
  const argv = [start.blender, '-b', safePathArg(start.blendFile)];
  if (start.scene !== undefined) argv.push('-S', start.scene);
  argv.push(...threadArgs(start.threads));
  const request = {
    scene: start.scene ?? '',
    outDir: start.outDir === undefined ? '' : safePathArg(start.outDir),
    outPattern: start.outPattern ?? '',
    format: start.format ?? '',
    engine: start.engine ?? '',
    partialPrefix: start.partialPrefix,
    infoFrames: formatFrameList(start.infoFrames ?? []),
    size: start.size === undefined ? null : { width: Math.floor(start.size.width), height: Math.floor(start.size.height) },
    noDenoising: start.noDenoising ?? false,
  };
  argv.push('--python-exit-code', '1', '--python', WORKER_SCRIPT, '--', JSON.stringify(request));
  return argv;
}

/** The command that renders frame N. */
export function renderCommand(frame: number): string {
  return `render ${frame}\n`;
}

export const QUIT_COMMAND = 'quit\n';

export type WorkerAnswer =
  | { readonly kind: 'ready' }
  | { readonly kind: 'saved'; readonly frame: number }
  | { readonly kind: 'failed'; readonly frame: number; readonly reason: string }
  /** The worker did not understand a command: a bug on omtop's side, reported as such. */
  | { readonly kind: 'unknown'; readonly text: string };

const FRAME_ANSWER = /^(saved|failed) (\d+)(?: (.*))?$/;

/** A worker's answer line, or null for any other line (blender's own log). */
export function parseWorkerLine(line: string): WorkerAnswer | null {
  if (!line.startsWith(MARK)) return null;
  const rest = line.slice(MARK.length).trimEnd();
  if (rest === 'ready') return { kind: 'ready' };
  const frame = FRAME_ANSWER.exec(rest);
  if (frame !== null) {
    const number = Number(frame[2]);
    if (!Number.isSafeInteger(number)) return { kind: 'unknown', text: rest };
    return frame[1] === 'saved'
      ? { kind: 'saved', frame: number }
      : { kind: 'failed', frame: number, reason: frame[3] ?? 'no reason given' };
  }
  return { kind: 'unknown', text: rest.startsWith('unknown ') ? rest.slice('unknown '.length) : rest };
}
