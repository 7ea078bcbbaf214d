// A process's command line → the render it runs, if any: the tutorial's `render` script or a plain
// background blender. Source: /proc/PID/cmdline (words separated by NUL), or mps's COMMAND column
// (words separated by spaces, when /proc cannot be read). Samples:
//   /bin/sh\0render\0blacksmith-jpeg.blend\0001\0235\0004\0          (the tutorial: `render FILE START END PARTS`)
//   blender\0-b\0blacksmith-jpeg.blend\0-s\02\0-e\059\0-a\0        (one of the script's four children)
//   /usr/bin/blender -b /srv/shot.blend -o //out/frame_ -F PNG -f 7  (by hand, from mps)
// The script's split is Marc O. Gloor's render.sh, exactly (see shared/reference/blender-and-render-farms.md):
//   RPN = (END - START) / PARTS (integer division); part i renders i*RPN+START+1 .. (i+1)*RPN+START,
// so `1 235 4` renders 2-59, 60-117, 118-175, 176-233: frame START and the remainder are never rendered.
// Leaf parser: no I/O, never throws, linear in its input.
import { failed, parsed, type ParseResult, type ParseWarning } from './result.js';

/** An inclusive frame range; empty when `first > last`. */
export interface FrameSpan {
  readonly first: number;
  readonly last: number;
}

export interface ScriptRender {
  readonly kind: 'script';
  /** The script's own word as it was started (`render`, `./render.sh`). */
  readonly script: string;
  /** As typed: relative to the script's working directory unless absolute. */
  readonly blendFile: string;
  readonly start: number;
  readonly end: number;
  readonly parts: number;
  /** The range each of the script's blender children gets, in the order it starts them. */
  readonly ranges: readonly FrameSpan[];
}

export interface BlenderRender {
  readonly kind: 'blender';
  readonly blender: string;
  readonly blendFile: string;
  readonly scene: string | null;
  readonly engine: string | null;
  /** `-F`, as blender spells it (`PNG`, `JPEG`, `TGA`…). */
  readonly format: string | null;
  /** `-o`: `#` runs become the frame number, `//` is the .blend's folder; null: the .blend's own output. */
  readonly output: string | null;
  /** `-a` over `-s`/`-e`, or `-f`: the frames it renders; null when `-a` takes the .blend's own range. */
  readonly frames: FrameSpan | readonly number[] | null;
  /** `-j`: every n-th frame of an `-a` range. */
  readonly step: number;
}

export type RenderCommand = ScriptRender | BlenderRender;

/** Words of a command line: NUL-separated when read from /proc, else space-separated (mps). */
export function commandWords(text: string): string[] {
  if (text.includes('\0')) return text.split('\0').filter((word, i, all) => !(word === '' && i === all.length - 1));
  return text.trim() === '' ? [] : text.trim().split(/\s+/);
}

const SHELLS = /^(?:ba|da|z|k|a|mk|pd|yash)?sh$|^busybox$/;
const SCRIPT_NAMES = /^render(?:\.sh)?$/;
const INTEGER = /^\d{1,9}$/;
const BLEND = /\.blend$/i;

const baseName = (word: string): string => word.slice(word.lastIndexOf('/') + 1);

/** Gloor's render.sh arithmetic, with expr's truncating division. */
export function scriptSplit(start: number, end: number, parts: number): FrameSpan[] {
  if (parts <= 0) return [];
  const perPart = Math.trunc((end - start) / parts);
  return Array.from({ length: parts }, (_, i) => ({ first: i * perPart + start + 1, last: (i + 1) * perPart + start }));
}

export interface ScriptOptions {
  /** Accept any script name: the process is known to have started blender children. @default false */
  readonly anyName?: boolean;
}

/** `[shell [-opts]] …/render FILE.blend START END PARTS` → the script's render; null when it is not one. */
export function parseRenderScript(words: readonly string[], options: ScriptOptions = {}): ScriptRender | null {
  let i = 0;
  if (SHELLS.test(baseName(words[0] ?? ''))) {
    i = 1;
    while ((words[i] ?? '').startsWith('-')) i += 1;
  }
  const script = words[i];
  if (script === undefined || words.length - i !== 5) return null;
  if (!options.anyName && !SCRIPT_NAMES.test(baseName(script))) return null;
  const [blendFile = '', startText = '', endText = '', partsText = ''] = words.slice(i + 1);
  if (!BLEND.test(blendFile) || ![startText, endText, partsText].every((w) => INTEGER.test(w))) return null;
  const [start, end, parts] = [Number(startText), Number(endText), Number(partsText)];
  return { kind: 'script', script, blendFile, start, end, parts, ranges: scriptSplit(start, end, parts) };
}

/** Blender options that take a value, so their value is not taken for the .blend file. */
const WITH_VALUE = new Set([
  '-S', '--scene', '-E', '--engine', '-o', '--render-output', '-F', '--render-format', '-x', '--use-extension',
  '-t', '--threads', '-s', '--frame-start', '-e', '--frame-end', '-j', '--frame-jump', '-f', '--render-frame',
  '-P', '--python', '--python-expr', '--python-text', '--python-exit-code', '--addons', '--app-template',
  '--log', '--log-level', '--log-file', '--debug-value', '--env-system-datafiles', '--env-system-scripts',
  '--env-system-python', '-p', '--window-geometry', '-r', '--register-extension',
]);

interface BlenderScan {
  blendFile: string | null;
  scene: string | null;
  engine: string | null;
  format: string | null;
  output: string | null;
  start: number | null;
  end: number | null;
  step: number;
  frames: FrameSpan | number[] | null;
  rendered: boolean;
}

/** `-f 7`, `-f 1,3..5` (2.8+); null for relative (`+2`, `-1`) or malformed lists. */
function frameListArg(text: string): number[] | null {
  const frames: number[] = [];
  for (const item of text.split(',')) {
    const match = /^(\d{1,9})(?:\.\.(\d{1,9}))?$/.exec(item.trim());
    if (!match) return null;
    const first = Number(match[1]);
    const last = match[2] === undefined ? first : Number(match[2]);
    // A bound on what one command line can ask for, so a `-f 1..999999999` stays linear in its text.
    if (last < first || last - first > 1_000_000 - frames.length) return null;
    for (let frame = first; frame <= last; frame += 1) frames.push(frame);
  }
  return frames;
}

function applyOption(scan: BlenderScan, option: string, value: string, warnings: ParseWarning[]): void {
  const number = INTEGER.test(value) ? Number(value) : null;
  switch (option) {
    case '-S': case '--scene': scan.scene = value; return;
    case '-E': case '--engine': scan.engine = value; return;
    case '-o': case '--render-output': scan.output = value; return;
    case '-F': case '--render-format': scan.format = value; return;
    case '-s': case '--frame-start': scan.start = number; break;
    case '-e': case '--frame-end': scan.end = number; break;
    case '-j': case '--frame-jump': scan.step = number !== null && number > 0 ? number : 1; break;
    case '-f': case '--render-frame': {
      const list = frameListArg(value);
      if (list === null) warnings.push({ line: 1, message: `frames "${value}" are relative or unreadable` });
      scan.frames = list;
      scan.rendered = true;
      return;
    }
    default: return;
  }
  if (number === null) warnings.push({ line: 1, message: `${option} "${value}" is relative or not a frame number` });
}

/** `blender -b FILE.blend … (-a | -f N)` → what it renders; null when it renders nothing. */
export function parseBlenderRender(words: readonly string[], warnings: ParseWarning[] = []): BlenderRender | null {
  const [blender = ''] = words;
  if (!/^blender(?:[-.\d]*)?$/i.test(baseName(blender))) return null;
  const scan: BlenderScan = {
    blendFile: null, scene: null, engine: null, format: null, output: null, start: null, end: null, step: 1, frames: null, rendered: false,
  };
  // Blender runs its arguments in order and renders at -a or -f: options after that do not apply.
  for (let i = 1; i < words.length && !scan.rendered; i += 1) {
    const word = words[i] ?? '';
    if (word === '--') break;
    if (word === '-a' || word === '--render-anim') {
      scan.rendered = true;
      if (scan.start !== null && scan.end !== null) scan.frames = { first: scan.start, last: scan.end };
    } else if (WITH_VALUE.has(word)) {
      const value = words[i + 1];
      if (value === undefined) break;
      applyOption(scan, word, value, warnings);
      i += 1;
    } else if (!word.startsWith('-') && scan.blendFile === null && BLEND.test(word)) {
      scan.blendFile = word;
    }
  }
  if (!scan.rendered || scan.blendFile === null) return null;
  return {
    kind: 'blender', blender, blendFile: scan.blendFile, scene: scan.scene, engine: scan.engine, format: scan.format,
    output: scan.output, frames: scan.frames, step: scan.step,
  };
}

/** The render a command line runs, or null (most processes); the words from `commandWords`. */
export function parseRenderCommand(text: string): ParseResult<RenderCommand | null> {
  if (text.length > 1_000_000) return failed(1, 'a command line longer than 1 MB');
  const words = commandWords(text);
  const warnings: ParseWarning[] = [];
  const command = parseRenderScript(words) ?? parseBlenderRender(words, warnings);
  return parsed(command, warnings);
}

/** Frames from START to END the script never renders: START itself and the remainder (`1 235 4` → 1, 234, 235). */
export function framesScriptSkips(script: Pick<ScriptRender, 'start' | 'end' | 'ranges'>): number[] {
  if (script.end - script.start > 1_000_000) return [];
  const covered = (frame: number): boolean => script.ranges.some((r) => frame >= r.first && frame <= r.last);
  const skipped: number[] = [];
  for (let frame = script.start; frame <= script.end; frame += 1) if (!covered(frame)) skipped.push(frame);
  return skipped;
}
