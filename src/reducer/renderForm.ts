// The dashboard's render form: typed text in, a RenderRequest or one line saying what is wrong.
import { posix } from 'node:path';
import type { RenderRequest } from '../launcher/types.js';
import type { RenderFormFields } from '../state/ui.js';

export const EMPTY_RENDER_FORM: RenderFormFields = { file: '', start: '1', end: '', parts: '4', output: '', movie: false, noDenoising: false, slurm: false };

function wholeNumber(text: string, name: string, min: number): number | string {
  const trimmed = text.trim();
  if (!/^-?\d+$/.test(trimmed)) return `${name} must be a whole number, got "${trimmed}"`;
  const value = Number(trimmed);
  return value < min ? `${name} must be at least ${min}` : value;
}

/** The movie goes next to the frames, named after the .blend: blacksmith.blend → blacksmith.mp4. */
export function movieFileFor(blendFile: string, outDir: string | undefined): string {
  const stem = posix.basename(blendFile).replace(/\.blend$/i, '');
  return posix.join(outDir ?? posix.dirname(blendFile), `${stem}.mp4`);
}

export function toRenderRequest(fields: RenderFormFields): RenderRequest | string {
  const blendFile = fields.file.trim();
  if (blendFile === '') return 'the .blend file is required';
  const start = wholeNumber(fields.start, 'start frame', 0);
  if (typeof start === 'string') return start;
  const end = wholeNumber(fields.end, 'end frame', 0);
  if (typeof end === 'string') return end;
  if (start > end) return `start frame ${start} is after end frame ${end}`;
  const parts = wholeNumber(fields.parts, 'parts', 1);
  if (typeof parts === 'string') return parts;
  const outDir = fields.output.trim() === '' ? undefined : fields.output.trim();
  // Frames already on disk are not touched silently: the app asks resume / overwrite / cancel.
  const request: RenderRequest = {
    blendFile, start, end, parts, existing: 'refuse', ...(outDir === undefined ? {} : { outDir }),
    ...(fields.noDenoising ? { noDenoising: true } : {}), ...(fields.slurm ? { slurm: true } : {}),
  };
  return fields.movie ? { ...request, movie: movieFileFor(blendFile, outDir) } : request;
}
