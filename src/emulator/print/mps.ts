// mps (openMosix's procps 2.0 ps) default format, as in the tutorial's capture:
//   "  PID TTY NODE STAT TIME COMMAND"
//   " 1166 ?    266 S    2:40 (blender)"
// Row format "%5d %-3s%5d %-3s%3d:%02d %s"; NODE is 0 at home; a migrated process shows (comm).
import { left, right, twoDigits } from './format.js';

export interface MpsRow {
  readonly pid: number;
  readonly tty: string;
  /** 0 when the process runs at home, else the node it runs on. */
  readonly node: number;
  readonly stat: string;
  readonly timeSeconds: number;
  /** The full command line at home; `(comm)` for a migrated process. */
  readonly command: string;
}

export const MPS_HEADER = '  PID TTY NODE STAT TIME COMMAND';

export function printMpsRow(row: MpsRow): string {
  const seconds = Math.max(0, Math.floor(row.timeSeconds));
  return (
    `${right(row.pid, 5)} ${left(row.tty, 3)}${right(row.node, 5)} ${left(row.stat, 3)}` +
    `${right(Math.floor(seconds / 60), 3)}:${twoDigits(seconds % 60)} ${row.command}`
  );
}

export function printMps(rows: readonly MpsRow[]): string {
  let text = `${MPS_HEADER}\n`;
  for (const row of rows) text += `${printMpsRow(row)}\n`;
  return text;
}
