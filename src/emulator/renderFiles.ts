// The render watch's seam over the emulated cluster: what /proc at home would say about its
// processes (a migrated one's command line is unreadable, as on openMosix), the tutorial render's
// frame folder (a file per frame its parts finished, written when they finished it), and the
// tutorial scene's own output setting, `//rendered/` beside the .blend.
import type { BlendOutput, FileEntry, Listing, ProcessDetails, RenderWatchSources } from '../runner/watchSources.js';
import type { ClusterModel, EmuProcess } from './model.js';
import { hash01 } from './random.js';
import { TUTORIAL_DIR, TUTORIAL_FRAMES_DIR } from './render.js';
import { blacksmithFrame } from './framePicture.js';

const BLEND_FILE = `${TUTORIAL_DIR}/blacksmith-jpeg.blend`;
/** The scene's range: the script is called with exactly this, `render blacksmith-jpeg.blend 1 235 4`. */
const SCENE_RANGE = { frameStart: 1, frameEnd: 235 };
/** A 640x480 JPEG of the blacksmith scene is about this big. */
const FRAME_BYTES = 38_000;

function cwdOf(process: EmuProcess): string {
  return process.kind === 'render-script' || process.kind === 'render-part' ? TUTORIAL_DIR : '/root';
}

export function emulatedRenderSources(model: ClusterModel, toEpochMs: (modelMs: number) => number): RenderWatchSources {
  const details = (process: EmuProcess): ProcessDetails => ({
    pid: process.pid,
    ppid: process.ppid,
    // A migrated process's argv lives in its memory, on the node it runs on.
    argv: process.node === model.localNode ? process.cmdline.split(' ') : [],
    startedAt: process.startedMs === null ? null : toEpochMs(process.startedMs),
    cwd: cwdOf(process),
  });

  return {
    processDetails(pids) {
      const found = new Map<number, ProcessDetails>();
      for (const pid of pids) {
        const process = model.processes.get(pid);
        if (process !== undefined && process.home === model.localNode) found.set(pid, details(process));
      }
      return Promise.resolve(found);
    },

    listDirectory(dir, wanted): Promise<Listing> {
      if (dir.replace(/\/+$/, '') !== TUTORIAL_FRAMES_DIR) {
        return Promise.resolve({ ok: false, error: `cannot list ${dir}: no such file or directory` });
      }
      const entries: FileEntry[] = [];
      for (const [frame, writtenMs] of [...model.renderedFrames].sort((a, b) => a[0] - b[0])) {
        const name = `${String(frame).padStart(4, '0')}.jpg`;
        if (wanted(name)) entries.push({ name, size: Math.round(FRAME_BYTES * (0.8 + 0.4 * hash01(frame))), mtimeMs: toEpochMs(writtenMs) });
      }
      return Promise.resolve({ ok: true, entries });
    },

    readFrame(path) {
      const match = new RegExp(`^${TUTORIAL_FRAMES_DIR}/(\\d{4})\\.jpg$`).exec(path);
      const frame = match?.[1] === undefined ? null : Number(match[1]);
      // Not one of the emulated render's frames: the caller reads the disk (omtop's own renders in the demo are real).
      if (frame === null || !model.renderedFrames.has(frame)) return null;
      return Promise.resolve(blacksmithFrame(frame));
    },

    blendOutput(query): Promise<BlendOutput> {
      if (query.blendFile !== BLEND_FILE) {
        return Promise.resolve({ ok: false, error: `blender could not read ${query.blendFile}: the emulated cluster has only the tutorial's scene` });
      }
      return Promise.resolve({ ok: true, pattern: `${TUTORIAL_FRAMES_DIR}/`, extension: '.jpg', ...SCENE_RANGE });
    },
  };
}
