// Hard wrapping to a terminal width, for text that is only useful whole (errors, paths, warnings).
import { displayWidth } from './format.js';

/** Hard-wraps `text` to `width` columns, continuation lines indented by `indent`. */
export function wrap(text: string, width: number, indent = ''): string[] {
  const lines: string[] = [];
  let rest = text;
  let prefix = '';
  const room = (): number => Math.max(1, width - displayWidth(prefix));
  while (displayWidth(rest) > room()) {
    const chars = [...rest];
    let cut = 0;
    let used = 0;
    while (cut < chars.length && used + displayWidth(chars[cut] ?? '') <= room()) used += displayWidth(chars[cut++] ?? '');
    // Prefer a break at a space in the second half of the line.
    const space = chars.slice(0, cut).lastIndexOf(' ');
    if (space > cut / 2) cut = space + 1;
    lines.push(prefix + chars.slice(0, cut).join('').trimEnd());
    // The space a line breaks at is not carried to the next one.
    rest = chars.slice(cut).join('').replace(/^ /, '');
    prefix = indent;
  }
  lines.push(prefix + rest);
  return lines;
}

