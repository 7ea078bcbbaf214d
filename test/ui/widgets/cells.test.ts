// Rows painted as cells give the screen the very cells the tagged content gave (lineContent through
// blessed's tag, escape and Unicode handling), and a cell is written only when it changes.
import blessed from 'blessed';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { createTheme, type Theme } from '../../../src/ui/theme.js';
import { cellRow, paintCells, splitCells } from '../../../src/ui/widgets/cells.js';
import { colourCodes, createPane } from '../../../src/ui/widgets/pane.js';
import { lineContent, pictureRows } from '../../helpers/taggedRows.js';
import { escapeTags } from '../../../src/ui/theme.js';
import { fit } from '../../../src/text/format.js';
import type { LineVm, PaneVm, Tone } from '../../../src/view/tableVm.js';
import { createScreenHarness, type ScreenHarness } from '../../helpers/screenHarness.js';

let harnesses: ScreenHarness[] = [];
afterEach(() => {
  for (const h of harnesses) h.destroy();
  harnesses = [];
});

type Lines = Array<Array<[number, string]> & { dirty?: boolean }>;
const linesOf = (screen: blessed.Widgets.Screen): Lines => (screen as unknown as { lines: Lines }).lines;
const cellsOf = (screen: blessed.Widgets.Screen): string => JSON.stringify(linesOf(screen).map((line) => line.map(([attr, ch]) => [attr, ch])));

const RECT = { left: 2, top: 1, width: 30, height: 8 };

/** The pane as it was drawn before: the same lines as tagged content of a bordered box. */
function taggedCells(vm: PaneVm, theme: Theme): string {
  const h = createScreenHarness(40, 12);
  harnesses.push(h);
  const box = blessed.box({ parent: h.screen, border: { type: 'line' }, tags: true, wrap: false, style: { border: {} }, ...RECT });
  const border = theme.border(vm.focused);
  if (border !== undefined) box.style.border = { fg: border };
  box.setLabel(vm.focused ? ` ▶ ${escapeTags(vm.title)} ` : ` ${escapeTags(vm.title)} `);
  const width = RECT.width - 2;
  const rows: string[] = [];
  if (vm.header !== null) rows.push(`{bold}${escapeTags(fit(vm.header, width))}{/bold}`);
  for (const line of vm.lines) rows.push(lineContent(line, width, vm.focused, theme));
  if (vm.picture) rows.push(...pictureRows(vm.picture, theme, colourCodes(h.screen.program)));
  box.setContent(rows.join('\n'));
  h.screen.render();
  return cellsOf(h.screen);
}

function paneCells(vms: readonly PaneVm[], theme: Theme): string {
  const h = createScreenHarness(40, 12);
  harnesses.push(h);
  const pane = createPane(h.screen, theme);
  for (const vm of vms) {
    pane.render(vm, RECT);
    h.screen.render();
  }
  return cellsOf(h.screen);
}

const TONES: readonly Tone[] = ['normal', 'local', 'migrated', 'render', 'down', 'stale', 'dim', 'ok', 'error', 'group'];
/** Plain letters, braces (tags), wide and combining characters, an emoji (surrogate pair), escapes and a bidi override. */
const PIECES = ['a', 'b', 'Z', ' ', '{', '}', '{bold}', '/', '中', '文', 'e\u0301', '😀', '\x1b[31m', '\x07', '\u202e', '▶', '·', '\t'];
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((parts) => parts.join(''));
const line: fc.Arbitrary<LineVm> = fc.record({
  text,
  tone: fc.constantFrom(...TONES),
  selected: fc.boolean(),
  marks: fc.option(fc.array(fc.tuple(fc.nat(30), fc.nat(8)).map(([start, length]) => [start, start + length] as const), { maxLength: 3 }), { nil: undefined }),
}).map((l) => (l.marks === undefined ? { text: l.text, tone: l.tone, selected: l.selected } : l));
const pane: fc.Arbitrary<PaneVm> = fc.record({
  title: fc.constantFrom('Processes 3/4', 'Nodes {x}'),
  focused: fc.boolean(),
  header: fc.option(text, { nil: null }),
  lines: fc.array(line, { maxLength: 9 }),
}).map((vm) => ({ ...vm, window: { rows: 7, total: vm.lines.length } }));

describe('painting rows as cells', () => {
  for (const color of [true, false]) {
    it(`gives the cells the tagged content gave (${color ? 'colour' : 'NO_COLOR'}), for any lines`, () => {
      const theme = createTheme(color);
      fc.assert(fc.property(pane, (vm) => {
        expect(paneCells([vm], theme)).toBe(taggedCells(vm, theme));
      }), { numRuns: 60 });
    });
  }

  it('gives the same cells after other frames were drawn before (memoised rows, focus and selection moving)', () => {
    const theme = createTheme(true);
    fc.assert(fc.property(fc.array(pane, { minLength: 2, maxLength: 4 }), (vms) => {
      const last = vms[vms.length - 1];
      if (last === undefined) return;
      expect(paneCells(vms, theme)).toBe(taggedCells(last, theme));
    }), { numRuns: 25 });
  });

  for (const color of [true, false]) {
    it(`gives a picture's cells as its escape codes gave them (${color ? 'colour' : 'NO_COLOR'})`, () => {
      const theme = createTheme(color);
      const colour = fc.constantFrom(0x000000, 0x800000, 0x808080, 0xff0000, 0xffffff, 0x123456, 0xff8800, 0x7f7f7f);
      const picture = fc.record({ indent: fc.nat(4), rows: fc.array(fc.array(fc.tuple(colour, colour), { maxLength: 30 }), { maxLength: 6 }) });
      fc.assert(fc.property(pane, picture, (vm, pic) => {
        const withPicture: PaneVm = { ...vm, lines: vm.lines.slice(0, 1), picture: pic };
        expect(paneCells([withPicture], theme)).toBe(taggedCells(withPicture, theme));
      }), { numRuns: 30 });
    });
  }

  it('clips rows to the inside of the box: no cell on the border or outside it', () => {
    const h = createScreenHarness(20, 6);
    harnesses.push(h);
    const box = blessed.box({ parent: h.screen, border: { type: 'line' }, left: 1, top: 1, width: 8, height: 4 });
    paintCells(box).rows(['abcdefghij', 'klmnopqrst', 'uvwxyz', 'never'].map((t) => cellRow([{ text: t, tags: '' }])));
    h.screen.render();
    const rows = linesOf(h.screen).map((l) => l.map(([, ch]) => ch).join(''));
    expect(rows[1]).toBe(' ┌──────┐           ');
    expect(rows[2]).toBe(' │abcdef│           ');
    expect(rows[3]).toBe(' │klmnop│           ');
    expect(rows[4]).toBe(' └──────┘           ');
    expect(rows.join('')).not.toContain('never');
  });

  it('sends the terminal only what changed: a row that stayed is not written again', async () => {
    const h = createScreenHarness(20, 6);
    harnesses.push(h);
    const box = blessed.box({ left: 0, top: 0, width: 12, height: 3 });
    h.screen.append(box);
    const painter = paintCells(box);
    painter.rows([cellRow([{ text: 'stays', tags: '' }]), cellRow([{ text: 'old', tags: '{bold}' }])]);
    h.screen.render();
    await h.lines();
    const before = h.written().length;
    painter.rows([cellRow([{ text: 'stays', tags: '' }]), cellRow([{ text: 'new', tags: '{bold}' }])]);
    h.screen.render();
    const lines = await h.lines();
    const sent = h.written().slice(before);
    expect(sent).toContain('new');
    expect(sent).not.toContain('stays');
    expect(lines.slice(0, 2).map((l) => l.trimEnd())).toEqual(['stays', 'new']);
  });

  it('cuts text into cells as blessed does: a wide character and its filler, a combining mark in its cell, a surrogate pair in one', () => {
    expect(splitCells('a中b')).toEqual(['a', '中', '\x03', 'b']);
    expect(splitCells('e\u0301x')).toEqual(['e\u0301', 'x']);
    expect(splitCells('😀!')).toEqual(['😀', '!']);
    expect(splitCells('\u0301a')).toEqual(['a']);
  });

  it('follows a resize: the rows are painted inside the new size', () => {
    const h = createScreenHarness(40, 12);
    harnesses.push(h);
    const theme = createTheme(false);
    const pane = createPane(h.screen, theme);
    const vm: PaneVm = { title: 'P', focused: false, header: 'HEAD', lines: [{ text: 'row one is long', tone: 'normal', selected: true }], window: { rows: 2, total: 1 } };
    pane.render(vm, { left: 0, top: 0, width: 30, height: 5 });
    h.screen.render();
    pane.render(vm, { left: 5, top: 2, width: 10, height: 4 });
    h.screen.render();
    const rows = linesOf(h.screen).map((l) => l.map(([, ch]) => ch).join(''));
    expect(rows[3]?.slice(5, 15)).toBe('│HEAD    │');
    expect(rows[4]?.slice(5, 15)).toBe('│row one…│');
    expect(rows[0]?.trim()).toBe('');
  });
});
