// The output lock: one job per folder and frame pattern, stale locks (a dead PID, a reused PID)
// taken over, never a lock of a live job.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { acquireOutputLock, lockFileName, OutputLockedError, processStartTime } from '../../src/launcher/outputLock.js';

const root = mkdtempSync(join(tmpdir(), 'omtop-lock-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let folders = 0;
function folder(): string {
  folders += 1;
  const path = join(root, String(folders));
  mkdirSync(path);
  return path;
}

const request = (dir: string, jobId: string, key = '/out/frame_####\n.jpg') => ({ folder: dir, key, target: '/out/frame_####.jpg', jobId });

/** The PID of a process that has already exited (and been reaped). */
function deadPid(): number {
  const child = spawnSync('sh', ['-c', 'echo $$']);
  return Number(child.stdout.toString().trim());
}

function writeLock(dir: string, owner: Record<string, unknown>): string {
  const path = join(dir, lockFileName('/out/frame_####\n.jpg'));
  writeFileSync(path, JSON.stringify({ host: hostname(), jobId: 'old-job', target: '/out/frame_####.jpg', since: 0, processStart: null, ...owner }));
  return path;
}

describe('acquireOutputLock', () => {
  it('refuses a second job into the same frames while the first holds them, naming the holder', async () => {
    const dir = folder();
    const first = await acquireOutputLock(request(dir, 'job-a'));
    const second = acquireOutputLock(request(dir, 'job-b'));
    await expect(second).rejects.toBeInstanceOf(OutputLockedError);
    await expect(second).rejects.toThrow(
      new RegExp(`^/out/frame_####\\.jpg is being rendered by another omtop job \\(job-a, pid ${process.pid}, since .* UTC\\): wait for it, cancel it, or render elsewhere$`),
    );
    await first.release();
    const again = await acquireOutputLock(request(dir, 'job-b'));
    expect(again.replaced).toBeNull();
    await again.release();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('lets jobs with other frame patterns share a folder', async () => {
    const dir = folder();
    const a = await acquireOutputLock(request(dir, 'job-a', '/out/frame_####\n.jpg'));
    const b = await acquireOutputLock(request(dir, 'job-b', '/out/shot_####\n.png'));
    expect(a.path).not.toBe(b.path);
    await Promise.all([a.release(), b.release()]);
  });

  it('takes over the lock of a process that is gone, and says whose it was', async () => {
    const dir = folder();
    const pid = deadPid();
    writeLock(dir, { pid });
    const lock = await acquireOutputLock(request(dir, 'job-new'));
    expect(lock.replaced).toMatchObject({ pid, jobId: 'old-job' });
    expect(JSON.parse(readFileSync(lock.path, 'utf8'))).toMatchObject({ pid: process.pid, jobId: 'job-new' });
    await lock.release();
  });

  it('takes over a lock whose PID now belongs to another process (start time differs)', async () => {
    const dir = folder();
    const start = processStartTime(process.pid);
    expect(start).not.toBeNull();
    writeLock(dir, { pid: process.pid, processStart: (start ?? 0) + 1 });
    const lock = await acquireOutputLock(request(dir, 'job-new'));
    expect(lock.replaced).toMatchObject({ jobId: 'old-job' });
    await lock.release();
  });

  it('treats a lock from another host as held (its process cannot be checked) and says how to clear it', async () => {
    const dir = folder();
    const path = writeLock(dir, { pid: deadPid(), host: 'node407' });
    await expect(acquireOutputLock(request(dir, 'job-new'))).rejects.toThrow(`on node407, since 1970-01-01 00:00:00 UTC): wait for it, cancel it, or render elsewhere; if it no longer runs, remove ${path}`);
    expect(existsSync(path)).toBe(true);
  });

  it('takes over a file that is not a lock omtop wrote', async () => {
    const dir = folder();
    writeFileSync(join(dir, lockFileName('/out/frame_####\n.jpg')), 'garbage');
    const lock = await acquireOutputLock(request(dir, 'job-new'));
    expect(lock.replaced).toBeNull();
    await lock.release();
  });

  it('release leaves a lock that another job has taken over alone', async () => {
    const dir = folder();
    const lock = await acquireOutputLock(request(dir, 'job-a'));
    writeLock(dir, { pid: process.pid, jobId: 'job-b' });
    await lock.release();
    expect(JSON.parse(readFileSync(lock.path, 'utf8'))).toMatchObject({ jobId: 'job-b' });
  });

  it('of many jobs racing for one stale lock, exactly one wins', async () => {
    const dir = folder();
    writeLock(dir, { pid: deadPid() });
    const results = await Promise.allSettled(Array.from({ length: 8 }, (_, i) => acquireOutputLock(request(dir, `job-${i}`))));
    const won = results.filter((r) => r.status === 'fulfilled');
    expect(won).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected').every((r) => r.reason instanceof OutputLockedError)).toBe(true);
    // Nothing but the winner's lock is left in the folder (no staging or set-aside files).
    expect(readdirSync(dir)).toEqual([lockFileName('/out/frame_####\n.jpg')]);
  });
});
