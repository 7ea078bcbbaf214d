// Frame lists as users type them (`1-10,15,20-30`) and as omtop prints them back (compressed ranges).

export type FrameListResult = { readonly ok: true; readonly frames: number[] } | { readonly ok: false; readonly message: string };

/** Guards against `1-999999999` allocating a billion numbers. */
export const MAX_FRAMES = 1_000_000;
const ITEM = /^(\d+)(?:-(\d+))?$/;

/** Every frame from `start` to `end` inclusive — unlike the tutorial's script, which skipped `start`. */
export function frameRange(start: number, end: number): number[] {
  const frames: number[] = [];
  for (let frame = start; frame <= end; frame += 1) frames.push(frame);
  return frames;
}

/** `1-10,15,20-30` → sorted unique frame numbers. */
export function parseFrameList(text: string): FrameListResult {
  const seen = new Set<number>();
  const items = text.split(',').map((item) => item.trim());
  for (const item of items) {
    const match = ITEM.exec(item);
    if (!match) return { ok: false, message: `--frames expects a list like 1-10,15,20-30, got "${text}"` };
    const first = Number(match[1]);
    const last = match[2] === undefined ? first : Number(match[2]);
    if (first > last) return { ok: false, message: `--frames: range "${item}" runs backwards` };
    if (last - first + 1 + seen.size > MAX_FRAMES) return { ok: false, message: `--frames: more than ${MAX_FRAMES} frames` };
    for (let frame = first; frame <= last; frame += 1) seen.add(frame);
  }
  return { ok: true, frames: [...seen].sort((a, b) => a - b) };
}

/** Consecutive runs of sorted unique frames: [1,2,3,7] → [[1,3],[7,7]]. */
export function frameRuns(frames: readonly number[]): Array<[number, number]> {
  const sorted = [...new Set(frames)].sort((a, b) => a - b);
  const runs: Array<[number, number]> = [];
  for (const frame of sorted) {
    const last = runs.at(-1);
    if (last && frame === last[1] + 1) last[1] = frame;
    else runs.push([frame, frame]);
  }
  return runs;
}

/** [1,2,3,7,9,10] → "1-3,7,9-10"; the inverse of parseFrameList. */
export function formatFrameList(frames: readonly number[]): string {
  return frameRuns(frames)
    .map(([first, last]) => (first === last ? String(first) : `${first}-${last}`))
    .join(',');
}
