// The one list state every list on the dashboard uses: the node, process and render panes, the
// pickers and the help. A list with a selection remembers the selected item by key (node id, PID,
// job id), so the selection follows the item when the list is sorted again or grows; a list
// without one (the help) only scrolls. Which rows are shown is decided here too, the same way for
// every list, so the reducer that moves and the view that draws can never disagree.

export interface ListState<K> {
  /** The selected item's key; null until something is chosen (the list's default item is selected). */
  readonly key: K | null;
  /** Where the selection was when last moved, so it stays near there when its item goes; in a list
   * without a selection, the first row shown. */
  readonly index: number;
}

/** What a list holds now, as far as the selection needs to know. */
export interface ListItems<K> {
  readonly length: number;
  /** Position of `key`, or -1 when it is not in the list (gone, or filtered out). */
  indexOf(key: K): number;
  keyAt(index: number): K | undefined;
  /** Selected while no key is chosen (the local node, the newest job). @default the remembered index */
  readonly defaultIndex?: number;
}

/** How much of a list is on screen: `rows` at a time, out of `total`. */
export interface ListWindow {
  readonly rows: number;
  readonly total: number;
  /** The row drawn first, where the pane has scrolled to (a click finds its row from it); absent: 0. */
  readonly first?: number;
  /** How many columns the rows can scroll sideways (the process pane's long commands); absent: none. */
  readonly across?: number;
}

export const clampIndex = (index: number, length: number): number => Math.max(0, Math.min(length - 1, index));

/** A list with nothing chosen yet, or (for a list that only scrolls) shown from row `index`. */
export function listAt<K = never>(index = 0): ListState<K> {
  return { key: null, index };
}

/** A list with `key` selected, last seen at `index`. */
export function listWith<K>(key: K, index = 0): ListState<K> {
  return { key, index };
}

/** The selected position now: the key's, else the default item's, else near where it was; -1 when empty. */
export function selectedIndex<K>(list: ListState<K>, items: ListItems<K>): number {
  if (items.length === 0) return -1;
  if (list.key !== null) {
    const found = items.indexOf(list.key);
    if (found >= 0) return found;
  } else if (items.defaultIndex !== undefined) {
    return clampIndex(items.defaultIndex, items.length);
  }
  return clampIndex(list.index, items.length);
}

/** Moves the selection `delta` rows (a page is `delta` = the rows shown), stopping at either end. */
export function moveSelection<K>(list: ListState<K>, items: ListItems<K>, delta: number): ListState<K> {
  const from = selectedIndex(list, items);
  if (from < 0) return list;
  const index = clampIndex(from + delta, items.length);
  const key = items.keyAt(index);
  return key === undefined ? list : { key, index };
}

/** Scrolls a list without a selection: the first row shown stays between the top and the last page. */
export function scrollList<K>(list: ListState<K>, delta: number, window: ListWindow): ListState<K> {
  const last = Math.max(0, window.total - window.rows);
  return { ...list, index: Math.max(0, Math.min(last, list.index + delta)) };
}

/** The first row a list without a selection shows, for its scroll position and window. */
export function scrollStart<K>(list: ListState<K>, window: ListWindow): number {
  return Math.max(0, Math.min(list.index, window.total - window.rows));
}

/** The first row shown so the selection is visible: whole pages, so the list does not jump on each move. */
export function pageStart(selected: number, window: ListWindow): number {
  if (window.rows <= 0 || selected < 0) return 0;
  const start = Math.floor(selected / window.rows) * window.rows;
  return Math.max(0, Math.min(start, Math.max(0, window.total - window.rows)));
}

/** The items of a plain array, selected by `keyOf`. */
export function arrayItems<T, K>(array: readonly T[], keyOf: (item: T) => K, defaultIndex?: number): ListItems<K> {
  return {
    length: array.length,
    indexOf: (key) => array.findIndex((item) => keyOf(item) === key),
    keyAt: (index) => {
      const item = array[index];
      return item === undefined ? undefined : keyOf(item);
    },
    ...(defaultIndex === undefined ? {} : { defaultIndex }),
  };
}
