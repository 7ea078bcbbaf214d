// Turns render options into a job configuration, checking everything that can be checked before a
// single frame is rendered: the range, the .blend, blender itself, the output directory, old frames;
// and locks the frames so that no second job renders into them meanwhile. For a render here, the
// parts' blenders start loading the .blend meanwhile (see askBlend), and are stopped if a check fails.
import { randomBytes } from 'node:crypto';
import { basename, dirname, extname, join, resolve } from 'node:path';
import type { RenderJobConfig } from './jobConfig.js';
import { DEFAULT_FPS, DEFAULT_RETRIES, DEFAULT_STALL_SECONDS, type RenderOptions } from './renderOptions.js';
import { formatFrameList, frameRange, MAX_FRAMES } from './frameList.js';
import { findProgram } from './findProgram.js';
import { checkBlendFile, checkMovieTarget, checkRange, ensureDirectory, FramesExistError, RenderCancelledError, RenderInputError } from './inputChecks.js';
import type { BlendInfo } from './blendInfo.js';
import { askBlend, type WorkerLaunch } from './askBlend.js';
import { partThreads } from './partThreads.js';
import { missingFrames } from './frameFiles.js';
import { blenderCliFormat } from './imageFormat.js';
import { discardPartialsOfJob, partialPrefix, partialsOutsideFolder } from './partialFrames.js';
import { acquireOutputLock, OutputLockedError, type OutputLock } from './outputLock.js';
import type { MovieRequest } from './movie.js';
import { ioErrorReason } from '../errorLine.js';
import { decideParts, hostFacts, type HostFacts } from './partsLimit.js';

export interface PreparedRender {
  readonly config: RenderJobConfig;
  /** Frames already on disk that a --resume leaves alone. */
  readonly skipped: readonly number[];
  /** One line each, for stderr: PARTS reduced and the like. */
  readonly warnings: readonly string[];
}

export const BLENDER_MISSING = 'blender not found: install it with apt-get install blender or pass --blender PATH';

function jobId(now: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  const stamp = `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}`;
  return `${stamp}-${randomBytes(2).toString('hex')}`;
}

function requestedFrames(options: RenderOptions): number[] {
  checkRange(options.start, options.end, options.parts);
  if (options.frames === undefined) {
    if (options.end - options.start + 1 > MAX_FRAMES) throw new RenderInputError(`more than ${MAX_FRAMES} frames`);
    return frameRange(options.start, options.end);
  }
  const outside = options.frames.filter((frame) => frame < options.start || frame > options.end);
  if (outside.length > 0) {
    throw new RenderInputError(`--frames ${formatFrameList(outside)} lies outside START..END (${options.start}-${options.end})`);
  }
  if (options.frames.length === 0) throw new RenderInputError('--frames lists no frame');
  return [...options.frames];
}

/** A relative `-o` pattern is relative to where omtop runs; a trailing slash (frames named by number alone) is kept. */
function patternIn(cwd: string, pattern: string | undefined): string | undefined {
  if (pattern === undefined || pattern.startsWith('//')) return pattern;
  return resolve(cwd, pattern) + (pattern.endsWith('/') ? '/' : '');
}

/**
 * `here`: the parts run on this machine (each its own long-lived render worker, with its share of
 * the cores); otherwise (Slurm) the parts run elsewhere and only the checks are made here.
 */
export async function prepareRender(options: RenderOptions, here = false): Promise<PreparedRender> {
  const allFrames = requestedFrames(options);
  const blendPath = resolve(options.cwd, options.blendFile);
  await checkBlendFile(options.blendFile, blendPath);
  const blender = findProgram(options.blender ?? 'blender', options.env.PATH, options.cwd);
  if (blender === null) {
    throw new RenderInputError(options.blender === undefined ? BLENDER_MISSING : `blender not found at ${options.blender}: check --blender PATH`);
  }
  const outDir = options.outDir === undefined ? undefined : resolve(options.cwd, options.outDir);
  if (outDir !== undefined) ensureDirectory(outDir);
  const tools = {
    ffmpeg: findProgram('ffmpeg', options.env.PATH, options.cwd),
    ffprobe: findProgram('ffprobe', options.env.PATH, options.cwd),
    mencoder: findProgram('mencoder', options.env.PATH, options.cwd),
  };
  if (options.movie !== undefined) checkMovieTarget(resolve(options.cwd, options.movie));
  if (options.movie !== undefined && tools.ffmpeg === null && tools.mencoder === null) {
    throw new RenderInputError('--movie needs ffmpeg or mencoder: install one with apt-get install ffmpeg');
  }

  const id = jobId(new Date());
  // The most parts this job can run (capped by the frames and, without openMosix, by the CPUs):
  // the threads each gets and the blenders started ahead as workers follow it, never the raw PARTS.
  const host = options.host ?? hostFacts();
  const partsAtMost = decideParts(options.parts, allFrames.length, host, options.allowManyParts ?? false).parts;
  const threads = here
    ? partThreads({ cores: host.cpus, parts: partsAtMost, openMosix: host.openMosix, requested: options.threads })
    : null;
  const outPattern = patternIn(options.cwd, options.outputPattern);
  const query = {
    blender, blendFile: blendPath, frames: allFrames, scene: options.scene, outDir, outputPattern: outPattern,
    format: options.format, engine: options.engine, partialPrefix: partialPrefix(id),
  };
  // --chunk N asks for a blender per N frames: no render workers then.
  const workers: WorkerLaunch | null = threads === null || options.chunk !== undefined || options.perChunk ? null : {
    start: {
      blender, blendFile: blendPath, scene: options.scene, outDir, outPattern, format: options.format, engine: options.engine,
      partialPrefix: query.partialPrefix, size: options.size, noDenoising: options.noDenoising, threads: threads.threads,
    },
    count: partsAtMost,
    stallTimeoutMs: stallTimeoutMs(options),
  };
  const { info, pool } = await askBlend(query, workers, options.abort);
  try {
    const prepared = await checkOutput({
      options, host, info, allFrames, id, blender, blendPath, tools, threads: threads?.threads,
      workers: workers === null || pool === null ? null : { start: workers.start, pool },
    });
    if (options.abort?.aborted) {
      await prepared.config.outputLock?.release();
      throw new RenderCancelledError();
    }
    // The workers of parts the job does not need (fewer frames left than parts) are stopped now.
    await pool?.trim(prepared.config.frames.length === 0 ? 0 : prepared.config.parts);
    return threads?.warning ? { ...prepared, warnings: [...prepared.warnings, threads.warning] } : prepared;
  } catch (error) {
    await pool?.shutdown();
    throw error;
  }
}

function stallTimeoutMs(options: RenderOptions): number {
  return (options.stallTimeoutSeconds ?? DEFAULT_STALL_SECONDS) * 1000;
}

interface Answered {
  readonly options: RenderOptions;
  /** This node's CPUs and whether openMosix is here, probed once per job. */
  readonly host: HostFacts;
  readonly info: BlendInfo;
  readonly allFrames: readonly number[];
  readonly id: string;
  readonly blender: string;
  readonly blendPath: string;
  readonly tools: Pick<MovieRequest, 'ffmpeg' | 'ffprobe' | 'mencoder'>;
  readonly workers: RenderJobConfig['workers'] | null;
  readonly threads: number | undefined;
}

/** With blender's answer: the frames' folders, the lock, then the job's configuration. */
async function checkOutput(answered: Answered): Promise<PreparedRender> {
  const { info, allFrames, id } = answered;
  const pathOf = (frame: number): string => info.paths.get(frame) ?? '';
  const [outside] = partialsOutsideFolder(info.paths, info.partialPaths);
  if (outside !== undefined) throw new RenderInputError(`cannot replace ${outside} atomically: blender would write its partial file in another folder`);
  for (const dir of new Set(allFrames.map((frame) => dirname(pathOf(frame))))) ensureDirectory(dir);
  const frameDir = dirname(pathOf(allFrames[0] ?? 0));

  const { lock, warnings } = await lockFrames(info, frameDir, id);
  try {
    return await configure({ ...answered, frameDir, lock, warnings });
  } catch (error) {
    await lock.release();
    throw error;
  }
}

/** Where each frame goes, as a user reads it: `/home/me/rendered/frame_####.png`. */
function framePatternOf(info: BlendInfo): string {
  const first = info.paths.values().next().value ?? '';
  return `${info.pattern}${basename(info.pattern).includes('#') ? '' : '####'}${extname(first)}`;
}

async function lockFrames(info: BlendInfo, frameDir: string, id: string): Promise<{ lock: OutputLock; warnings: string[] }> {
  const target = framePatternOf(info);
  const first = info.paths.values().next().value ?? '';
  let lock: OutputLock;
  try {
    lock = await acquireOutputLock({ folder: frameDir, key: `${info.pattern}\n${extname(first)}`, target, jobId: id });
  } catch (error) {
    if (error instanceof OutputLockedError) throw new RenderInputError(error.message);
    const reason = ioErrorReason(error);
    if (reason !== null) throw new RenderInputError(`cannot write in ${frameDir}: ${reason}`);
    throw error;
  }
  const warnings: string[] = [];
  if (lock.replaced !== null) {
    const removed = await discardPartialsOfJob(frameDir, lock.replaced.jobId);
    warnings.push(`job ${lock.replaced.jobId} (pid ${lock.replaced.pid}) ended without releasing ${target}: took over its lock${removed > 0 ? ` and removed its ${removed} partial frame file(s)` : ''}`);
  }
  return { lock, warnings };
}

interface Checked extends Answered {
  readonly frameDir: string;
  readonly lock: OutputLock;
  readonly warnings: readonly string[];
}

/** With the frames locked: which frames to render (old ones kept, resumed or overwritten), how many parts. */
async function configure(checked: Checked): Promise<PreparedRender> {
  const { options, host, info, allFrames, frameDir, id } = checked;
  const missing = await missingFrames(allFrames, (frame) => info.paths.get(frame) ?? '');
  const existing = allFrames.length - missing.length;
  if (existing > 0 && !options.resume && !options.overwrite) {
    throw new FramesExistError(existing, allFrames.length, frameDir);
  }
  const frames = options.overwrite ? allFrames : missing;
  const { parts, warnings: partsWarnings } = decideParts(options.parts, frames.length, host, options.allowManyParts ?? false);
  const warnings = [...checked.warnings, ...partsWarnings];

  const logDir = join(frameDir, '.omtop-logs', id);
  ensureDirectory(logDir);
  const size = options.size ?? { width: info.width, height: info.height };
  const config: RenderJobConfig = {
    id,
    blendFile: options.blendFile,
    blender: checked.blender,
    invocation: {
      blendFile: checked.blendPath,
      scene: options.scene,
      engine: options.engine,
      settings: { size: options.size, noDenoising: options.noDenoising },
      outputPattern: info.pattern,
      format: options.format === undefined ? undefined : blenderCliFormat(options.format),
    },
    frames,
    allFrames,
    paths: info.paths,
    partialPattern: info.partialPattern,
    partials: info.partialPaths,
    outDir: frameDir,
    framePattern: framePatternOf(info),
    logDir,
    parts,
    split: options.split ?? 'dynamic',
    chunk: options.chunk,
    retries: options.retries ?? DEFAULT_RETRIES,
    stallTimeoutMs: stallTimeoutMs(options),
    threads: checked.threads,
    ...(checked.workers === null ? {} : { workers: checked.workers }),
    movie: options.movie === undefined
      ? undefined
      : { file: resolve(options.cwd, options.movie), fps: options.fps ?? DEFAULT_FPS, ...size, ...checked.tools },
    hooks: options.hooks,
    outputLock: checked.lock,
  };
  // A Set: with a million frames, missing.includes per frame would be quadratic.
  const missingSet = new Set(missing);
  return { config, skipped: options.overwrite ? [] : allFrames.filter((f) => !missingSet.has(f)), warnings };
}
