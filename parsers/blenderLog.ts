// Parses one line of a background Blender render's stdout/stderr into an event.
// Source: `blender -b FILE … -a` output of every version in shared/reference/blender-and-render-farms.md §5.2:
//   Fra:1 Mem:10.32M (Peak 10.47M) | Time:00:00.02 | Remaining:00:00.00 | … | Scene, ViewLayer | Sample 1/4   (2.8x–4.x)
//   Saved: '/tmp/x/frame_0001.jpg'          then          ' Time: 00:00.14 (Saving: 00:00.10)'          (3.x)
//   Saved: /tmp/0001.jpg Time: 00:01.23                                                                   (2.4x–2.7x, one line)
//   00:02.440  render           | Saved: '/out/frame_0004.png'                                            (5.0+ prefix)
// Leaf parser: no I/O, never throws; a line it does not know is an `other` event.

export type BlenderLogEvent =
  | {
      readonly kind: 'progress';
      readonly frame: number;
      /** Seconds since the frame started, from `| Time:`; null when the line has none. */
      readonly elapsedSeconds: number | null;
      readonly remainingSeconds: number | null;
      /** Cycles `Sample 3/4` or EEVEE `Rendering 3 / 64 samples`. */
      readonly sample: { readonly done: number; readonly total: number } | null;
    }
  | {
      readonly kind: 'saved';
      readonly path: string;
      /** Present when the same line carries ` Time:` (2.4x–2.7x). */
      readonly renderSeconds: number | null;
      readonly savingSeconds: number | null;
    }
  | { readonly kind: 'time'; readonly renderSeconds: number; readonly savingSeconds: number | null }
  | { readonly kind: 'skipped'; readonly path: string }
  | { readonly kind: 'error'; readonly message: string }
  | { readonly kind: 'version'; readonly version: string }
  | { readonly kind: 'quit' }
  | { readonly kind: 'other'; readonly text: string };

const TIME = String.raw`(\d+(?::\d+){1,2}(?:\.\d+)?)`;
// Blender 5.0 prefixes log lines with a stopwatch and a category: `00:02.440  render           | `.
const MODERN_PREFIX = /^\d+(?::\d+){1,2}\.\d+\s+[A-Za-z_.]+\s+\|\s?/;
const FRAME = /^Fra:\s*(\d+)\b/;
const ELAPSED = /\|\s*Time:\s*([\d:.]+)/;
const REMAINING = /Remaining:\s*([\d:.]+)/;
const CYCLES_SAMPLE = /Sample (\d+)\s*\/\s*(\d+)/;
const EEVEE_SAMPLE = /Rendering (\d+) \/ (\d+) samples/;
const SAVED_QUOTED = new RegExp(String.raw`^Saved: '(.*)'(?:\s+Time: ${TIME}(?: \(Saving: ${TIME}\))?)?\s*$`);
const SAVED_PLAIN = new RegExp(String.raw`^Saved: (.+?)(?:\s+Time: ${TIME}(?: \(Saving: ${TIME}\))?)?\s*$`);
const TIME_LINE = new RegExp(String.raw`^\s*Time: ${TIME}(?: \(Saving: ${TIME}\))?\s*$`);
const SKIPPED = /^[sS]kipping existing frame "(.*)"\s*$/;
const VERSION = /^Blender (\d+\.\d+(?:\.\d+)?\w*)/;
const ERRORS = [/^Error: /, /^Render error/, /^Can't find scene/, /^Warning: Unable to open/, /CUDA error/, /^Build without /];

/** `00:01.23`, `01:02:03.45` → seconds; null for anything else. */
export function timecodeSeconds(text: string): number | null {
  const parts = text.split(':').map(Number);
  if (parts.length < 2 || parts.length > 3 || parts.some((n) => !Number.isFinite(n))) return null;
  return parts.reduce((total, part) => total * 60 + part, 0);
}

function optionalSeconds(text: string | undefined): number | null {
  return text === undefined ? null : timecodeSeconds(text);
}

function progress(line: string, frameText: string): BlenderLogEvent {
  const cycles = CYCLES_SAMPLE.exec(line);
  const eevee = cycles ? null : EEVEE_SAMPLE.exec(line);
  const sample = cycles ?? eevee;
  return {
    kind: 'progress',
    frame: Number(frameText),
    elapsedSeconds: optionalSeconds(ELAPSED.exec(line)?.[1]),
    remainingSeconds: optionalSeconds(REMAINING.exec(line)?.[1]),
    sample: sample ? { done: Number(sample[1]), total: Number(sample[2]) } : null,
  };
}

function saved(match: RegExpExecArray): BlenderLogEvent {
  return {
    kind: 'saved',
    path: match[1] ?? '',
    renderSeconds: optionalSeconds(match[2]),
    savingSeconds: optionalSeconds(match[3]),
  };
}

export function parseBlenderLine(rawLine: string): BlenderLogEvent {
  const line = String(rawLine).replace(/\r$/, '').replace(MODERN_PREFIX, '');
  const frame = FRAME.exec(line);
  if (frame?.[1] !== undefined) {
    // An error can arrive on a Fra: line too, e.g. `Fra:1 … | Build without OpenImageDenoiser`.
    return progress(line, frame[1]);
  }
  const quoted = SAVED_QUOTED.exec(line) ?? SAVED_PLAIN.exec(line);
  if (quoted) return saved(quoted);
  const time = TIME_LINE.exec(line);
  const renderSeconds = optionalSeconds(time?.[1]);
  if (time && renderSeconds !== null) {
    return { kind: 'time', renderSeconds, savingSeconds: optionalSeconds(time[2]) };
  }
  const skipped = SKIPPED.exec(line);
  if (skipped) return { kind: 'skipped', path: skipped[1] ?? '' };
  if (ERRORS.some((pattern) => pattern.test(line))) return { kind: 'error', message: line.trim() };
  if (line.trim() === 'Blender quit') return { kind: 'quit' };
  const version = VERSION.exec(line);
  if (version?.[1] !== undefined) return { kind: 'version', version: version[1] };
  return { kind: 'other', text: line };
}
