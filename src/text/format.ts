// Small pure text formatters for terminals: widths, units, bars, sparklines, clocks. Shared by the view
// models, the launcher's progress lines and --once, so each is written once and none imports the view.
import { terminalSafe } from './terminalSafe.js';

/** Columns a character takes in a terminal: 2 for East Asian wide, 0 for combining marks. */
function charWidth(code: number): number {
  if (code === 0) return 0;
  if (code >= 0x300 && code <= 0x36f) return 0;
  if ((code >= 0x1100 && code <= 0x115f) || (code >= 0x2e80 && code <= 0xa4cf) || (code >= 0xac00 && code <= 0xd7a3)
    || (code >= 0xf900 && code <= 0xfaff) || (code >= 0xfe30 && code <= 0xfe4f) || (code >= 0xff00 && code <= 0xff60)
    || (code >= 0xffe0 && code <= 0xffe6) || (code >= 0x1f300 && code <= 0x1faff) || (code >= 0x20000 && code <= 0x3fffd)) return 2;
  return 1;
}

export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += charWidth(ch.codePointAt(0) ?? 0);
  return width;
}

/** Cuts or pads `text` to exactly `width` columns; a cut string ends in '…'. */
export function fit(text: string, width: number, align: 'left' | 'right' = 'left'): string {
  if (width <= 0) return '';
  // Control characters would move the cursor or worse (terminalSafe shows them as escapes); a tab is a space here.
  const clean = terminalSafe(text.replaceAll('\t', ' '));
  let used = displayWidth(clean);
  let out = clean;
  if (used > width) {
    out = '';
    used = 0;
    for (const ch of clean) {
      const w = charWidth(ch.codePointAt(0) ?? 0);
      if (used + w > width - 1) break;
      out += ch;
      used += w;
    }
    out += '…';
    used += 1;
  }
  const padding = ' '.repeat(Math.max(0, width - used));
  return align === 'right' ? padding + out : out + padding;
}

/** Text for word-wise fitting: line breaks and tabs are spaces, any other control shows as an escape (terminalSafe). */
function wordsSafe(text: string): string {
  return terminalSafe(text.replace(/[\t\n\v\f\r]/g, ' '));
}

/**
 * Cuts `text` to at most `width` columns at a word boundary, never inside a word: a cut line ends
 * in `…` plus `suffix` (e.g. where to read the rest). A first word longer than the width is cut.
 */
export function fitWords(text: string, width: number, suffix = ''): string {
  const clean = wordsSafe(text);
  if (displayWidth(clean) <= width) return clean;
  const room = width - 1 - displayWidth(suffix);
  if (room <= 0) return fit(clean, width);
  let kept = '';
  for (const word of clean.split(/(?<=\s)/)) {
    if (displayWidth(kept + word.trimEnd()) > room) break;
    kept += word;
  }
  kept = kept.trimEnd().replace(/[\s\u00b7,;:(-]+$/, '');
  if (kept === '') return fit(clean, width);
  return `${kept}…${suffix}`;
}

/** The longest start of `text` that takes at most `width` columns. */
export function prefixOfWidth(text: string, width: number): string {
  let out = '';
  let used = 0;
  for (const ch of text) {
    const w = charWidth(ch.codePointAt(0) ?? 0);
    if (used + w > width) break;
    out += ch;
    used += w;
  }
  return out;
}

/**
 * Breaks `text` into lines of at most `width` columns at spaces; a word longer than a line is cut
 * into pieces. Lines after the first start with `indent` (counted in the width).
 */
export function wrapWords(text: string, width: number, indent = ''): string[] {
  const clean = wordsSafe(text).trim();
  if (width <= displayWidth(indent) + 1) return [fit(clean, Math.max(0, width)).trimEnd()];
  const lines: string[] = [];
  let line = '';
  const room = (): number => width - (lines.length === 0 ? 0 : displayWidth(indent));
  for (let word of clean.split(/\s+/)) {
    while (displayWidth(word) > room()) {
      if (line !== '') {
        lines.push(line);
        line = '';
        continue;
      }
      const piece = prefixOfWidth(word, room());
      lines.push(piece);
      word = word.slice(piece.length);
    }
    const next = line === '' ? word : `${line} ${word}`;
    if (displayWidth(next) > room()) {
      lines.push(line);
      line = word;
    } else {
      line = next;
    }
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines.map((l, i) => (i === 0 ? l : `${indent}${l}`));
}

const UNITS = ['B', 'K', 'M', 'G', 'T', 'P'];

/**
 * 1536 → "1.5K", 3.9 GiB → "3.9G"; binary units as free(1) -h prints them. With `decimals`, that many
 * digits for every unit above bytes, as top prints memory: 247595008 → "236.1M" with 1.
 */
export function humanBytes(bytes: number | null, decimals?: number): string {
  if (bytes === null || !Number.isFinite(bytes) || bytes < 0) return '-';
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 ? 0 : decimals ?? (value >= 10 ? 0 : 1);
  return `${value.toFixed(digits)}${UNITS[unit]}`;
}

/** CPU time as ps prints it: "mm:ss", or "h:mm:ss" past an hour; as mps prints TIME, minutes without a bound: "5:51", "123:04". */
export function formatCpuTime(seconds: number, style: 'ps' | 'mps' = 'ps'): string {
  const total = Math.max(0, Math.floor(seconds));
  if (style === 'mps') return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mmss = `${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
  return h > 0 ? `${h}:${mmss}` : mmss;
}

/** A duration for people: "45s", "12m05s", "2h03m". */
export function formatDuration(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds) || seconds < 0) return '-';
  const total = Math.round(seconds);
  if (total < 60) return `${total}s`;
  if (total < 3600) return `${Math.floor(total / 60)}m${String(total % 60).padStart(2, '0')}s`;
  return `${Math.floor(total / 3600)}h${String(Math.floor((total % 3600) / 60)).padStart(2, '0')}m`;
}

/** Wall-clock time of day, local time: "14:03:22". */
export function formatClock(epochMs: number): string {
  const d = new Date(epochMs);
  return [d.getHours(), d.getMinutes(), d.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':');
}

/** A horizontal bar of `width` cells, filled by `fraction` (0..1) with eighths for precision. */
export function bar(fraction: number | null, width: number): string {
  if (width <= 0) return '';
  if (fraction === null || !Number.isFinite(fraction)) return ' '.repeat(width);
  const eighths = Math.round(Math.min(1, Math.max(0, fraction)) * width * 8);
  const full = Math.floor(eighths / 8);
  const partial = eighths % 8;
  const partialChar = partial > 0 ? (' ▏▎▍▌▋▊▉'[partial] ?? '') : '';
  return ('█'.repeat(full) + partialChar).padEnd(width, '·');
}

const SPARKS = '▁▂▃▄▅▆▇█';

/** The last `width` values as a sparkline on a shared scale; missing values are blanks. */
export function sparkline(values: readonly (number | null)[], max: number, width: number): string {
  const recent = values.slice(-width);
  const line = recent.map((v) => {
    if (v === null || !Number.isFinite(v) || max <= 0) return ' ';
    const level = Math.round((Math.min(v, max) / max) * (SPARKS.length - 1));
    return SPARKS[Math.max(0, level)] ?? ' ';
  }).join('');
  return line.padStart(width, ' ');
}
