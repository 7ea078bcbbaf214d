// `scontrol -o show job|node` (one line of Key=Value per object) and `scontrol ping`, plus the
// words by which every Slurm client says "no Slurm here". Values may hold spaces
// (`OS=Linux 6.1 #1 SMP`, `Reason=ReqNodeNotAvail, UnavailableNodes:n[3-4]`): a word starts a new
// key only when it looks like `Key=`; other words belong to the value before them.
import { z } from 'zod';
import { type ParseError, type ParseResult, type ParseWarning, failed } from '../result.js';
import { splitLineTexts } from '../util/lines.js';
import { validated } from '../util/validate.js';
import { MAX_TEXT_CHARS } from './text.js';

export const ScontrolRecordsSchema = z.array(z.record(z.string(), z.string()));
export type ScontrolRecord = Readonly<Record<string, string>>;

const KEY = /^([A-Za-z][A-Za-z0-9_/:.]*)=/;

function recordOf(line: string): Record<string, string> {
  const record: Record<string, string> = {};
  let key: string | null = null;
  for (const word of line.split(' ')) {
    const match = KEY.exec(word);
    if (match?.[1]) {
      key = match[1];
      record[key] = word.slice(match[0].length);
    } else if (key !== null) {
      record[key] = record[key] === '' ? word : `${record[key]} ${word}`;
    }
  }
  for (const name of Object.keys(record)) record[name] = (record[name] ?? '').trimEnd();
  return record;
}

/** `scontrol -o show job` / `show node`: one record per non-empty line. */
export function parseScontrolShow(text: string): ParseResult<ScontrolRecord[]> {
  if (text.length > MAX_TEXT_CHARS) return failed(0, `scontrol output is larger than ${MAX_TEXT_CHARS} characters`);
  const toolError = classifySlurmError(text);
  if (toolError) return { ok: false, error: toolError };
  const records: Record<string, string>[] = [];
  const warnings: ParseWarning[] = [];
  for (const [index, line] of splitLineTexts(text).entries()) {
    if (line.trim() === '') continue;
    if (!KEY.test(line)) {
      if (records.length === 0) return failed(index + 1, `expected Key=Value words, got "${line.slice(0, 60)}"`);
      warnings.push({ line: index + 1, message: 'a line without Key=Value words; skipped' });
      continue;
    }
    records.push(recordOf(line));
  }
  return validated(ScontrolRecordsSchema, records, warnings);
}

export const ScontrolPingSchema = z.object({
  controllers: z.array(z.object({ role: z.string(), host: z.string(), up: z.boolean() })),
});
export type ScontrolPing = z.infer<typeof ScontrolPingSchema>;

const PING = /^Slurmctld\(([^)]*)\) at (\S+) is (UP|DOWN)\s*$/;

/** `Slurmctld(primary) at vm is UP` (exit 0) or `... is DOWN` plus a banner (exit 1). */
export function parseScontrolPing(text: string): ParseResult<ScontrolPing> {
  const toolError = classifySlurmError(text);
  if (toolError) return { ok: false, error: toolError };
  const controllers: ScontrolPing['controllers'] = [];
  for (const line of splitLineTexts(text.slice(0, MAX_TEXT_CHARS))) {
    const match = PING.exec(line.trim());
    if (match) controllers.push({ role: match[1] ?? '', host: match[2] ?? '', up: match[3] === 'UP' });
  }
  if (controllers.length === 0) {
    return text.trim() === '' ? failed(0, 'expected scontrol ping output, got nothing', 'empty')
      : failed(1, `expected "Slurmctld(primary) at HOST is UP", got "${splitLineTexts(text.trim())[0]?.slice(0, 60) ?? ''}"`);
  }
  return validated(ScontrolPingSchema, { controllers });
}

/**
 * The errors every Slurm client prints when there is no Slurm to talk to, as a ParseError:
 * no configuration (`fatal: Could not establish a configuration source`, or a SLURM_CONF that
 * cannot be read) → not-configured; no controller answering → down. null for other text.
 */
export function classifySlurmError(text: string): ParseError | null {
  const lines = splitLineTexts(text.slice(0, 64 * 1024));
  const find = (pattern: RegExp): number => lines.findIndex((line) => pattern.test(line));
  let at = find(/Could not establish a configuration source|Unable to process configuration file|cannot stat file .*slurm/i);
  if (at >= 0) return { line: at + 1, code: 'not-configured', message: `Slurm is not configured here (${lines[at]?.trim() ?? ''})` };
  at = find(/Unable to contact slurm controller|Slurmctld\([^)]*\) at \S+ is DOWN/);
  if (at >= 0) return { line: at + 1, code: 'down', message: `the Slurm controller does not answer (${lines[at]?.trim() ?? ''})` };
  at = find(/Access\/permission denied|Invalid user for SlurmUser|Zero Bytes were transmitted|Protocol authentication error/);
  if (at >= 0) return { line: at + 1, code: 'permission-denied', message: lines[at]?.trim() ?? 'permission denied' };
  return null;
}
