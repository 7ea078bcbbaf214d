// Text that came from a tool or a file, made safe to put on a terminal. Every control character
// (C0, DEL, C1), the bidirectional embeddings, overrides, isolates and marks, and the Unicode line and
// paragraph separators are written as visible escapes (`\u001b`, `\n`) instead of being sent: a
// process named `ESC ] 0 ; … BEL` then shows as text instead of retitling the terminal, `ESC c`
// does not reset it, OSC 52 does not write the clipboard, U+202E does not reverse what follows.
// Applied where strings become terminal output: the dashboard's widgets, --once, stderr, render lines.

const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
/** The same, but a newline and a tab pass: for text that is lines (a table, JSON, error lines). */
const UNSAFE_IN_LINES = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** `\n`, `\r`, `\t` by name, anything else as `\uXXXX` — what JSON writes for them, so a JSON string stays valid JSON. */
function escapeChar(char: string): string {
  return NAMED[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** One line for a terminal: every unsafe character escaped, newlines and tabs included. */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, escapeChar);
}

/**
 * Lines for a terminal: as terminalSafe, but newlines and tabs stay. JSON text stays valid and means
 * the same: the characters escaped here never appear raw in JSON.stringify's output except inside
 * strings, where `\uXXXX` is their JSON escape.
 */
export function terminalSafeLines(text: string): string {
  return text.replace(UNSAFE_IN_LINES, escapeChar);
}
