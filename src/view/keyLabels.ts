// How keys are written for people, in the footer and the help: blessed's names are for code.

const LABELS: Readonly<Record<string, string>> = {
  up: '↑', down: '↓', pageup: 'PgUp', pagedown: 'PgDn', tab: 'Tab', 'S-tab': 'S-Tab', space: 'Space',
  f1: 'F1', f5: 'F5', f9: 'F9', f10: 'F10', 'C-c': 'Ctrl-C', 'C-z': 'Ctrl-Z', enter: 'Enter', escape: 'Esc', home: 'Home', end: 'End', left: '←', right: '→',
};

/** 'S-b' → 'B', 'pagedown' → 'PgDn'. */
export function keyLabel(key: string): string {
  const label = LABELS[key];
  if (label !== undefined) return label;
  const shifted = /^S-([a-z])$/.exec(key);
  return shifted?.[1] !== undefined ? shifted[1].toUpperCase() : key;
}
