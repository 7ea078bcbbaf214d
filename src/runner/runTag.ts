// Every command the runner starts carries a tag in its environment (OMTOP_RUN_TAG), inherited by
// everything it starts, so that what is left of it can be found and killed even after it left the
// command's process group (`setsid sleep 1000 &` holding the output pipe open).
import { randomBytes } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';

export const RUN_TAG_VARIABLE = 'OMTOP_RUN_TAG';

export function newRunTag(): string {
  return `${process.pid}-${randomBytes(6).toString('hex')}`;
}

/**
 * SIGKILLs every process (but this one) whose environment carries `tag`, and returns their PIDs.
 * Never rejects: a process that is gone, or that this user may not read or signal, is passed over
 * (what omtop cannot see or signal, it cannot stop either), and without /proc nothing is found.
 */
export async function killTagged(tag: string, procRoot = '/proc'): Promise<number[]> {
  const needle = Buffer.from(`${RUN_TAG_VARIABLE}=${tag}\0`);
  const entries = await readdir(procRoot).catch(() => [] as string[]);
  const killed = await Promise.all(entries.map(async (entry) => {
    const pid = Number(entry);
    if (!/^\d+$/.test(entry) || pid === process.pid) return null;
    const environ = await readFile(`${procRoot}/${entry}/environ`).catch(() => null);
    if (environ === null || !environ.includes(needle)) return null;
    try {
      process.kill(pid, 'SIGKILL');
      return pid;
    } catch {
      return null; // ended meanwhile (ESRCH) or not ours to signal (EPERM)
    }
  }));
  return killed.filter((pid): pid is number => pid !== null);
}
