// Assembles the finished frames into a movie — ffmpeg when present, else mencoder with the tutorial's
// mf options — then counts the movie's frames and fails loudly when the count is not the frame count.
import { mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { createExecaRunner, DEFAULT_MAX_OUTPUT_BYTES } from '../runner/execaRunner.js';
import type { CommandRunner } from '../runner/runner.js';

export interface MovieRequest {
  readonly file: string;
  readonly fps: number;
  /** Frame size, for mencoder's `-mf w=…:h=…`. */
  readonly width: number;
  readonly height: number;
  /** Absolute paths of the tools; null when not installed. */
  readonly ffmpeg: string | null;
  readonly ffprobe: string | null;
  readonly mencoder: string | null;
}

/** Encoding a long sequence takes minutes; a hung encoder must still end. */
const ENCODE_TIMEOUT_MS = 60 * 60 * 1000;
const PROBE_TIMEOUT_MS = 5 * 60 * 1000;

export type MovieResult =
  | { readonly ok: true; readonly tool: string; readonly frames: number; readonly message: string }
  | { readonly ok: false; readonly message: string };

export function ffmpegArgs(sequence: string, extension: string, request: MovieRequest): string[] {
  const codec = extname(request.file).toLowerCase() === '.avi'
    ? ['-c:v', 'mpeg4', '-q:v', '3']
    : ['-c:v', 'libx264', '-pix_fmt', 'yuv420p'];
  return [
    '-hide_banner', '-loglevel', 'error', '-y', '-framerate', String(request.fps),
    // Without -start_number ffmpeg looks for a first frame numbered 0-4 only.
    '-start_number', '1', '-i', join(sequence, `%06d${extension}`),
    // yuv420p needs even width and height.
    '-vf', 'scale=trunc(iw/2)*2:trunc(ih/2)*2', ...codec, request.file,
  ];
}

export function mencoderArgs(sequence: string, extension: string, request: MovieRequest): string[] {
  const type = extension.slice(1).toLowerCase();
  const video = type === 'jpg' ? ['-ovc', 'copy'] : ['-ovc', 'lavc', '-lavcopts', 'vcodec=mpeg4'];
  return [
    `mf://${join(sequence, `*${extension}`)}`,
    '-mf', `w=${request.width}:h=${request.height}:fps=${request.fps}:type=${type}`,
    ...video, '-o', request.file,
  ];
}

async function countFrames(request: MovieRequest, encoderOutput: string, runner: CommandRunner): Promise<number | null> {
  if (request.ffprobe) {
    const probe = await runner.run([
      request.ffprobe, '-v', 'error', '-select_streams', 'v:0', '-count_frames', '-show_entries', 'stream=nb_read_frames',
      '-of', 'default=nokey=1:noprint_wrappers=1', request.file,
    ], { timeoutMs: PROBE_TIMEOUT_MS });
    const count = Number(probe.stdout.trim());
    return probe.failure === undefined && Number.isInteger(count) ? count : null;
  }
  // mencoder's summary: "Video stream:  115.872 kbit/s  (14484 B/s)  size: 7242 bytes  0.500 secs  6 frames"
  const match = /Video stream:.*?(\d+) frames/.exec(encoderOutput);
  return match ? Number(match[1]) : null;
}

/**
 * The frames are linked into a private numbered sequence first: that copes with gaps in the frame
 * list and with any character in the output names.
 */
export async function assembleMovie(
  request: MovieRequest,
  framePaths: readonly string[],
  runner: CommandRunner = createExecaRunner({ concurrency: 1 }),
): Promise<MovieResult> {
  const tool = request.ffmpeg ?? request.mencoder;
  if (tool === null) return { ok: false, message: 'no movie: neither ffmpeg nor mencoder is installed' };
  const extension = extname(framePaths[0] ?? '.png') || '.png';
  const sequence = await mkdtemp(join(tmpdir(), 'omtop-movie-'));
  try {
    await Promise.all(framePaths.map((path, i) => symlink(path, join(sequence, `${String(i + 1).padStart(6, '0')}${extension}`))));
    const args = request.ffmpeg ? ffmpegArgs(sequence, extension, request) : mencoderArgs(sequence, extension, request);
    // mencoder prints a status line per frame: the output cap grows with the movie (1 KiB a frame).
    const maxOutputBytes = DEFAULT_MAX_OUTPUT_BYTES + framePaths.length * 1024;
    const run = await runner.run([tool, ...args], { timeoutMs: ENCODE_TIMEOUT_MS, maxOutputBytes });
    const name = request.ffmpeg ? 'ffmpeg' : 'mencoder';
    const output = `${run.stdout}\n${run.stderr}`;
    if (run.failure !== undefined) {
      // The encoders put the reason last; the runner's own message covers missing tools and timeouts.
      const why = run.failure === 'exit' ? (output.trim().split('\n').at(-1) ?? '') : (run.message ?? run.failure);
      return { ok: false, message: `${name} failed (exit ${run.exitCode ?? run.failure}): ${why}` };
    }
    const frames = await countFrames(request, output, runner);
    if (frames === null) return { ok: false, message: `could not count the frames of ${request.file}` };
    if (frames !== framePaths.length) {
      return { ok: false, message: `movie ${request.file} has ${frames} frames, expected ${framePaths.length}` };
    }
    return { ok: true, tool: name, frames, message: `movie ${request.file}: ${frames} frames at ${request.fps} fps (${name})` };
  } finally {
    await rm(sequence, { recursive: true, force: true });
  }
}
