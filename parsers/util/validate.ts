// Every parser hands its value through its zod schema before returning it, so a value that
// escapes a parser always has the documented shape.

import type { z } from 'zod';
import { type ParseResult, type ParseWarning, failed, parsed } from '../result.js';

export function validated<S extends z.ZodType>(
  schema: S,
  value: z.input<S>,
  warnings: readonly ParseWarning[] = [],
): ParseResult<z.output<S>> {
  const checked = schema.safeParse(value);
  if (checked.success) return parsed(checked.data, warnings);
  const issue = checked.error.issues[0];
  const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
  return failed(0, `expected a valid value${where}, got one that is not (${issue?.message ?? 'unknown problem'})`);
}
