// A bordered list pane (nodes, history, processes, render): title, optional column header, lines.
import blessed from 'blessed';
import type { Rect } from '../../view/layout.js';
import { fit } from '../../text/format.js';
import type { LineVm, Mark, PaneVm } from '../../view/tableVm.js';
import { luminance, type PictureVm } from '../../view/picture.js';
import { terminalSafe } from '../../text/terminalSafe.js';
import type { Tone } from '../../view/tableVm.js';
import { escapeTags, type Theme } from '../theme.js';
import { cellRow, paintCells, type CellRow } from './cells.js';
import { retain } from './retained.js';

export interface PaneWidget {
  readonly element: blessed.Widgets.BoxElement;
  render(vm: PaneVm, rect: Rect): void;
}

/** The line's text cut into stretches: [text, marked] in order. */
export function markedStretches(text: string, marks: readonly Mark[]): [string, boolean][] {
  const chars = [...text];
  const marked = new Array<boolean>(chars.length).fill(false);
  for (const [start, end] of marks) for (let i = Math.max(0, start); i < Math.min(end, chars.length); i++) marked[i] = true;
  const stretches: [string, boolean][] = [];
  chars.forEach((ch, i) => {
    const last = stretches[stretches.length - 1];
    if (last !== undefined && last[1] === marked[i]) last[0] += ch;
    else stretches.push([ch, marked[i] ?? false]);
  });
  return stretches;
}

const hex = (rgb: number): string => `#${rgb.toString(16).padStart(6, '0')}`;
/** Without colour (NO_COLOR), each cell's two pixels become one shade. */
const SHADES = [' ', '░', '▒', '▓', '█'];

interface ProgramAttr {
  /** blessed's tag → SGR translation: `_attr('#rrggbb fg')` is what `{#rrggbb-fg}` becomes. */
  _attr(param: string): string | null;
}

/**
 * The SGR parameters blessed gives the tags `{#rrggbb-fg}` and `{#rrggbb-bg}` (the nearest of the
 * terminal's colours), looked up once per colour.
 */
export function colourCodes(program: blessed.BlessedProgram): (rgb: number, layer: 'fg' | 'bg') => string {
  const known = new Map<string, string>();
  const attr = program as unknown as ProgramAttr;
  return (rgb, layer) => {
    const key = `${hex(rgb)} ${layer}`;
    let code = known.get(key);
    if (code === undefined) {
      code = (attr._attr(key) ?? '').slice(2, -1);
      known.set(key, code);
    }
    return code;
  };
}

/** The look of each kind of stretch, as blessed tags: what the tagged form of a line wrapped each stretch in. */
export function lineLooks(theme: Theme): (tone: Tone, marked: boolean, open: string) => string {
  const known = new Map<string, string>();
  return (tone, marked, open) => {
    const key = `${tone} ${marked} ${open}`;
    let tags = known.get(key);
    if (tags === undefined) {
      const sample = marked ? theme.mark('\u0001') : theme.tone(tone, '\u0001');
      tags = open + sample.slice(0, sample.indexOf('\u0001'));
      known.set(key, tags);
    }
    return tags;
  };
}

/** One line as cells: the stretches and looks its tagged form had, the text made safe but not tag-escaped. */
export function lineCells(line: LineVm, width: number, focused: boolean, looks: ReturnType<typeof lineLooks>): CellRow {
  const text = fit(line.text, width);
  const open = line.selected ? (focused ? '{inverse}' : '{underline}') : '';
  if (line.marks === undefined || line.marks.length === 0) return cellRow([{ text: terminalSafe(text), tags: looks(line.tone, false, open) }]);
  return cellRow(markedStretches(text, line.marks).map(([part, marked]) => ({ text: terminalSafe(part), tags: looks(line.tone, marked, open) })));
}

/**
 * The picture as cells: the cells the picture's escape-coded text gave (one `▀` per cell, its two colours as one
 * escape code), built straight from the picture without the text in between.
 */
export function pictureCells(picture: PictureVm, theme: Theme, codes: (rgb: number, layer: 'fg' | 'bg') => string): CellRow[] {
  const looks = new Map<number, string>();
  const lookOf = (upper: number, lower: number): string => {
    const key = upper * 0x1000000 + lower;
    let look = looks.get(key);
    if (look === undefined) {
      look = `\x1b[${codes(upper, 'fg')};${codes(lower, 'bg')}m`;
      looks.set(key, look);
    }
    return look;
  };
  return picture.rows.map((cells) => {
    const chars: string[] = [];
    const tags: string[] = [];
    for (let i = 0; i < picture.indent; i++) {
      chars.push(' ');
      tags.push('');
    }
    for (const [upper, lower] of cells) {
      if (theme.color) {
        chars.push('▀');
        tags.push(lookOf(upper, lower));
      } else {
        chars.push(SHADES[Math.min(4, Math.floor(((luminance(upper) + luminance(lower)) / 2 / 256) * 5))] ?? ' ');
        tags.push('');
      }
    }
    return { chars, tags };
  });
}

/** The line drawn last time at the same place, reused when nothing it is drawn from changed. */
interface DrawnLine {
  readonly line: LineVm;
  readonly width: number;
  readonly focused: boolean;
  readonly row: CellRow;
}

const sameLine = (a: LineVm, b: LineVm): boolean =>
  a === b || (a.text === b.text && a.tone === b.tone && a.selected === b.selected && a.marks === undefined && b.marks === undefined);

export function createPane(screen: blessed.Widgets.Screen, theme: Theme): PaneWidget {
  const element = blessed.box({ parent: screen, border: { type: 'line' }, tags: true, wrap: false, style: { border: {} } });
  const drawn = retain(element);
  const painter = paintCells(element);
  const codes = colourCodes(screen.program);
  const looks = lineLooks(theme);
  /** The picture's rows as last drawn: the same picture (the view keeps it while it is unchanged) is not rebuilt. */
  let picture: { readonly vm: PictureVm; readonly rows: CellRow[] } | null = null;
  const rowsOf = (vm: PictureVm): CellRow[] => {
    if (picture?.vm !== vm) picture = { vm, rows: pictureCells(vm, theme, codes) };
    return picture.rows;
  };
  let header: { readonly text: string; readonly width: number; readonly row: CellRow } | null = null;
  let last: DrawnLine[] = [];
  return {
    element,
    render(vm, rect) {
      Object.assign(element, { left: rect.left, top: rect.top, width: rect.width, height: rect.height });
      drawn.label(vm.focused ? ` ▶ ${escapeTags(vm.title)} ` : ` ${escapeTags(vm.title)} `);
      const borderColour = theme.border(vm.focused);
      if (borderColour !== undefined && element.style.border?.fg !== borderColour) element.style.border = { fg: borderColour };
      const width = Math.max(0, rect.width - 2);
      const rows: CellRow[] = [];
      if (vm.header !== null) {
        if (header?.text !== vm.header || header.width !== width) {
          header = { text: vm.header, width, row: cellRow([{ text: terminalSafe(fit(vm.header, width)), tags: '{bold}' }]) };
        }
        rows.push(header.row);
      }
      const lines: DrawnLine[] = [];
      vm.lines.forEach((line, i) => {
        const before = last[i];
        const reused = before !== undefined && before.width === width && before.focused === vm.focused && sameLine(before.line, line);
        const row = reused ? before.row : lineCells(line, width, vm.focused, looks);
        lines.push(reused ? before : { line, width, focused: vm.focused, row });
        rows.push(row);
      });
      last = lines;
      if (vm.picture) rows.push(...rowsOf(vm.picture));
      painter.rows(rows);
    },
  };
}
