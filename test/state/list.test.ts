import { describe, expect, it } from 'vitest';
import { arrayItems, listAt, listWith, moveSelection, pageStart, scrollList, scrollStart, selectedIndex } from '../../src/state/list.js';

const ids = [10, 20, 30, 40, 50];
const items = arrayItems(ids, (id) => id);

describe('list state', () => {
  it('selects by key, and follows the key when the list is reordered', () => {
    const list = listWith(30, 2);
    expect(selectedIndex(list, items)).toBe(2);
    expect(selectedIndex(list, arrayItems([30, 10, 20], (id) => id))).toBe(0);
  });

  it('with nothing chosen, selects the default item, else where the list was', () => {
    expect(selectedIndex(listAt(), arrayItems(ids, (id) => id, 3))).toBe(3);
    expect(selectedIndex(listAt(1), items)).toBe(1);
    expect(selectedIndex(listAt(), arrayItems([], (id: number) => id))).toBe(-1);
  });

  it('stays near where it was when the selected item goes', () => {
    expect(selectedIndex(listWith(99, 2), items)).toBe(2);
    expect(selectedIndex(listWith(99, 7), items)).toBe(4);
  });

  it('moves by rows and pages, stopping at either end, and remembers key and position', () => {
    expect(moveSelection(listWith(20, 1), items, 1)).toEqual({ key: 30, index: 2 });
    expect(moveSelection(listWith(20, 1), items, 10)).toEqual({ key: 50, index: 4 });
    expect(moveSelection(listWith(20, 1), items, -10)).toEqual({ key: 10, index: 0 });
    const empty = listAt<number>();
    expect(moveSelection(empty, arrayItems([], (id: number) => id), 1)).toBe(empty);
  });

  it('shows whole pages around the selection, the last page full', () => {
    expect(pageStart(0, { rows: 3, total: 10 })).toBe(0);
    expect(pageStart(4, { rows: 3, total: 10 })).toBe(3);
    expect(pageStart(9, { rows: 3, total: 10 })).toBe(7);
    expect(pageStart(-1, { rows: 3, total: 10 })).toBe(0);
  });

  it('a list that only scrolls stops with its last row at the bottom, so one step back always shows', () => {
    const window = { rows: 22, total: 35 };
    let list = listAt();
    for (let i = 0; i < 60; i++) list = scrollList(list, 1, window);
    expect(list.index).toBe(13);
    expect(scrollStart(scrollList(list, -1, window), window)).toBe(12);
    expect(scrollList(listAt(), -5, window).index).toBe(0);
    expect(scrollStart(listAt(99), window)).toBe(13);
    expect(scrollStart(listAt(5), { rows: 40, total: 35 })).toBe(0);
  });
});
