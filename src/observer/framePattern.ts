// Where a blender `-o` pattern puts frame N, by blender's own rules: the last run of `#` in the file
// name becomes the zero-padded frame number (a number too long for it keeps all its digits); with
// no `#`, four digits are appended; `//` is the .blend's folder, any other relative path the
// process's working directory. Pure: the folder is listed elsewhere and matched here.
import { posix } from 'node:path';
import type { FileEntry } from '../runner/watchSources.js';

export interface FrameTarget {
  /** Absolute folder the frames go to. */
  readonly dir: string;
  /** File name before and after the frame number. */
  readonly before: string;
  readonly digits: number;
  readonly after: string;
  /** `.jpg`; null when unknown (then any extension, or none, matches). */
  readonly extension: string | null;
}

/** An `-o` argument made absolute: `//x` beside the .blend, `x` in the working directory. */
export function absolutePattern(output: string, blendFile: string, cwd: string | null): string | null {
  // join() drops a trailing slash, which means "frames named by their number alone" to blender.
  const keepSlash = (path: string): string => (output.endsWith('/') && !path.endsWith('/') ? `${path}/` : path);
  if (output.startsWith('//')) return keepSlash(posix.join(posix.dirname(blendFile), output.slice(2)));
  if (output.startsWith('/')) return output;
  return cwd === null ? null : keepSlash(posix.join(cwd, output));
}

export function frameTarget(pattern: string, extension: string | null): FrameTarget {
  const slash = pattern.lastIndexOf('/');
  const dir = slash <= 0 ? '/' : pattern.slice(0, slash);
  const name = pattern.slice(slash + 1);
  const run = /#+(?!.*#)/.exec(name);
  if (run === null) return { dir, before: name, digits: 4, after: '', extension };
  return { dir, before: name.slice(0, run.index), digits: run[0].length, after: name.slice(run.index + run[0].length), extension };
}

export function frameFileName(target: FrameTarget, frame: number): string {
  return `${target.before}${String(frame).padStart(target.digits, '0')}${target.after}${target.extension ?? ''}`;
}

/** The pattern as a user reads it: `/home/me/rendered/####.jpg`. */
export function describeTarget(target: FrameTarget): string {
  return posix.join(target.dir, `${target.before}${'#'.repeat(target.digits)}${target.after}${target.extension ?? '.*'}`);
}

const EXTENSION = /\.[A-Za-z0-9]{1,5}$/;

/** Might `name` be one of the target's frames? (Cheap: the listing only looks at these.) */
export function mayBeFrame(target: FrameTarget, name: string): boolean {
  if (!name.startsWith(target.before) || name.startsWith('.')) return false;
  return target.extension === null ? true : name.endsWith(target.extension);
}

/** The listed frame files, by frame number: non-empty files only (blender's placeholders are empty). */
export function framesOnDisk(target: FrameTarget, entries: readonly FileEntry[]): Map<number, FileEntry> {
  const found = new Map<number, FileEntry>();
  const stemEnd = target.extension === null ? null : target.extension.length;
  for (const entry of entries) {
    if (entry.size <= 0 || !entry.name.startsWith(target.before)) continue;
    let stem = entry.name;
    if (stemEnd === null) stem = stem.replace(EXTENSION, '');
    else if (stem.endsWith(target.extension ?? '')) stem = stem.slice(0, stem.length - stemEnd);
    else continue;
    if (!stem.endsWith(target.after)) continue;
    const digits = stem.slice(target.before.length, stem.length - target.after.length);
    if (!/^\d+$/.test(digits) || digits.length < target.digits || (digits.length > target.digits && digits.startsWith('0'))) continue;
    found.set(Number(digits), entry);
  }
  return found;
}
