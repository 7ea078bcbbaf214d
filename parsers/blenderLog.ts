// Parses one line of a background Blender render's stdout/stderr into an event.
// Source: `blender -b FILE … -a` output of every version in shared/reference/blender-and-render-farms.md §5.2:
//   Fra:1 Mem:10.32M (Peak 10.47M) | Time:00:00.02 | Remaining:00:00.00 | … | Scene, ViewLayer | Sample 1/4   (2.8x–4.x)
//   Saved: '/tmp/x/frame_0001.jpg'          then          ' Time: 00:00.14 (Saving: 00:00.10)'          (3.x)
//   Saved: /tmp/0001.jpg Time: 00:01.23                                                                   (2.4x–2.7x, one line)
//   00:02.440  render           | Saved: '/out/frame_0004.png'                                            (5.0+ prefix)
// Leaf parser: no I/O, never throws; a line it does not know is an `other` event. Linear in the
// line: the `Saved:` line is split by hand (a lazy pattern took 28 s over 100 K spaces), and a line
// longer than any Blender prints, or numbers no render can have (frame 1e23), are `other` too.

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
const TIME_TAIL = new RegExp(String.raw`^${TIME}(?: \(Saving: ${TIME}\))?$`);
const TIME_LINE = new RegExp(String.raw`^\s*Time: ${TIME}(?: \(Saving: ${TIME}\))?\s*$`);
const SKIPPED = /^[sS]kipping existing frame "(.*)"\s*$/;
const VERSION = /^Blender (\d+\.\d+(?:\.\d+)?\w*)/;
const ERRORS = [/^Error: /, /^Render error/, /^Can't find scene/, /^Warning: Unable to open/, /CUDA error/, /^Build without /];

/** Longest line Blender prints, with room to spare (a path is at most 4096 bytes). */
export const MAX_BLENDER_LINE = 16_384;
/** Blender's highest frame number (MAXFRAME). */
export const MAX_BLENDER_FRAME = 1_048_574;

/** `00:01.23`, `01:02:03.45` → seconds; null for anything else (up to 6 digits per field). */
export function timecodeSeconds(text: string): number | null {
  const match = /^(?:(\d{1,6}):)?(\d{1,6}):(\d{1,6}(?:\.\d{1,6})?)$/.exec(text);
  if (!match) return null;
  return Number(match[1] ?? 0) * 3600 + Number(match[2]) * 60 + Number(match[3]);
}

/** A whole number of at most 9 digits (samples, frames), or null. */
function smallInt(text: string | undefined): number | null {
  return text !== undefined && /^\d{1,9}$/.test(text) ? Number(text) : null;
}

function optionalSeconds(text: string | undefined): number | null {
  return text === undefined ? null : timecodeSeconds(text);
}

function progress(line: string, frame: number): BlenderLogEvent {
  const cycles = CYCLES_SAMPLE.exec(line);
  const found = cycles ?? EEVEE_SAMPLE.exec(line);
  const done = smallInt(found?.[1]);
  const total = smallInt(found?.[2]);
  return {
    kind: 'progress',
    frame,
    elapsedSeconds: optionalSeconds(ELAPSED.exec(line)?.[1]),
    remainingSeconds: optionalSeconds(REMAINING.exec(line)?.[1]),
    sample: done !== null && total !== null && done <= total ? { done, total } : null,
  };
}

/**
 * `Saved: PATH`, `Saved: 'PATH'`, either followed by ` Time: T` or ` Time: T (Saving: T)`: the
 * time is the last `Time: ` whose rest reads as one; the path is what stands before it, without
 * its quotes when both are there.
 */
function saved(rest: string): BlenderLogEvent | null {
  let body = rest.trimEnd();
  let renderSeconds: number | null = null;
  let savingSeconds: number | null = null;
  const at = body.lastIndexOf('Time: ');
  const tail = at > 0 && /\s/.test(body.charAt(at - 1)) ? TIME_TAIL.exec(body.slice(at + 'Time: '.length)) : null;
  if (tail) {
    renderSeconds = optionalSeconds(tail[1]);
    savingSeconds = optionalSeconds(tail[2]);
    body = body.slice(0, at).trimEnd();
  }
  const path = body.length >= 2 && body.startsWith("'") && body.endsWith("'") ? body.slice(1, -1) : body;
  return path === '' ? null : { kind: 'saved', path, renderSeconds, savingSeconds };
}

export function parseBlenderLine(rawLine: string): BlenderLogEvent {
  const text = String(rawLine);
  if (text.length > MAX_BLENDER_LINE) return { kind: 'other', text: text.slice(0, MAX_BLENDER_LINE) };
  const line = text.replace(/\r$/, '').replace(MODERN_PREFIX, '');
  const frame = FRAME.exec(line);
  if (frame?.[1] !== undefined) {
    const number = smallInt(frame[1]);
    // An error can arrive on a Fra: line too, e.g. `Fra:1 … | Build without OpenImageDenoiser`.
    if (number !== null && number <= MAX_BLENDER_FRAME) return progress(line, number);
    return { kind: 'other', text: line };
  }
  const savedEvent = line.startsWith('Saved: ') ? saved(line.slice('Saved: '.length)) : null;
  if (savedEvent) return savedEvent;
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
