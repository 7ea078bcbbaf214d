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

export interface PidStatLine extends PidStat {
  /** statRssPages of the same line. */
  readonly rssPages: number | null;
}

/** Field numbers of proc(5) that parsePidStatLine reads, and where each lands in its scan. */
const STATE = 3;
const PPID = 4;
const FLAGS = 9;
const UTIME = 14;
const STIME = 15;
const START = 22;
const RSS = 24;
const SPACE = 0x20;
const NEWLINE = 0x0a;
const ZERO = 0x30;

/**
 * parsePidStat and statRssPages of one line in one pass, with no substring per field: the local
 * backend reads a stat line per process per tick. A line as the kernel prints it (one space between
 * fields, numbers in plain digits) is read by character code; any other line goes through the two
 * functions above, so the values, and null for a line that is not one, are the same either way.
 */
export function parsePidStatLine(text: string): PidStatLine | null {
  const open = text.indexOf('(');
  const close = text.lastIndexOf(')');
  if (open < 1 || close < open) return null;
  const lastField = scanStatFields(text, close + 1);
  if (lastField === null) {
    const stat = parsePidStat(text);
    return stat === null ? null : { ...stat, rssPages: statRssPages(text) };
  }
  const pid = Number(text.slice(0, open).trim());
  if (!Number.isInteger(pid)) return null;
  return {
    pid,
    comm: text.slice(open + 1, close),
    state: text.charAt(close + 2),
    ppid: scanned[PPID] ?? 0,
    cpuTicks: (scanned[UTIME] ?? 0) + (scanned[STIME] ?? 0),
    startTicks: scanned[START] ?? 0,
    kernelThread: Math.floor((scanned[FLAGS] ?? 0) / PF_KTHREAD) % 2 === 1,
    rssPages: lastField === RSS ? (scanned[RSS] ?? null) : null,
  };
}

/** The numbers of the fields read by the last scan, by field number: reused, valid until the next scan. */
const scanned = new Float64Array(RSS + 1);

/**
 * Reads the fields after comm's ')' into `scanned` when they are as the kernel prints them: one
 * space before each, a one-letter state, plain digits (at most 15) in the numbers read, at least up to the start
 * time. Returns the number of the last field read (START or beyond; RSS when the line has it), or
 * null for any other line, which the caller reads the slow way.
 */
function scanStatFields(text: string, from: number): number | null {
  const end = text.charCodeAt(text.length - 1) === NEWLINE ? text.length - 1 : text.length;
  let field = 2;
  let at = from;
  while (at < end && field < RSS) {
    if (text.charCodeAt(at) !== SPACE) return null;
    at += 1;
    field += 1;
    const start = at;
    let value = 0;
    let digits = true;
    for (; at < end; at += 1) {
      const code = text.charCodeAt(at);
      if (code === SPACE) break;
      if (code < ZERO || code > ZERO + 9) digits = false;
      else value = value * 10 + (code - ZERO);
    }
    if (at === start) return null;
    if (field === STATE) {
      if (at - start !== 1 || !isLetter(text.charCodeAt(start))) return null;
    } else if (field === PPID || field === FLAGS || field === UTIME || field === STIME || field === START || field === RSS) {
      // Past 15 digits a sum of digits may round otherwise than Number() does: the slow way.
      if (!digits || at - start > 15) return null;
      scanned[field] = value;
    }
  }
  return field < START ? null : field;
}

function isLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
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
