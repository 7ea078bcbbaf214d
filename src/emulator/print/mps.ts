// mps (openMosix's ps, "procps version 1.2.9") as the real 0.3.6 binary prints it
// (fixtures/real/mps-*.txt, fixtures/real/live/mps-*.stdout):
//   "  PID TTY NODE STAT TIME COMMAND"                                           (mps, mps ax[ww])
//   "    1  ?     0 S    0:06 init "                   "%5d %3s %4d %-3s%3d:%02d %s"
//   "USER       PID %CPU %MEM  SIZE   RSS TTY NODE STAT START   TIME COMMAND"   (mps aux[ww])
//   "root        64 47.9  0.1  1752   144  ?     2 S    10:16   0:05 sh -c …"
//                     "%-8s %5d %4.1f %4.1f %5d %5d %3s %4d %-4s %5s %3d:%02d %s"
// TTY is procps 1.2's two-letter name ("? " with none), so a lone "?" sits in the middle. A
// command line is printed with a space after each word ("init "); a process without one
// (a kernel thread, a migrated process on the tutorial's kernel) as "(comm)". Without `w` a line
// is cut at 80 columns, with one `w` at 132; `ww` never cuts.
import { fixed1, left, right, twoDigits } from './format.js';

export interface MpsRow {
  readonly pid: number;
  /** procps 1.2's terminal name: two letters, `? ` when the process has none. */
  readonly tty: string;
  /** 0 when the process runs at home, else the node it runs on; -1 when it cannot be read. */
  readonly node: number;
  readonly stat: string;
  readonly timeSeconds: number;
  /** The COMMAND cell exactly as printed: `cmdline ` (trailing space) or `(comm)`. */
  readonly command: string;
}

/** The extra columns of `mps aux`. */
export interface MpsAuxRow extends MpsRow {
  readonly user: string;
  readonly cpuPercent: number;
  readonly memPercent: number;
  readonly sizeKiB: number;
  readonly rssKiB: number;
  /** `HH:MM` the process started. */
  readonly start: string;
}

export const MPS_HEADER = '  PID TTY NODE STAT TIME COMMAND';
export const MPS_AUX_HEADER = 'USER       PID %CPU %MEM  SIZE   RSS TTY NODE STAT START   TIME COMMAND';

/** Line width by the number of `w` options: 80, 132, unlimited. */
export function mpsWidth(wide: number): number {
  return wide >= 2 ? Infinity : wide === 1 ? 132 : 80;
}

/** `%3d:%02d`: cumulative minutes and seconds. */
function cpuTime(timeSeconds: number): string {
  const seconds = Math.max(0, Math.floor(timeSeconds));
  return `${right(Math.floor(seconds / 60), 3)}:${twoDigits(seconds % 60)}`;
}

export function printMpsRow(row: MpsRow): string {
  return `${right(row.pid, 5)} ${right(row.tty, 3)} ${right(row.node, 4)} ${left(row.stat, 3)}${cpuTime(row.timeSeconds)} ${row.command}`;
}

export function printMpsAuxRow(row: MpsAuxRow): string {
  return (
    `${left(row.user, 8)} ${right(row.pid, 5)} ${fixed1(row.cpuPercent, 4)} ${fixed1(row.memPercent, 4)} ` +
    `${right(row.sizeKiB, 5)} ${right(row.rssKiB, 5)} ${right(row.tty, 3)} ${right(row.node, 4)} ${left(row.stat, 4)} ` +
    `${right(row.start, 5)} ${cpuTime(row.timeSeconds)} ${row.command}`
  );
}

function table(header: string, lines: readonly string[], width: number): string {
  let text = `${header}\n`;
  for (const line of lines) text += `${line.length > width ? line.slice(0, width) : line}\n`;
  return text;
}

export function printMps(rows: readonly MpsRow[], width = Infinity): string {
  return table(MPS_HEADER, rows.map(printMpsRow), width);
}

export function printMpsAux(rows: readonly MpsAuxRow[], width = Infinity): string {
  return table(MPS_AUX_HEADER, rows.map(printMpsAuxRow), width);
}
