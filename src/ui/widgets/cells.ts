// Rows written straight into blessed's screen buffer, cell by cell, for boxes whose text changes
// every tick (the process and node tables, the header). Content given as tagged text makes blessed
// parse its tags, escape codes and wide characters on every setContent and walk the escape codes
// again for every cell on every render (a sixth of the demo's steady CPU in the profile); here a
// row is plain text cut into cells once, with one tag string per stretch, resolved to blessed's
// attribute number once per distinct tag string. The box keeps an empty content: blessed still
// places, sizes, borders, labels and blanks it, then its 'render' event paints the rows over the
// blank inside, clipped to it. What reaches a cell is the text as given: callers make it safe
// (terminalSafe) first, as they did for tagged content.
import type blessed from 'blessed';
import unicode from 'blessed/lib/unicode.js';

/** A stretch of a row drawn with one look: `tags` are blessed tags (`{bold}{cyan-fg}`) or SGR escapes. */
export interface CellRun {
  readonly text: string;
  readonly tags: string;
}

/** A row as cells: `chars[i]` drawn with the look `tags[i]` (the same string object for a stretch). */
export interface CellRow {
  readonly chars: readonly string[];
  readonly tags: readonly string[];
  /** Attributes worked out already (escape-coded text, see escapedRows): used instead of `tags`. */
  readonly attrs?: readonly number[];
}

const WIDE = unicode.chars.all;
/** A code point that joins the cell before it (blessed's table, as its render uses). */
const isCombining = (point: number): boolean => unicode.combining[point] === true;

/**
 * The cells blessed gives a line of text with full Unicode: a surrogate pair in one cell, a wide
 * character followed by a filler cell ('\x03', which blessed's draw skips), a combining character
 * added to the cell before it (dropped at a row's start, where blessed would add it to the row above).
 */
export function splitCells(text: string, into: string[] = []): string[] {
  const widened = text.replace(WIDE, '$1\x03');
  for (let i = 0; i < widened.length; i++) {
    const point = widened.codePointAt(i) ?? 0;
    const ch = point > 0xffff ? widened.slice(i, i + 2) : widened.charAt(i);
    if (point > 0xffff) i++;
    if (isCombining(point)) {
      if (into.length > 0) into[into.length - 1] += ch;
      continue;
    }
    into.push(ch);
  }
  return into;
}

/** A row from its runs. */
export function cellRow(runs: readonly CellRun[]): CellRow {
  const chars: string[] = [];
  const tags: string[] = [];
  for (const run of runs) {
    const from = chars.length;
    splitCells(run.text, chars);
    for (let i = from; i < chars.length; i++) tags.push(run.tags);
  }
  return { chars, tags };
}

interface TaggedElement {
  _parseTags(text: string): string;
  sattr(style: unknown): number;
  readonly style: unknown;
}

interface AttrScreen {
  attrCode(code: string, current: number, normal: number): number;
  readonly lines: Array<Array<[number, string]> & { dirty?: boolean }>;
}

interface Coords {
  readonly xi: number;
  readonly xl: number;
  readonly yi: number;
  readonly yl: number;
}

export interface CellPainter {
  /** The rows drawn from the box's first inner row on, from the next render on. */
  rows(rows: readonly CellRow[]): void;
  /** Paints the rows now inside `coords` (for a box that paints itself: `paintCells(box, false)`). */
  paint(coords: Coords | undefined): void;
}

/**
 * Text with SGR escape codes (a canvas frame) as rows of cells, each cell's attribute worked out as
 * blessed's render does: the codes applied one after another from `normal`, carried from row to row.
 */
export function escapedRows(text: string, normal: number, attrCode: (code: string, current: number, normal: number) => number): CellRow[] {
  const rows: CellRow[] = [];
  /** attrCode's answer for each code from each attribute: a canvas repeats a handful of codes. */
  const known = new Map<string, number>();
  let attr = normal;
  let chars: string[] = [];
  let attrs: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit === 0x0a) {
      rows.push({ chars, tags: [], attrs });
      chars = [];
      attrs = [];
    } else if (unit === 0x1b) {
      SGR_AT.lastIndex = i;
      const code = SGR_AT.exec(text)?.[0];
      if (code === undefined) continue;
      const key = `${attr} ${code}`;
      let next = known.get(key);
      if (next === undefined) {
        next = attrCode(code, attr, normal);
        known.set(key, next);
      }
      attr = next;
      i += code.length - 1;
    } else if (unit < 0x300 || (unit >= 0x2800 && unit <= 0x28ff)) {
      // Latin text and braille: one cell each, never wide or combining.
      chars.push(text.charAt(i));
      attrs.push(attr);
    } else {
      const end = unit >= 0xd800 && unit <= 0xdbff ? i + 2 : i + 1;
      const from = chars.length;
      splitCells(text.slice(i, end), chars);
      for (let c = from; c < chars.length; c++) attrs.push(attr);
      i = end - 1;
    }
  }
  rows.push({ chars, tags: [], attrs });
  return rows;
}

/** An SGR escape code where it stands (sticky). */
const SGR_AT = /\x1b\[[\d;]*m/y;
const SGR = /\x1b\[[\d;]*m/g;

/** Paints `rows` inside the box on each of its renders (`onRender`); the box's own content stays empty. */
export function paintCells(element: blessed.Widgets.BoxElement, onRender = true): CellPainter {
  const tagged = element as unknown as TaggedElement;
  const screen = element.screen as unknown as AttrScreen;
  let rows: readonly CellRow[] = [];
  /** Attribute of each tag string, for the box's normal attribute `normalAttr`. */
  const attrs = new Map<string, number>();
  let normalAttr = -1;
  const attrOf = (tags: string, normal: number): number => {
    let attr = attrs.get(tags);
    if (attr === undefined) {
      attr = normal;
      for (const code of tagged._parseTags(tags).match(SGR) ?? []) attr = screen.attrCode(code, attr, normal);
      attrs.set(tags, attr);
    }
    return attr;
  };
  const paint = (coords: Coords | undefined): void => {
    if (coords === undefined || rows.length === 0) return;
    const normal = tagged.sattr(tagged.style);
    if (normal !== normalAttr) {
      attrs.clear();
      normalAttr = normal;
    }
    const inset = element.border === undefined ? 0 : 1;
    const xi = coords.xi + inset;
    const xl = coords.xl - inset;
    const yl = coords.yl - inset;
    const width = xl - xi;
    const lines = screen.lines;
    for (let r = 0, y = coords.yi + inset; r < rows.length && y < yl; r++, y++) {
      const line = lines[y];
      const row = rows[r];
      if (line === undefined || row === undefined) continue;
      let lastTags: string | null = null;
      let attr = normal;
      // blessed cuts a line without wrapping at the width in UTF-16 units (a combining mark, a
      // surrogate pair's second half and a wide character's filler count), not in cells.
      let units = 0;
      for (let i = 0, x = xi; i < row.chars.length && x < xl && units < width; i++, x++) {
        const cell = line[x];
        if (cell === undefined) break;
        if (row.attrs !== undefined) {
          attr = row.attrs[i] ?? normal;
        } else {
          const tags = row.tags[i] ?? '';
          if (tags !== lastTags) {
            attr = tags === '' ? normal : attrOf(tags, normal);
            lastTags = tags;
          }
        }
        let ch = row.chars[i] ?? ' ';
        units += ch.length;
        if (units > width) ch = ch.slice(0, ch.length - (units - width));
        if (cell[0] !== attr || cell[1] !== ch) {
          cell[0] = attr;
          cell[1] = ch;
          line.dirty = true;
        }
      }
    }
  };
  if (onRender) element.on('render', paint);
  return {
    rows(next) {
      rows = next;
    },
    paint,
  };
}
