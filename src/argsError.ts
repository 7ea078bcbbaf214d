// node:util parseArgs explains itself over several lines; a user gets one, in omtop's words.
import { errorLine } from './errorLine.js';

/** One line for a parseArgs error (or any error): the first line, made specific where it helps. */
export function describeArgsError(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const first = errorLine(error);
  // `-d -1`: parseArgs will not take a value that looks like an option, and says "ambiguous".
  const ambiguous = /^Option '([^']+)' argument is ambiguous/.exec(first);
  if (ambiguous) {
    const long = /use '(--[\w-]+)=-XYZ'/.exec(text)?.[1] ?? ambiguous[1];
    return `${ambiguous[1]} needs a value; write ${long}=VALUE for one that starts with "-"`;
  }
  // `render FILE -5 3 2`: a negative number reads as an unknown option.
  const negative = /^Unknown option '(-\d[^']*)'/.exec(first);
  if (negative) return `"${negative[1]}" is not an option; to pass a value that starts with "-", put the arguments after "--"`;
  return first.replace(/\. To specify a positional argument.*$/, '');
}
