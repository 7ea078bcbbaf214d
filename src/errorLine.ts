// The one line a caught error gives wherever omtop reports it: a snapshot's errors[], a status line,
// a CLI failure. Only the first line: a multi-line message must never split a report.

/** The first line of an error's message (or of its string form, for a thrown non-Error). */
export function errorLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0] ?? text;
}

/** What the errno codes of a failed file or stream operation mean, in the words omtop prints. */
const IO_REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'is a directory',
  ENOTDIR: 'a parent is not a directory',
  EEXIST: 'a file of that name exists',
  ELOOP: 'too many symbolic links (a loop?)',
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EROFS: 'read-only file system',
};

/** The plain words for a failed file or stream operation's errno; null when it has none omtop knows. */
export function ioErrorReason(error: unknown): string | null {
  const code = error instanceof Error && 'code' in error ? String(error.code) : '';
  return IO_REASONS[code] ?? null;
}

/** A failed file or stream operation in one line: its errno in plain words, else errorLine. */
export function ioErrorLine(error: unknown): string {
  const code = error instanceof Error && 'code' in error ? String(error.code) : '';
  return ioErrorReason(error) ?? (errorLine(error) || code || 'unknown error');
}
