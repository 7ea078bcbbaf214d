// The text `omtop render` prints, as pure functions: the tutorial's banner with true numbers, the
// redrawn progress line, one line per finished frame, and the command that resumes a stopped job.
import type { PartView, RenderJobView } from './types.js';
import type { RenderEvent } from './jobConfig.js';
import { formatDuration } from '../text/format.js';

/** `10-04-04 22:35:46`, the tutorial's `date '+%d-%m-%y %H:%M:%S'`. */
export function tutorialDate(epochMs: number): string {
  const d = new Date(epochMs);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${pad(d.getDate())}-${pad(d.getMonth() + 1)}-${pad(d.getFullYear() % 100)} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

export function bannerLines(frames: number, blendFile: string, parts: number, startedAt: number): string[] {
  return [
    `Rendering ${frames} images from ${blendFile} on ${parts} nodes.`,
    'Tasks forked, network rendering in progress.',
    `Job started at: ${tutorialDate(startedAt)}`,
    'Please wait while rendering...',
  ];
}

function partBadge(part: PartView): string {
  // A Slurm task also names its node: `3@n2:f12`.
  const name = part.node ? `${part.index}@${part.node}` : String(part.index);
  switch (part.state) {
    case 'rendering':
      return `${name}:${part.currentFrame === null ? 'start' : `f${part.currentFrame}`}`;
    case 'retrying':
      return `${name}:retry${part.currentFrame === null ? '' : ` f${part.currentFrame}`}`;
    case 'pending':
      return `${name}:wait`;
    default:
      return `${name}:${part.state}`;
  }
}

/** One line, at most `columns` wide: bar, frames done, per-part state, ETA. */
export function progressLine(view: RenderJobView, columns: number): string {
  const percent = view.framesTotal === 0 ? 100 : Math.floor((100 * view.framesDone) / view.framesTotal);
  const width = 20;
  const filled = Math.round((width * percent) / 100);
  const bar = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]`;
  const eta = view.state === 'assembling' ? 'movie…' : view.etaSeconds === null ? 'ETA --' : `ETA ${formatDuration(view.etaSeconds)}`;
  const line = `${bar} ${view.framesDone}/${view.framesTotal} ${percent}%  ${view.parts.map(partBadge).join(' ')}  ${eta}`;
  return line.length > columns ? `${line.slice(0, Math.max(0, columns - 1))}…` : line;
}

/** A line for an event worth a line of its own, or null. */
export function eventLine(event: RenderEvent): string | null {
  if (event.type === 'frame-done') {
    return `Frame ${event.frame} done [${event.framesDone}/${event.framesTotal}] by part ${event.part} in ${event.seconds.toFixed(1)} s: ${event.file}`;
  }
  if (event.type === 'part-exit' && (event.missing !== '' || event.exitCode !== 0)) {
    const how = event.stalled ? 'stalled and was killed'
      : event.signal !== null ? `was killed by ${event.signal}` : `exited with code ${event.exitCode ?? '?'}`;
    const lost = event.missing === '' ? '' : `; frames ${event.missing} not rendered`;
    return `Part ${event.part} (pid ${event.pid ?? '-'}) ${how}${lost}${event.error === null ? '' : ` (${event.error})`}`;
  }
  if (event.type === 'movie') return `Movie ${event.file}: ${event.frames} frames (${event.tool}).`;
  return null;
}

/** A word as a POSIX shell would read it back: bare when safe, else single-quoted. */
export function shellWord(word: string): string {
  if (/^[\w@%+=:,./-]+$/.test(word) && !word.startsWith('-')) return word;
  if (/^--?[\w-]+(=[\w@%+=:,./-]*)?$/.test(word)) return word;
  return `'${word.replaceAll("'", `'\\''`)}'`;
}

/** The user's own command with --resume added (once), quoted so it can be pasted into a shell. */
export function resumeCommand(renderArgs: readonly string[]): string {
  // --overwrite would render the finished frames again, the opposite of resuming.
  const kept = renderArgs.filter((arg) => arg !== '--overwrite');
  const args = kept.includes('--resume') ? kept : ['--resume', ...kept];
  return ['omtop', 'render', ...args.map(shellWord)].join(' ');
}
