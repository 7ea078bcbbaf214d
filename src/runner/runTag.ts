// Every command the runner starts carries a tag in its environment (OMTOP_RUN_TAG), inherited by
// everything it starts, so that what is left of it can be found and killed even after it left the
// command's process group (`setsid sleep 1000 &` holding the output pipe open).
import { randomBytes } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';

export const RUN_TAG_VARIABLE = 'OMTOP_RUN_TAG';

/** 48 bits: the tag's twelve hex digits. */
const TAG_SPACE = 2 ** 48;
/** Where this process's tags start: random, so that two omtop processes (or one restarted with the same PID) do not share tags. */
let nextTag = randomBytes(6).readUIntBE(0, 6);

/**
 * A tag no other command of this process has had (until 2^48 commands): a counter from a random
 * start, not fresh random bytes per command, which cost a crypto call on every fork.
 */
export function newRunTag(): string {
  const tag = nextTag;
  nextTag = (nextTag + 1) % TAG_SPACE;
  return `${process.pid}-${tag.toString(16).padStart(12, '0')}`;
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
