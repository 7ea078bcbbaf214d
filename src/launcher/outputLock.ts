// One render job at a time into the same frames: a job holds a lock file in the frame folder, named
// after its frame pattern, holding who owns it. A second job into the same frames is refused with
// the owner's name; a lock whose process is gone (or whose PID now belongs to another process) is
// stale and is taken over. Shared by every way omtop renders into a folder.
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { link, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';

const OwnerSchema = z.object({
  pid: z.number().int().positive(),
  host: z.string(),
  jobId: z.string(),
  /** What is locked, for people: the folder and frame pattern. */
  target: z.string(),
  /** ms since the epoch. */
  since: z.number(),
  /** The process's start time in clock ticks since boot (Linux /proc), to tell a reused PID; null elsewhere. */
  processStart: z.number().nullable(),
});

export type LockOwner = z.infer<typeof OwnerSchema>;

export interface OutputLockRequest {
  /** The folder the frames go to; the lock file is created there. */
  readonly folder: string;
  /** Identifies the frames within the folder (omtop uses blender's output pattern and the extension). */
  readonly key: string;
  /** Shown in messages: what is being rendered. */
  readonly target: string;
  readonly jobId: string;
}

export interface OutputLock {
  readonly path: string;
  /** The stale lock this one replaced (its job is gone), if any. */
  readonly replaced: LockOwner | null;
  /** Removes the lock file if it is still this job's; safe to call twice. */
  release(): Promise<void>;
}

/** Refused: another live job holds the frames. The message is one line for the user. */
export class OutputLockedError extends Error {}

const ATTEMPTS = 5;

export function lockFileName(key: string): string {
  return `.omtop-lock-${createHash('sha256').update(key).digest('hex').slice(0, 16)}`;
}

/** Takes the lock or throws OutputLockedError; other I/O errors propagate. */
export async function acquireOutputLock(request: OutputLockRequest): Promise<OutputLock> {
  const path = join(request.folder, lockFileName(request.key));
  const owner: LockOwner = {
    pid: process.pid, host: hostname(), jobId: request.jobId, target: request.target, since: Date.now(),
    processStart: processStartTime(process.pid),
  };
  const text = `${JSON.stringify(owner)}\n`;
  let replaced: LockOwner | null = null;
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    if (await createExclusive(path, text)) return ownedLock(path, text, replaced);
    const current = await readIfExists(path);
    if (current === null) continue; // released in between: try again
    const holder = parseOwner(current);
    if (holder !== null && !isStale(holder)) throw new OutputLockedError(heldMessage(holder, path));
    if (await removeIfUnchanged(path, current)) replaced = holder ?? replaced;
  }
  throw new OutputLockedError(`cannot take the lock ${path}: other omtop jobs keep changing it`);
}

function ownedLock(path: string, text: string, replaced: LockOwner | null): OutputLock {
  let released = false;
  return {
    path,
    replaced,
    async release(): Promise<void> {
      if (released) return;
      released = true;
      // Only our own lock: a lock someone took over after declaring ours stale is theirs.
      if ((await readIfExists(path)) === text) await unlink(path).catch(ignoreMissing);
    },
  };
}

/** Writes the whole owner record under a private name, then links it to the lock name: never a half-written lock. */
async function createExclusive(path: string, text: string): Promise<boolean> {
  const staging = `${path}.${process.pid}-${randomBytes(4).toString('hex')}`;
  await writeFile(staging, text, { flag: 'wx' });
  try {
    await link(staging, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    await unlink(staging).catch(ignoreMissing);
  }
}

/**
 * Moves the stale lock aside and deletes it only if it is still the one judged stale: a job that
 * took the lock in the meantime gets its lock back. Returns whether the stale lock is gone.
 */
async function removeIfUnchanged(path: string, staleText: string): Promise<boolean> {
  const aside = `${path}.stale-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    await rename(path, aside);
  } catch (error) {
    ignoreMissing(error);
    return false;
  }
  const moved = await readIfExists(aside);
  if (moved !== staleText) await link(aside, path).catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  });
  await unlink(aside).catch(ignoreMissing);
  return moved === staleText;
}

function isStale(owner: LockOwner): boolean {
  if (owner.host !== hostname()) return false; // another node's process: cannot be checked from here
  if (!processExists(owner.pid)) return true;
  const start = processStartTime(owner.pid);
  return owner.processStart !== null && start !== null && start !== owner.processStart;
}

function heldMessage(owner: LockOwner, path: string): string {
  const where = owner.host === hostname() ? `pid ${owner.pid}` : `pid ${owner.pid} on ${owner.host}`;
  const since = new Date(owner.since).toISOString().replace('T', ' ').slice(0, 19);
  const remote = owner.host === hostname() ? '' : `; if it no longer runs, remove ${path}`;
  return `${owner.target} is being rendered by another omtop job (${owner.jobId}, ${where}, since ${since} UTC): wait for it, cancel it, or render elsewhere${remote}`;
}

function parseOwner(text: string): LockOwner | null {
  try {
    const parsed = OwnerSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null; // not JSON: not a lock omtop wrote, so nobody holds it
  }
}

async function readIfExists(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    ignoreMissing(error);
    return null;
  }
}

function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, under another user.
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

/** Field 22 of /proc/PID/stat (after the parenthesised name, which may hold spaces); null without /proc. */
export function processStartTime(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const value = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]);
    return Number.isFinite(value) ? value : null;
  } catch {
    return null;
  }
}

function ignoreMissing(error: unknown): void {
  if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
}
