// Every parser hands its value through its zod schema before returning it, so a value that
// escapes a parser always has the documented shape.

import { z } from 'zod';
import { type ParseResult, type ParseWarning, failed, parsed } from '../result.js';

/** The value as the schema outputs it (zod's copy), or an error naming the first issue. */
export function validated<S extends z.ZodType>(
  schema: S,
  value: z.input<S>,
  warnings: readonly ParseWarning[] = [],
): ParseResult<z.output<S>> {
  const compiled = compiledFor(schema);
  const checked = compiled === null ? schema.safeParse(value, JITLESS) : compiled.safeParse(value);
  if (checked.success) return parsed(checked.data, warnings);
  return failed(0, invalidValueMessage(checked.error));
}

/**
 * Like `validated`, but returns `value` itself once the schema accepts it. For the 10,000-row
 * tables, zod's copy cost more (mostly in garbage collection) than the check. Only for values
 * the parser built fresh, keys in schema order, under schemas without defaults or transforms:
 * then zod's copy is equal to the value, key for key (test/parsers/util/validate.test.ts checks this).
 */
export function validatedAsBuilt<S extends z.ZodType>(
  schema: S,
  value: z.output<S> & z.input<S>,
  warnings: readonly ParseWarning[] = [],
): ParseResult<z.output<S>> {
  if (isValid(schema, value)) return parsed(value, warnings);
  return validated(schema, value, warnings);
}

/**
 * Like `validatedAsBuilt`, but the value is first put to `check`, a cheaper check that accepts only
 * values `schema` accepts (it may refuse more: those go through the schema, so a valid value still
 * passes and an invalid one gets zod's issue). For the tables, whose rows each carry a record.
 */
export function validatedAsBuiltBy<S extends z.ZodType>(
  schema: S,
  check: (value: z.output<S>) => boolean,
  value: z.output<S> & z.input<S>,
  warnings: readonly ParseWarning[] = [],
): ParseResult<z.output<S>> {
  return check(value) ? parsed(value, warnings) : validatedAsBuilt(schema, value, warnings);
}

/** True when `schema` accepts `value` (once compiled, without making a copy). */
export function isValid(schema: z.ZodType, value: unknown): boolean {
  const compiled = compiledFor(schema);
  return compiled === null ? schema.safeParse(value, JITLESS).success : compiled.validate(value);
}

/**
 * True only for a value `z.record(z.string(), z.string())` accepts: a plain object (zod's own
 * test) whose own enumerable keys are strings holding strings. z.compile's check of such a record
 * builds a copy of it and two arrays of its keys: for a 10,000-row table, a third of what the whole
 * parse allocated. This reads the keys in place; anything unusual (an inherited enumerable key, a
 * non-string value, a symbol key) is refused, and the caller's schema decides.
 */
export function isStringRecord(value: unknown): boolean {
  if (!z.core.util.isPlainObject(value)) return false;
  const record = value as Record<string, unknown>;
  for (const key in record) {
    if (!Object.hasOwn(record, key) || typeof record[key] !== 'string') return false;
  }
  return Object.getOwnPropertySymbols(record).length === 0;
}

function invalidValueMessage(error: z.ZodError): string {
  const issue = error.issues[0];
  const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
  return `expected a valid value${where}, got one that is not (${issue?.message ?? 'unknown problem'})`;
}

// The check of a 10,000-row table took longer than JSON.parse of the same data. z.compile
// generates it once per schema (several times faster); a value it refuses goes through the
// regular parser, so the issue reported is the same. Compiled on a schema's fifth use, kept per
// schema: generating and compiling the code (new Function) costs more than a few checks of small
// values, and `omtop --once --demo` uses each of its 7 schemas once or 4 times (compiling them was
// 10 ms of its start-up); a dashboard or the parsers bench (5 warm-up runs) reaches the fifth use
// within its first ticks. Until then zod's own parser checks, without the fast path it would
// generate for the first parse (jitless), for the same reason.
const COMPILE_AT_USE = 5;
const JITLESS = { jitless: true } as const;
/** Per schema: its compiled form, or how many times it was used uncompiled. */
const compiledSchemas = new WeakMap<z.ZodType, z.ZodType | number>();

function compiledFor<S extends z.ZodType>(schema: S): S | null {
  const known = compiledSchemas.get(schema);
  if (typeof known === 'object') return known as S;
  const uses = (known ?? 0) + 1;
  if (uses < COMPILE_AT_USE) {
    compiledSchemas.set(schema, uses);
    return null;
  }
  const fast = z.compile(schema);
  compiledSchemas.set(schema, fast);
  return fast;
}
