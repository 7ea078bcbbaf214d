// User text inside an error line (a file name may hold a newline) must not split that line in two.

/** `text` with control characters written as JSON escapes (`\n`, `\u0007`), so it stays one line. */
export function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f]/g, (char) => JSON.stringify(char).slice(1, -1));
}
