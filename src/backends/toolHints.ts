// A few words after a tool's error that tell the user what to do about it.

export function hintFor(toolMessage: string): string {
  if (/permission denied/i.test(toolMessage)) return ' (openMosix actions need root)';
  if (/command not found/i.test(toolMessage)) return ' (is openMosix installed and on PATH?)';
  return '';
}
