// mosctl's usage text ([X] real binary, stderr, exit 1; the tutorial's copy lost the 20-space indent of
// the continuation lines), printed when no command is given;
// the first line shows argv[0] as invoked, so the program name is read, not assumed:
//   Usage: bin/mosctl command
//   Available commands: stay/nostay, lstay/nolstay, block/noblock, quiet/noquiet,
//   getload [node-number], getspeed [node-number],

import { z } from 'zod';
import { type ParseResult, type ParseWarning, failed } from '../result.js';
import { classifyToolError } from '../toolErrors.js';
import { nonBlankLines, quote } from '../util/lines.js';
import { group } from '../util/numbers.js';
import { validated } from '../util/validate.js';

export const MosctlUsageSchema = z.object({
  /** argv[0] as the tool printed it, e.g. `bin/mosctl`. */
  program: z.string(),
  /** Every command named, in order; `stay/nostay` gives both. */
  commands: z.array(z.string()),
});
export type MosctlUsage = z.infer<typeof MosctlUsageSchema>;

export function parseMosctlUsage(text: string): ParseResult<MosctlUsage> {
  const toolError = classifyToolError(text);
  if (toolError && toolError.code !== 'usage') return { ok: false, error: toolError };
  const [first, ...rest] = nonBlankLines(text);
  if (first === undefined) return failed(0, 'expected "Usage: PROGRAM command", got empty input', 'empty');
  const usage = /^Usage:\s+(\S+)\s+command$/i.exec(first.text.trim());
  if (!usage) return failed(first.number, `expected "Usage: PROGRAM command", got ${quote(first.text)}`);
  const commands: string[] = [];
  const warnings: ParseWarning[] = [];
  for (const line of rest) {
    const body = line.text.trim().replace(/^Available commands:\s*/i, '');
    for (const item of body.split(',').map((part) => part.trim()).filter((part) => part !== '')) {
      const name = /^[a-z][\w/-]*/i.exec(item);
      if (name) commands.push(...name[0].split('/').filter((part) => part !== ''));
      else warnings.push({ line: line.number, message: `expected a command name, got ${quote(item)}` });
    }
  }
  return validated(MosctlUsageSchema, { program: group(usage, 1), commands }, warnings);
}
