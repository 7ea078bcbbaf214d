// Asks blender itself where each frame of a .blend will be written (its own `frame_path()`), so the
// files omtop checks are exactly the files blender writes — `#` runs, `//` and extensions included.
import { fileURLToPath } from 'node:url';
import { createExecaRunner, DEFAULT_MAX_OUTPUT_BYTES } from '../runner/execaRunner.js';
import { z } from 'zod';
import { formatFrameList } from './frameList.js';
import { safePathArg } from './blenderArgv.js';
import { parseBlenderLine } from '../../parsers/blenderLog.js';

const SCRIPT = fileURLToPath(new URL('./blendInfo.py', import.meta.url));
const MARKER = 'OMTOP-BLEND-INFO ';

const AnswerSchema = z.union([
  z.object({ error: z.string() }),
  z.object({
    scene: z.string(),
    pattern: z.string(),
    format: z.string(),
    engine: z.string(),
    width: z.number().int(),
    height: z.number().int(),
    fps: z.number(),
    frameStart: z.number().int(),
    frameEnd: z.number().int(),
    paths: z.array(z.string()),
    partialPattern: z.string(),
    partialPaths: z.array(z.string()),
  }),
]);

export interface BlendInfo {
  readonly scene: string;
  /** Absolute `-o` pattern to pass to every part. */
  readonly pattern: string;
  readonly format: string;
  readonly engine: string;
  /** Output size in pixels (resolution × percentage). */
  readonly width: number;
  readonly height: number;
  readonly fps: number;
  /** The scene's own frame range. */
  readonly frameStart: number;
  readonly frameEnd: number;
  /** frame → absolute path of its file. */
  readonly paths: ReadonlyMap<number, string>;
  /** The `-o` pattern blender renders to: the pattern with the partial prefix before its file name. */
  readonly partialPattern: string;
  /** frame → the partial name blender writes first, in the same folder as the frame's file. */
  readonly partialPaths: ReadonlyMap<number, string>;
}

export interface BlendQuery {
  readonly blender: string;
  readonly blendFile: string;
  readonly frames: readonly number[];
  readonly scene?: string;
  readonly outDir?: string;
  /** A whole `-o` pattern (absolute, `#` for the frame number); wins over outDir. */
  readonly outputPattern?: string;
  readonly format?: string;
  readonly engine?: string;
  /** Put before the pattern's file name for the partial names (see partialFrames). */
  readonly partialPrefix: string;
  readonly timeoutMs?: number;
}

/** Resolves to the answer, or rejects with an Error whose message is one line for the user. */
export async function queryBlendInfo(query: BlendQuery): Promise<BlendInfo> {
  const argv = [
    '-b', safePathArg(query.blendFile), '--python-exit-code', '1', '--python', SCRIPT, '--',
    query.scene ?? '', query.outDir === undefined ? '' : safePathArg(query.outDir),
    query.format ?? '', query.engine ?? '', formatFrameList(query.frames), query.partialPrefix, query.outputPattern ?? '',
  ];
  const timeoutMs = query.timeoutMs ?? 120_000;
  // The answer names two paths per frame: the output cap grows with the request (1 KiB a frame).
  const maxOutputBytes = DEFAULT_MAX_OUTPUT_BYTES + query.frames.length * 1024;
  const result = await createExecaRunner({ concurrency: 1 }).run([query.blender, ...argv], { timeoutMs, maxOutputBytes });
  const lines = `${result.stdout}\n${result.stderr}`.split('\n');
  const answerLine = lines.find(isBlendAnswer);
  if (answerLine === undefined) {
    const blenderError = lines.map(parseBlenderLine).find((event) => event.kind === 'error');
    const why = blenderError?.kind === 'error' ? blenderError.message
      : result.failure === 'timeout' ? `no answer within ${Math.round(timeoutMs / 1000)} s`
        : (result.message ?? `exit code ${result.exitCode}`);
    throw new Error(`blender could not read ${query.blendFile}: ${why}`);
  }
  return readBlendAnswer(answerLine, query.frames, query.blendFile);
}

/** True for the line that carries blendInfo.py's answer (also printed by every render worker). */
export function isBlendAnswer(line: string): boolean {
  return line.startsWith(MARKER);
}

/**
 * blendInfo.py's answer line → the answer for `frames` (the frames it was asked about), or an Error
 * whose message is one line for the user: blender's own complaint, or an unexpected answer.
 */
export function readBlendAnswer(line: string, frames: readonly number[], blendFile: string): BlendInfo {
  const answer = AnswerSchema.safeParse(parseJsonOrNull(line.slice(MARKER.length)));
  if (!answer.success) throw new Error(`unexpected answer from blender about ${blendFile}`);
  if ('error' in answer.data) throw new Error(answer.data.error);
  const { paths, partialPaths, ...rest } = answer.data;
  if (paths.length !== frames.length || partialPaths.length !== frames.length) {
    throw new Error('blender returned the wrong number of frame paths');
  }
  const byFrame = (list: readonly string[]): Map<number, string> => new Map(frames.map((frame, i) => [frame, list[i] ?? '']));
  return { ...rest, paths: byFrame(paths), partialPaths: byFrame(partialPaths) };
}

/** A garbled answer line is reported as an unexpected answer, not as a JSON syntax error. */
function parseJsonOrNull(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
