// The preview picture as escape codes: the same cells as the tags it replaced, one code per change
// of colours instead of three tags per cell.
import blessed from 'blessed';
import { afterEach, describe, expect, it } from 'vitest';
import { createTheme } from '../../../src/ui/theme.js';
import { colourCodes } from '../../../src/ui/widgets/pane.js';
import { pictureRows } from '../../helpers/taggedRows.js';
import type { PictureCell, PictureVm } from '../../../src/view/picture.js';
import { createScreenHarness, type ScreenHarness } from '../../helpers/screenHarness.js';

let harnesses: ScreenHarness[] = [];
afterEach(() => {
  for (const h of harnesses) h.destroy();
  harnesses = [];
});

const hex = (rgb: number): string => `#${rgb.toString(16).padStart(6, '0')}`;
/** How the pane wrote a picture cell before: a tag per colour and a reset per cell. */
const taggedRow = (indent: number, cells: readonly PictureCell[]): string =>
  ' '.repeat(indent) + cells.map(([upper, lower]) => `{${hex(upper)}-fg}{${hex(lower)}-bg}▀{/}`).join('');

/** Pure and grey colours land on the terminal's first 16 (where blessed writes 3x/9x/4x/10x codes), the rest in the 256. */
const PALETTE = [0x000000, 0x800000, 0x808080, 0xff0000, 0xc0c0c0, 0xffffff, 0x0000ff, 0x123456, 0xff8800, 0x004488, 0x7f7f7f, 0x00ff00];

function picture(seed: number): PictureVm {
  let state = seed;
  const next = (): number => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state;
  };
  // Runs of equal cells (left out after the first) among changing ones.
  const colour = (): number => (next() % 3 === 0 ? 0xff8800 : PALETTE[next() % PALETTE.length] ?? 0);
  const rows = Array.from({ length: 6 }, () => Array.from({ length: 24 }, (): PictureCell => [colour(), colour()]));
  return { indent: 3, rows };
}

function cellsDrawn(content: string): string {
  const h = createScreenHarness(40, 10);
  harnesses.push(h);
  const box = blessed.box({ parent: h.screen, border: { type: 'line' }, tags: true, wrap: false, width: 34, height: 9 });
  box.setContent(content);
  h.screen.render();
  return JSON.stringify((h.screen as unknown as { lines: [number, string][][] }).lines.map((line) => line.map(([attr, ch]) => [attr, ch])));
}

describe('pictureRows', () => {
  it('gives the cells the per-cell tags gave, in colour, for many pictures', () => {
    const theme = createTheme(true);
    for (const seed of [1, 2, 3, 4, 5]) {
      const vm = picture(seed);
      const h = createScreenHarness(40, 10);
      harnesses.push(h);
      const rows = pictureRows(vm, theme, colourCodes(h.screen.program));
      expect(cellsDrawn(`head\n${rows.join('\n')}`)).toBe(cellsDrawn(`head\n${vm.rows.map((cells) => taggedRow(vm.indent, cells)).join('\n')}`));
    }
  });

  it('writes one escape code per change of colours and one reset per row', () => {
    const h = createScreenHarness(40, 10);
    harnesses.push(h);
    const vm: PictureVm = { indent: 1, rows: [[[0xff0000, 0x0000ff], [0xff0000, 0x0000ff], [0x123456, 0x0000ff]], []] };
    const [first, empty] = pictureRows(vm, createTheme(true), colourCodes(h.screen.program));
    expect(first?.match(/\x1b\[[\d;]+m/g)).toHaveLength(2);
    expect(first?.endsWith('\x1b[m')).toBe(true);
    expect(first?.replace(/\x1b\[[\d;]*m/g, '')).toBe(' ▀▀▀');
    expect(empty).toBe(' ');
  });

  it('draws shades without colour, as before', () => {
    const h = createScreenHarness(40, 10);
    harnesses.push(h);
    const vm: PictureVm = { indent: 2, rows: [[[0x000000, 0x000000], [0xffffff, 0xffffff], [0x808080, 0x808080]]] };
    expect(pictureRows(vm, createTheme(false), colourCodes(h.screen.program))).toEqual(['   █▒']);
  });
});
