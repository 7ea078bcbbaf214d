// The last finished frame as terminal cells: each cell is an upper half block `▀` whose foreground
// is the upper pixel and background the lower one, so a cell holds two roughly square pixels. The
// picture keeps its aspect and is centred; a pane too small for a recognisable picture gets none.
import type { Picture } from '../preview/decode.js';

/** One cell: the colours (0xRRGGBB) of its upper and lower pixel. */
export type PictureCell = readonly [number, number];

export interface PictureVm {
  /** Leading blank columns that centre the picture. */
  readonly indent: number;
  readonly rows: readonly (readonly PictureCell[])[];
}

/** Smaller than this shows nothing rather than a smear. */
export const MIN_PICTURE_COLS = 8;
export const MIN_PICTURE_ROWS = 3;

function boxMean(picture: Picture, x0: number, x1: number, y0: number, y1: number): number {
  let r = 0;
  let g = 0;
  let b = 0;
  let n = 0;
  for (let y = y0; y < y1; y += 1) {
    for (let x = x0; x < x1; x += 1) {
      const i = (y * picture.width + x) * 3;
      r += picture.rgb[i] ?? 0;
      g += picture.rgb[i + 1] ?? 0;
      b += picture.rgb[i + 2] ?? 0;
      n += 1;
    }
  }
  if (n === 0) return 0;
  return (Math.round(r / n) << 16) | (Math.round(g / n) << 8) | Math.round(b / n);
}

/**
 * The last cells worked out for each picture: the preview stays the same picture for many ticks
 * (a frame is saved every few seconds) and scaling it is a box mean over every pixel. A decoded
 * picture is never changed, so the same picture at the same size gives the same cells.
 */
const scaled = new WeakMap<Picture, { readonly cols: number; readonly rows: number; readonly vm: PictureVm | null }>();

export function toPictureVm(picture: Picture, cols: number, rows: number): PictureVm | null {
  const last = scaled.get(picture);
  if (last !== undefined && last.cols === cols && last.rows === rows) return last.vm;
  const vm = scale(picture, cols, rows);
  scaled.set(picture, { cols, rows, vm });
  return vm;
}

function scale(picture: Picture, cols: number, rows: number): PictureVm | null {
  if (cols < MIN_PICTURE_COLS || rows < MIN_PICTURE_ROWS || picture.width < 1 || picture.height < 1) return null;
  const scale = Math.min(cols / picture.width, (2 * rows) / picture.height);
  const width = Math.max(1, Math.min(cols, Math.round(picture.width * scale)));
  const halfRows = Math.max(2, Math.min(2 * rows, Math.round(picture.height * scale)));
  const pixel = (x: number, half: number): number => {
    const x0 = Math.floor((x * picture.width) / width);
    const x1 = Math.max(x0 + 1, Math.floor(((x + 1) * picture.width) / width));
    const y0 = Math.floor((half * picture.height) / halfRows);
    const y1 = Math.max(y0 + 1, Math.floor(((half + 1) * picture.height) / halfRows));
    return boxMean(picture, x0, Math.min(x1, picture.width), y0, Math.min(y1, picture.height));
  };
  const cells: PictureCell[][] = [];
  for (let row = 0; row < Math.ceil(halfRows / 2); row += 1) {
    const line: PictureCell[] = [];
    for (let x = 0; x < width; x += 1) {
      const lower = 2 * row + 1 < halfRows ? pixel(x, 2 * row + 1) : 0;
      line.push([pixel(x, 2 * row), lower]);
    }
    cells.push(line);
  }
  return { indent: Math.floor((cols - width) / 2), rows: cells };
}

/** Luminance 0-255 (Rec. 601), for the greys drawn without colour. */
export function luminance(rgb: number): number {
  return Math.round(0.299 * ((rgb >> 16) & 255) + 0.587 * ((rgb >> 8) & 255) + 0.114 * (rgb & 255));
}
