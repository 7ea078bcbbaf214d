// What a widget hands blessed only when it changed, and the line attributes blessed no longer
// works out for boxes that do not scroll: the same cells on the terminal either way.
import blessed from 'blessed';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { retain, skipLineAttributes } from '../../../src/ui/widgets/retained.js';
import { createScreenHarness, type ScreenHarness } from '../../helpers/screenHarness.js';

let harnesses: ScreenHarness[] = [];
afterEach(() => {
  for (const h of harnesses) h.destroy();
  harnesses = [];
});

const screenOf = (cols = 40, rows = 8): blessed.Widgets.Screen => {
  const h = createScreenHarness(cols, rows);
  harnesses.push(h);
  return h.screen;
};

/** Every cell blessed holds for the screen: [attribute, character]. */
const cellsOf = (screen: blessed.Widgets.Screen): string =>
  JSON.stringify((screen as unknown as { lines: [number, string][][] }).lines.map((line) => line.map(([attr, ch]) => [attr, ch])));

const TAGGED = [
  '{cyan-fg}local{/} {yellow-fg}migrated{/} {green-fg}{bold}render{/}',
  '{inverse}{red-fg}{bold}selected error{/}{/inverse}',
  '{black-fg}{yellow-bg}match{/} {gray-fg}dim{/} {#ff8800-fg}{#004488-bg}▀{/}',
  'plain text',
].join('\n');

describe('retain', () => {
  it('sets content and label once for the same text, again when it changes', () => {
    const screen = screenOf();
    const box = blessed.box({ parent: screen, border: { type: 'line' }, tags: true, width: 20, height: 5 });
    const setContent = vi.spyOn(box, 'setContent');
    const setLabel = vi.spyOn(box, 'setLabel');
    const drawn = retain(box);
    expect(drawn.content('a')).toBe(true);
    expect(drawn.content('a')).toBe(false);
    expect(drawn.label(' t ')).toBe(true);
    expect(drawn.label(' t ')).toBe(false);
    expect(setContent.mock.calls).toEqual([['a']]);
    expect(setLabel.mock.calls).toEqual([[' t ']]);
    expect(drawn.content('b')).toBe(true);
    expect(drawn.label(' u ')).toBe(true);
    expect(setContent.mock.calls).toEqual([['a'], ['b']]);
    expect(setLabel.mock.calls).toEqual([[' t '], [' u ']]);
    expect(box.getContent()).toBe('b');
  });
});

describe('skipLineAttributes', () => {
  it('draws the same cells as a box that works them out', () => {
    const cells = [false, true].map((skip) => {
      const screen = screenOf();
      const box = blessed.box({ parent: screen, border: { type: 'line' }, tags: true, wrap: false, width: 30, height: 6 });
      if (skip) skipLineAttributes(box);
      box.setContent(TAGGED);
      screen.render();
      box.setContent(TAGGED.replace('plain', 'other'));
      screen.render();
      return cellsOf(screen);
    });
    expect(cells[1]).toBe(cells[0]);
  });

  it('works them out for a box scrolled down, which draws from a later line', () => {
    const cells = [false, true].map((skip) => {
      const screen = screenOf();
      const box = blessed.box({ parent: screen, tags: true, scrollable: true, wrap: false, width: 30, height: 2 });
      if (skip) skipLineAttributes(box);
      box.setContent('{red-fg}one\ntwo\nthree{/}\nfour');
      box.scrollTo(2);
      screen.render();
      return cellsOf(screen);
    });
    expect(cells[1]).toBe(cells[0]);
    // The scrolled box starts mid-colour: its first visible row is still red (fg 1).
    const screen = screenOf();
    const box = skipLineAttributes(blessed.box({ parent: screen, tags: true, scrollable: true, wrap: false, width: 30, height: 2 }));
    box.setContent('{red-fg}one\ntwo\nthree{/}\nfour');
    box.scrollTo(3);
    screen.render();
    const first = (screen as unknown as { lines: [number, string][][] }).lines[0]?.[0];
    expect(first?.[1]).toBe('t');
    expect(((first?.[0] ?? 0) >> 9) & 0x1ff).toBe(1);
  });
});
