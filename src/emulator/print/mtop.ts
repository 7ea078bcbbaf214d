// One screen of mtop (openMosix's top), as the real 0.3.6 binary draws it (fixtures/real/
// mtop-chaos-screen.txt: the visible text; the terminal escapes are left out). The real mtop has
// no batch mode: this is the screen a user sees.
//   "  8:31am  up 21:50,  0 users,  load average: 0.32, 0.15, 0.05"
//   "Mem:  254936K av, 167160K used,  87776K free,      0K shrd,  17812K buff"
//   "  PID USER     PRI  NI  SIZE  RSS SHARE STAT N# MGS %CPU %MEM   TIME COMMAND"
//   " 1181 #1000     15   0 26592  25M   400 S    2780   1  0.0 10.0   0:05 blender"
// Rows: "%5d %-8.8s %3.3s %3.3s %5.5s %4.4s %5.5s %-4.4s %2d %3d %4.1f %4.1f %6.6s %s", sizes via scale_k.
import { fixed1, leftCut, right, rightCut, scaleK, scaleTime, twoDigits } from './format.js';

export interface MtopHeader {
  readonly clockSeconds: number;
  readonly uptimeSeconds: number;
  readonly users: number;
  readonly loadAverage: readonly [number, number, number];
  readonly tasks: { readonly sleeping: number; readonly running: number; readonly zombie: number; readonly stopped: number };
  /** Percent, summed over CPUs (so it can pass 100 on SMP, as in the capture). */
  readonly cpu: { readonly user: number; readonly system: number; readonly nice: number; readonly idle: number };
  readonly memKiB: { readonly av: number; readonly used: number; readonly free: number; readonly shrd: number; readonly buff: number };
  readonly swapKiB: { readonly av: number; readonly used: number; readonly free: number; readonly cached: number };
}

export interface MtopRow {
  readonly pid: number;
  readonly user: string;
  readonly priority: number;
  readonly nice: number;
  readonly sizeKiB: number;
  readonly rssKiB: number;
  readonly shareKiB: number;
  readonly stat: string;
  /** 0 when the process runs at home, else the node it runs on. */
  readonly node: number;
  /** How many times it migrated (MGS). */
  readonly migrations: number;
  readonly cpuPercent: number;
  readonly memPercent: number;
  readonly timeSeconds: number;
  readonly command: string;
}

export interface MtopFrame {
  readonly header: MtopHeader;
  /** In the order top shows them (by %CPU); the printer does not sort. */
  readonly rows: readonly MtopRow[];
}

export const MTOP_COLUMNS = '  PID USER     PRI  NI  SIZE  RSS SHARE STAT N# MGS %CPU %MEM   TIME COMMAND';

export function printMtop(frame: MtopFrame): string {
  const { header } = frame;
  const total = header.tasks.sleeping + header.tasks.running + header.tasks.zombie + header.tasks.stopped;
  const { user, system, nice, idle } = header.cpu;
  const mem = header.memKiB;
  const swap = header.swapKiB;
  const k = (value: number, width: number): string => right(Math.round(value), width);
  let text =
    `${uptimeLine(header)}\n` +
    `${total} processes: ${header.tasks.sleeping} sleeping, ${header.tasks.running} running, ` +
    `${header.tasks.zombie} zombie, ${header.tasks.stopped} stopped\n` +
    `CPU states: ${fixed1(user, 4)}% user, ${fixed1(system, 4)}% system, ${fixed1(nice, 4)}% nice, ${fixed1(idle, 4)}% idle\n` +
    `Mem: ${k(mem.av, 7)}K av, ${k(mem.used, 6)}K used, ${k(mem.free, 6)}K free, ${k(mem.shrd, 6)}K shrd, ${k(mem.buff, 6)}K buff\n` +
    `Swap: ${k(swap.av, 6)}K av, ${k(swap.used, 6)}K used, ${k(swap.free, 6)}K free${' '.repeat(16)}${k(swap.cached, 6)}K cached\n` +
    `\n${MTOP_COLUMNS}\n`;
  for (const row of frame.rows) text += `${printMtopRow(row)}\n`;
  return text;
}

export function printMtopRow(row: MtopRow): string {
  return [
    right(row.pid, 5),
    leftCut(row.user, 8),
    rightCut(scaleK(row.priority, 3), 3),
    rightCut(scaleK(row.nice, 3), 3),
    rightCut(scaleK(row.sizeKiB, 5), 5),
    rightCut(scaleK(row.rssKiB, 4), 4),
    rightCut(scaleK(row.shareKiB, 5), 5),
    leftCut(row.stat, 4),
    right(row.node, 2),
    right(row.migrations, 3),
    fixed1(Math.min(99.9, row.cpuPercent), 4),
    fixed1(row.memPercent, 4),
    rightCut(scaleTime(row.timeSeconds, 6), 6),
    row.command,
  ].join(' ');
}

/** procps sprint_uptime: " 10:37pm  up 21:50,  0 users,  load average: 0.32, 0.15, 0.05" */
export function uptimeLine(header: Pick<MtopHeader, 'clockSeconds' | 'uptimeSeconds' | 'users' | 'loadAverage'>): string {
  const clock = Math.floor(header.clockSeconds) % 86_400;
  const hour24 = Math.floor(clock / 3600);
  const hour12 = hour24 % 12 === 0 ? 12 : hour24 % 12;
  const minute = Math.floor(clock / 60) % 60;
  const up = Math.floor(header.uptimeSeconds / 60);
  const days = Math.floor(up / 1440);
  const hours = Math.floor(up / 60) % 24;
  const minutes = up % 60;
  let text = ` ${right(hour12, 2)}:${twoDigits(minute)}${hour24 < 12 ? 'am' : 'pm'}  up `;
  if (days > 0) text += `${days} day${days === 1 ? '' : 's'}, `;
  text += hours > 0 ? `${right(hours, 2)}:${twoDigits(minutes)}, ` : `${minutes} min, `;
  text += `${right(header.users, 2)} user${header.users === 1 ? '' : 's'}, `;
  const [one, five, fifteen] = header.loadAverage;
  return `${text} load average: ${one.toFixed(2)}, ${five.toFixed(2)}, ${fifteen.toFixed(2)}`;
}
