// Keeps the decoded picture of one frame file: the last finished frame of the selected render.
// One file is read and decoded at a time; asking for another while one is under way decodes the
// newest afterwards (frames finish faster than anyone looks at them). A frame that cannot be read
// or decoded is an error line, never an exception.
import { readFile, stat } from 'node:fs/promises';
import { errorLine } from '../errorLine.js';
import { decodeFrame, type DecodedFrame, type Picture } from '../preview/decode.js';

export interface FramePreview {
  readonly path: string;
  readonly picture: Picture | null;
  /** Why there is no picture. */
  readonly error: string | null;
}

export interface PreviewLoader {
  /** The frame wanted now (null: none); resolves when it (or a newer one) is ready. */
  want(path: string | null): void;
  current(): FramePreview | null;
}

/** Bigger files are not read (the decoder stops at 40 megapixels anyway). */
const MAX_BYTES = 64 * 1024 * 1024;

/** Reads the frame from disk, unless `elsewhere` has it (the emulated cluster's frames). */
export function frameLoader(elsewhere: ((path: string) => Promise<Uint8Array> | null) | null = null): (path: string) => Promise<FramePreview> {
  return (path) => load(path, elsewhere?.(path) ?? null);
}

/**
 * What each byte array decoded to, while something holds it: the emulated cluster hands out the
 * same few frames' bytes again and again (a real file is read into new bytes every time).
 */
const decodedBytes = new WeakMap<Uint8Array, DecodedFrame>();

function decodeOnce(bytes: Uint8Array): DecodedFrame {
  let decoded = decodedBytes.get(bytes);
  if (decoded === undefined) {
    decoded = decodeFrame(bytes);
    decodedBytes.set(bytes, decoded);
  }
  return decoded;
}

async function load(path: string, given: Promise<Uint8Array> | null = null): Promise<FramePreview> {
  try {
    if (given === null) {
      const info = await stat(path);
      if (info.size > MAX_BYTES) return { path, picture: null, error: `${Math.round(info.size / 1024 / 1024)} MB is too large to preview` };
    }
    const decoded = decodeOnce(await (given ?? readFile(path)));
    return decoded.ok ? { path, picture: decoded.picture, error: null } : { path, picture: null, error: decoded.error };
  } catch (error) {
    return { path, picture: null, error: `cannot read it: ${errorLine(error)}` };
  }
}

/**
 * Decoding runs on the main thread (a 640×480 JPEG takes tens of milliseconds on a quiet machine, a
 * 1080p one a few hundred): after one, the next waits `pauseMs`, so a fast render is not decoded
 * frame after frame while the keys wait.
 */
export function createPreviewLoader(onReady: () => void, loadFrame: (path: string) => Promise<FramePreview> = load, pauseMs = 2000): PreviewLoader {
  let shown: FramePreview | null = null;
  let wanted: string | null = null;
  let busy = false;

  const next = async (): Promise<void> => {
    busy = true;
    while (wanted !== null && wanted !== shown?.path) {
      const path = wanted;
      const result = await loadFrame(path);
      shown = result;
      onReady();
      if (pauseMs > 0 && wanted !== path) await new Promise((resolve) => setTimeout(resolve, pauseMs).unref());
    }
    busy = false;
  };

  return {
    want(path) {
      wanted = path;
      if (path === null || busy || path === shown?.path) return;
      void next();
    },
    current: () => shown,
  };
}
