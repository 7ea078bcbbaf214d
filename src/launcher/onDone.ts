// `omtop render … --on-done CMD`: a command run once the job has ended, with its outcome in the
// environment (never in the command line: nothing the render produced is ever parsed by a shell).
// CMD is split into words as a shell would split plain words and quotes, without expanding
// anything; it runs through the runner seam as an argv array. `sh -c '…'` is there for whoever
// wants a shell.
import type { CommandResult, CommandRunner } from '../runner/runner.js';
import type { RenderJobView } from './types.js';

/** How long the command may run before it is stopped. */
export const ON_DONE_TIMEOUT_MS = 60_000;

export type Words = { readonly ok: true; readonly words: string[] } | { readonly ok: false; readonly message: string };

/** `notify-send "render done"` → ['notify-send', 'render done']: spaces split, quotes and backslashes group, nothing expands. */
export function splitWords(text: string): Words {
  const words: string[] = [];
  let word: string | null = null;
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i] ?? '';
    if (quote === "'") {
      if (ch === "'") quote = null;
      else word += ch;
    } else if (quote === '"') {
      if (ch === '"') quote = null;
      else if (ch === '\\' && /["\\$`]/.test(text[i + 1] ?? '')) word += text[++i] ?? '';
      else word += ch;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      word ??= '';
    } else if (ch === '\\') {
      word = (word ?? '') + (text[++i] ?? '');
    } else if (/\s/.test(ch)) {
      if (word !== null) words.push(word);
      word = null;
    } else {
      word = (word ?? '') + ch;
    }
  }
  if (quote !== null) return { ok: false, message: `--on-done: the ${quote === '"' ? 'double' : 'single'} quote is not closed` };
  if (word !== null) words.push(word);
  if (words.length === 0) return { ok: false, message: '--on-done names no command' };
  return { ok: true, words };
}

/** The job's outcome as environment variables for the --on-done command. */
export function outcomeEnvironment(view: RenderJobView, movie: string | null): Record<string, string> {
  return {
    OMTOP_STATUS: view.state,
    OMTOP_JOB_ID: view.id,
    OMTOP_BLEND_FILE: view.blendFile,
    OMTOP_FRAMES_DONE: String(view.framesDone),
    OMTOP_FRAMES_EXPECTED: String(view.framesTotal),
    OMTOP_FRAMES_MISSING: view.framesMissing ?? '',
    OMTOP_OUTPUT_DIR: view.outDir,
    OMTOP_MOVIE: view.state === 'finished' && movie !== null ? movie : '',
    OMTOP_MESSAGE: view.message ?? '',
  };
}

/** Runs the command; resolves to one line for stderr when it did not succeed, else null. */
export async function runOnDone(runner: CommandRunner, words: readonly string[]): Promise<string | null> {
  const result: CommandResult = await runner.run(words, { timeoutMs: ON_DONE_TIMEOUT_MS });
  return result.failure === undefined ? null : `--on-done: ${result.message ?? 'failed'}`;
}
