// The one line a caught error gives wherever omtop reports it: a snapshot's errors[], a status line,
// a CLI failure. Only the first line: a multi-line message must never split a report.

/** The first line of an error's message (or of its string form, for a thrown non-Error). */
export function errorLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0] ?? text;
}
