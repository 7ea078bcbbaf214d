// The event log as a dialog: newest first, each entry with its time and complete (long lines wrap,
// never cut), coloured by severity. Scrolls like the help.
import { scrollStart, type ListState } from '../state/list.js';
import type { EventSeverity, LogEntry } from '../store/eventLog.js';
import { formatClock, wrapWords } from '../text/format.js';
import type { DialogVm } from './dialog.js';
import type { LineVm, Tone } from './tableVm.js';

const TONES: Readonly<Record<EventSeverity, Tone>> = { info: 'normal', ok: 'ok', warning: 'stale', error: 'error' };
const TIME_WIDTH = 10;

/** Every entry as display lines, newest first. */
export function eventLines(entries: readonly LogEntry[], width: number): LineVm[] {
  const lines: LineVm[] = [];
  for (let i = entries.length - 1; i >= 0; i--) {
    const entry = entries[i];
    if (entry === undefined) continue;
    wrapWords(entry.text, Math.max(10, width - TIME_WIDTH)).forEach((line, n) => {
      lines.push({ text: `${n === 0 ? formatClock(entry.at).padEnd(TIME_WIDTH) : ' '.repeat(TIME_WIDTH)}${line}`, tone: TONES[entry.severity], selected: false });
    });
  }
  return lines;
}

export function eventsDialog(entries: readonly LogEntry[], scroll: ListState<never>, cols: number, rows: number): DialogVm {
  const width = Math.min(cols, 100);
  const all = entries.length === 0
    ? [{ text: 'Nothing yet: nodes going down or up, data sources failing, the results of your actions and render failures are listed here.', tone: 'dim' as const, selected: false }]
      .flatMap((l) => wrapWords(l.text, width - 2).map((text) => ({ ...l, text })))
    : eventLines(entries, width - 2);
  const height = Math.max(3, Math.min(rows - 2, all.length + 2));
  const window = { rows: height - 2, total: all.length };
  const start = scrollStart(scroll, window);
  const more = all.length > window.rows ? ` · ↑/↓ scroll, ${start + 1}-${start + window.rows} of ${all.length} lines` : '';
  return {
    title: `Events (${entries.length}) · newest first${more} · Esc closes`,
    lines: all.slice(start, start + window.rows), width, height, window,
  };
}
