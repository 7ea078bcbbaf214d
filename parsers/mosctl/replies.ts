// What mosctl prints on stdout (exit 0) after a command that changes something: every sentence
// the real 0.3.6 binary was seen to print ([X] traces-2.txt, [L] the live cluster). `changed`
// is the sentence when the command changed the setting, `already` when it was set so already;
// null where the real tool was never seen in that case (the emulator then prints the other one:
// see src/emulator/README.md). `mosctl stay` prints two lines.

import { z } from 'zod';
import { type ParseResult, failed, parsed } from '../result.js';
import { classifyToolError } from '../toolErrors.js';
import { MAX_LINE, nonBlankLines, overlongLineMessage, quote } from '../util/lines.js';

export const MOSCTL_COMMANDS = [
  'stay', 'nostay', 'lstay', 'nolstay', 'block', 'noblock', 'quiet', 'noquiet', 'mfs', 'nomfs', 'expel', 'bring',
] as const;
export type MosctlCommand = (typeof MOSCTL_COMMANDS)[number];

export interface MosctlSentences {
  readonly changed: string | null;
  readonly already: string | null;
}

export const MOSCTL_REPLIES: Readonly<Record<MosctlCommand, MosctlSentences>> = {
  stay: {
    changed: 'Automatic load-balancing disabled: no processes will leave This node\n(except by an explicit request)', // [X,L]
    already: 'Automatic load-balancing already disabled.', // [L]
  },
  nostay: { changed: 'automatic load-balancing re-enabled.', already: 'automatic load-balancing already enabled.' }, // [L], [X]
  lstay: { changed: 'No local processes will leave the node automatically.', already: null }, // [X]
  nolstay: { changed: null, already: 'Local processes already allowed to leave automatically.' }, // [X]
  block: { changed: 'Remote processes will not be allowed in here.', already: null }, // [X]
  noblock: { changed: null, already: 'Remote processes already allowed in.' }, // [X]
  quiet: { changed: 'Load-balancing activity is now shut-down (for fine-timing measurements)', already: null }, // [X]
  noquiet: { changed: null, already: 'Load balancing already active.' }, // [X]
  nomfs: { changed: 'MFS access to this node now disallowed.', already: null }, // [X]
  mfs: { changed: null, already: 'MFS access already enabled.' }, // [X]
  expel: { changed: 'All remote processes were expelled and no further remote processes accepted.', already: null }, // [X,L]
  bring: { changed: 'All local processes were brought back and will stay here.', already: null }, // [X,L]
};

export const MosctlReplySchema = z.object({
  command: z.enum(MOSCTL_COMMANDS),
  /** True when the tool said the setting was so already. */
  already: z.boolean(),
});
export type MosctlReply = z.infer<typeof MosctlReplySchema>;

const KNOWN: ReadonlyMap<string, MosctlReply> = new Map(
  MOSCTL_COMMANDS.flatMap((command) => {
    const { changed, already } = MOSCTL_REPLIES[command];
    const entries: [string, MosctlReply][] = [];
    if (changed !== null) entries.push([oneLine(changed), { command, already: false }]);
    if (already !== null) entries.push([oneLine(already), { command, already: true }]);
    return entries;
  }),
);

function oneLine(text: string): string {
  return text.replace(/\n/g, ' ');
}

/** Which command's sentence `text` is (its lines joined by spaces). */
export function parseMosctlReply(text: string): ParseResult<MosctlReply> {
  const toolError = classifyToolError(text);
  if (toolError) return { ok: false, error: toolError };
  const lines = nonBlankLines(text);
  const first = lines[0];
  if (first === undefined) return failed(0, 'expected a mosctl reply sentence, got empty input', 'empty');
  const long = lines.find((line) => line.text.length > MAX_LINE.ONE_LINE);
  if (long) return failed(long.number, overlongLineMessage(long.text.length, MAX_LINE.ONE_LINE));
  const reply = KNOWN.get(lines.map((line) => line.text.trim()).join(' '));
  return reply ? parsed({ ...reply }) : failed(first.number, `expected one of mosctl's reply sentences, got ${quote(first.text)}`);
}
