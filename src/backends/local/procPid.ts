// Parsers for one process's /proc/<pid> files.
//   stat:    "7669 (node) S 7600 7669 7600 0 -1 4194304 1234 0 0 0 152 31 0 0 20 0 11 0 998877 ..."
//   status:  "Uid:\t1000\t1000\t1000\t1000" / "VmRSS:\t   38912 kB"
//   cmdline: "blender\0-b\0scene.blend\0" (empty for kernel threads and zombies)

export interface PidStat {
  readonly pid: number;
  readonly comm: string;
  readonly state: string;
  /** The parent's PID (0 for the kernel's own). */
  readonly ppid: number;
  /** utime + stime, in clock ticks. */
  readonly cpuTicks: number;
  /** Process start, in clock ticks since boot. */
  readonly startTicks: number;
  /** The kernel's PF_KTHREAD flag: a kernel thread, not a program. */
  readonly kernelThread: boolean;
}

/** PF_KTHREAD in the flags field of /proc/<pid>/stat (include/linux/sched.h). */
const PF_KTHREAD = 0x0020_0000;

export function parsePidStat(text: string): PidStat | null {
  // comm may itself contain spaces and ')', so it ends at the last ')'.
  const open = text.indexOf('(');
  const close = text.lastIndexOf(')');
  if (open < 1 || close < open) return null;
  const pid = Number(text.slice(0, open).trim());
  const rest = text.slice(close + 1).trim().split(/\s+/);
  // rest[0] is field 3 of proc(5), so field n is rest[n - 3].
  const utime = Number(rest[11]);
  const stime = Number(rest[12]);
  const start = Number(rest[19]);
  const flags = Number(rest[6]);
  const state = rest[0] ?? '';
  const ppid = Number(rest[1]);
  if (!Number.isInteger(pid) || !/^[A-Za-z]$/.test(state) || ![ppid, utime, stime, start].every(Number.isFinite)) return null;
  // Flags go past 2^31; the bit is read with division, not with 32-bit operators.
  const kernelThread = Number.isFinite(flags) && Math.floor(flags / PF_KTHREAD) % 2 === 1;
  return { pid, comm: text.slice(open + 1, close), state, ppid, cpuTicks: utime + stime, startTicks: start, kernelThread };
}

/** Field 24 of /proc/<pid>/stat, the resident set in pages (the same count as status's VmRSS); null when the line is shorter. */
export function statRssPages(text: string): number | null {
  const fields = text.slice(text.lastIndexOf(')') + 1).trim().split(/\s+/);
  const pages = Number(fields[21]);
  return fields.length > 21 && Number.isInteger(pages) && pages >= 0 ? pages : null;
}

export interface PidStatus {
  readonly uid: number | null;
  /** Resident memory; 0 for kernel threads, which have no VmRSS line. */
  readonly rssBytes: number;
}

export function parsePidStatus(text: string): PidStatus {
  const uid = /^Uid:\s+(\d+)/m.exec(text)?.[1];
  const rss = /^VmRSS:\s+(\d+)\s*kB/m.exec(text)?.[1];
  return { uid: uid === undefined ? null : Number(uid), rssBytes: rss === undefined ? 0 : Number(rss) * 1024 };
}

/**
 * The command line as ps shows it: argv joined by spaces, or `[comm]` when there is none (kernel
 * threads, zombies). Never `(comm)`: in openMosix's tools parentheses mean a migrated process.
 */
export function commandFrom(cmdline: string, comm: string): string {
  const words = cmdline.split('\0').filter((word, index, all) => !(word === '' && index === all.length - 1));
  const joined = words.join(' ').trim();
  return joined === '' ? `[${comm}]` : joined;
}

/** uid → login name from /etc/passwd text ("alice:x:1000:1000::/home/alice:/bin/sh"). */
export function parsePasswd(text: string): ReadonlyMap<number, string> {
  const users = new Map<number, string>();
  for (const line of text.split('\n')) {
    const [name, , uid] = line.split(':');
    if (name && uid && /^\d+$/.test(uid) && !users.has(Number(uid))) users.set(Number(uid), name);
  }
  return users;
}
