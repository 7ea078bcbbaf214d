// A stand-in blender for failure tests: it hands omtop's question about the .blend (blendInfo.py) to
// the real blender, refuses omtop's render worker (renderWorker.py) as a blender too old for its
// driver would (it ends at once without answering, so omtop renders one blender per chunk), and for
// those renders runs the given sh body instead.
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { requireBlender } from './blender.js';

export function writeFakeBlender(dir: string, name: string, renderBody: string): string {
  const path = join(dir, name);
  const real = requireBlender();
  writeFileSync(path, `#!/bin/sh
case "$*" in
  *blendInfo.py*) exec '${real}' "$@";;
  *renderWorker.py*) echo 'Error: this blender cannot run the render worker'; exit 1;;
esac
${renderBody}
`);
  chmodSync(path, 0o755);
  return path;
}

/**
 * sh for a fake render body: sets $out to blender's `-o` pattern and $first/$last to `-s`/`-e`
 * (the even split's one run), and defines `frame_file N`, the file blender would write for frame N
 * (`####` → zero-padded N, then the `.jpg` of `-x 1`).
 */
export const READ_RENDER_ARGS = `out=''; first=''; last=''
while [ $# -gt 0 ]; do
  case "$1" in -o) out="$2"; shift;; -s) first="$2"; shift;; -e) last="$2"; shift;; esac
  shift
done
frame_file() { printf '%s.jpg' "$(printf '%s' "$out" | sed "s/####/$(printf %04d "$1")/")"; }`;
