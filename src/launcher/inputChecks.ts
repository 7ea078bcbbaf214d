// The checks that must pass before anything is forked; each failure is one line for the user.
import { accessSync, constants, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { open } from 'node:fs/promises';
import { ioErrorLine } from '../errorLine.js';
import { folderCreateReason } from './writeProblem.js';

/** A problem with what the user asked for: `omtop render` prints it as one line and exits 1. */
export class RenderInputError extends Error {}

/** Ctrl-C while the job was being prepared: the blenders already loading were stopped, nothing was rendered. */
export class RenderCancelledError extends RenderInputError {
  constructor() {
    super('cancelled before any frame was rendered');
  }
}

/** A command line that does not say a render at all (bad option, word or count): exit 2, as for every usage error. */
export class RenderUsageError extends RenderInputError {}

/** Frames of the range are on disk and neither resume nor overwrite was asked for: the dashboard asks which. */
export class FramesExistError extends RenderInputError {
  constructor(
    readonly existing: number,
    readonly total: number,
    readonly folder: string,
  ) {
    super(`${existing} of ${total} frames already exist in ${folder}: pass --resume to render only the missing ones, or --overwrite`);
  }
}

// Plain .blend files start with "BLENDER"; compressed ones are gzip (2.4x–2.9x) or zstd (3.0+).
const MAGICS = [Buffer.from('BLENDER'), Buffer.from([0x1f, 0x8b]), Buffer.from([0x28, 0xb5, 0x2f, 0xfd])];

export async function checkBlendFile(shownName: string, path: string): Promise<void> {
  let head: Buffer;
  try {
    const handle = await open(path, 'r');
    try {
      const stats = await handle.stat();
      if (!stats.isFile()) throw Object.assign(new Error('not a file'), { code: 'EISDIR' });
      head = Buffer.alloc(8);
      const { bytesRead } = await handle.read(head, 0, 8, 0);
      head = head.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw new RenderInputError(`cannot read ${shownName}: ${ioErrorLine(error)}`);
  }
  if (!MAGICS.some((magic) => head.subarray(0, magic.length).equals(magic))) {
    throw new RenderInputError(`${shownName} is not a .blend file`);
  }
}

export function ensureDirectory(path: string): void {
  try {
    mkdirSync(path, { recursive: true });
    accessSync(path, constants.W_OK);
  } catch (error) {
    const what = existsSync(path) ? 'cannot write into output directory' : 'cannot create output directory';
    throw new RenderInputError(`${what} ${path}: ${folderCreateReason(path, error)}`);
  }
}

/** The movie is written after the whole render: a bad path must fail before anything is forked. */
export function checkMovieTarget(path: string): void {
  if (existsSync(path) && statSync(path).isDirectory()) throw new RenderInputError(`--movie ${path} is a directory; name a file`);
  const parent = dirname(path);
  try {
    mkdirSync(parent, { recursive: true });
    accessSync(parent, constants.W_OK);
  } catch (error) {
    throw new RenderInputError(`cannot write the movie into ${parent}: ${folderCreateReason(parent, error)}`);
  }
}

export function checkRange(start: number, end: number, parts: number): void {
  for (const [name, value] of [['START', start], ['END', end], ['PARTS', parts]] as const) {
    if (!Number.isSafeInteger(value)) throw new RenderInputError(`${name} must be an integer, got "${value}"`);
  }
  if (start < 0) throw new RenderInputError(`START must be 0 or more, got ${start}`);
  if (start > end) throw new RenderInputError(`START (${start}) is after END (${end})`);
  if (parts < 1) throw new RenderInputError(`PARTS must be at least 1, got ${parts}`);
}
