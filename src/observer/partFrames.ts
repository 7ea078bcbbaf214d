// A part's frames (a range or a list) and the sums over them the render pane shows: frame counts,
// the walk over a part's frames, seconds per frame from file times, and the job's ETA. Pure.
import { frameRuns } from '../launcher/frameList.js';
import type { BlenderRender, FrameSpan } from '../../parsers/renderCommand.js';
import type { PartView } from '../launcher/types.js';

/** A part's frames: a range, or a list (`-f 1,3..5`). */
export type PartFrames = FrameSpan | readonly number[];

/** Frame lists and ranges longer than this are not walked frame by frame. */
const WALK_LIMIT = 1_000_000;

export const isList = (frames: PartFrames): frames is readonly number[] => Array.isArray(frames);
export const spanSize = (span: FrameSpan): number => Math.max(0, span.last - span.first + 1);
export const inFrames = (frames: PartFrames, frame: number): boolean =>
  isList(frames) ? frames.includes(frame) : frame >= frames.first && frame <= frames.last;
export const sizeOf = (frames: PartFrames): number => (isList(frames) ? frames.length : spanSize(frames));
export const firstOf = (frames: PartFrames): number | undefined => (isList(frames) ? frames[0] : frames.first);
export const lastOf = (frames: PartFrames): number | undefined => (isList(frames) ? frames.at(-1) : frames.last);

export function eachFrame(frames: PartFrames, visit: (frame: number) => void): void {
  if (isList(frames)) {
    for (const frame of frames) visit(frame);
    return;
  }
  if (spanSize(frames) > WALK_LIMIT) return;
  for (let frame = frames.first; frame <= frames.last; frame += 1) visit(frame);
}

/** `[1, 234, 235]` → "1, 234, 235"; runs of three or more as `60–117`. */
export function spokenFrames(frames: readonly number[]): string {
  return frameRuns(frames)
    .flatMap(([first, last]) => (last - first >= 2 ? [`${first}–${last}`] : first === last ? [String(first)] : [String(first), String(last)]))
    .join(', ');
}

export function framesOfRender(render: BlenderRender): PartFrames | null {
  const span = render.frames;
  if (span === null || isList(span) || render.step <= 1) return span;
  const frames: number[] = [];
  for (let frame = span.first; frame <= span.last && frames.length < WALK_LIMIT; frame += render.step) frames.push(frame);
  return frames;
}

/** Seconds per frame from the files' times: the spacing of this part's frames, or the first one since the start. */
export function secondsPerFrame(sortedTimes: readonly number[], startedAt: number | null): number | null {
  const first = sortedTimes[0];
  const last = sortedTimes.at(-1);
  if (first === undefined || last === undefined) return null;
  if (sortedTimes.length >= 2 && last > first) return (last - first) / 1000 / (sortedTimes.length - 1);
  return startedAt !== null && first > startedAt ? (first - startedAt) / 1000 : null;
}

/** The parts run side by side: the job ends with its slowest part. */
export function etaOf(parts: readonly PartView[]): number | null {
  let eta: number | null = null;
  for (const part of parts) {
    if (part.state !== 'rendering' || part.secondsPerFrame === null) continue;
    const left = (part.framesTotal - part.framesDone) * part.secondsPerFrame;
    eta = eta === null ? left : Math.max(eta, left);
  }
  return eta;
}
