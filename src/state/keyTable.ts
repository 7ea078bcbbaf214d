// THE key table: the bindings and the help overlay are both generated from it, so they cannot
// drift apart. Keys are blessed's `key.full` names ('S-b' is B, 'pageup' is PgUp).
//
// `k` is both "up" and "signal" in the issue. As in htop, where k kills, `k` sends a signal in the
// Processes pane; everywhere else `j`/`k` move. In the Processes pane ↑ moves up.
import type { PaneId } from './ui.js';

export type KeyActionId =
  | 'moveUp' | 'moveDown' | 'pageUp' | 'pageDown' | 'nextPane' | 'prevPane'
  | 'help' | 'quit' | 'intervalUp' | 'intervalDown' | 'togglePause'
  | 'expel' | 'bring' | 'toggleStay' | 'toggleLock' | 'toggleBlock' | 'toggleQuiet'
  | 'migrate' | 'sendHome' | 'balance' | 'signal'
  | 'filterText' | 'toggleBlenderOnly' | 'sortNext' | 'sortPrev' | 'sortInvert'
  | 'openRenderForm' | 'cancelRender';

export type KeyScope = PaneId | 'global';

export interface KeyBinding {
  readonly keys: readonly string[];
  readonly action: KeyActionId;
  readonly description: string;
  /** Where the keys work: one pane, or everywhere. */
  readonly scope: KeyScope;
  /** Changes the cluster or stops work: asks for confirmation first. */
  readonly dangerous: boolean;
  /** Changes the cluster or starts/stops a render: refused with --readonly. */
  readonly mutates: boolean;
  /** Short label for the footer; bindings without one are only in the help. */
  readonly footer?: string;
}

function bind(scope: KeyScope, keys: readonly string[], action: KeyActionId, description: string,
  flags: { dangerous?: boolean; mutates?: boolean; footer?: string } = {}): KeyBinding {
  const binding = { keys, action, description, scope, dangerous: flags.dangerous ?? false, mutates: flags.mutates ?? flags.dangerous ?? false };
  return flags.footer === undefined ? binding : { ...binding, footer: flags.footer };
}

export const KEYMAP: readonly KeyBinding[] = [
  bind('global', ['up'], 'moveUp', 'move the selection up'),
  bind('nodes', ['k'], 'moveUp', 'move up'),
  bind('render', ['k'], 'moveUp', 'move up'),
  bind('global', ['down', 'j'], 'moveDown', 'move the selection down'),
  bind('global', ['pageup'], 'pageUp', 'one page up'),
  bind('global', ['pagedown'], 'pageDown', 'one page down'),
  bind('global', ['tab'], 'nextPane', 'next pane', { footer: 'Pane' }),
  bind('global', ['S-tab'], 'prevPane', 'previous pane'),
  bind('global', ['?', 'f1'], 'help', 'this help', { footer: 'Help' }),
  bind('global', ['q', 'f10', 'C-c'], 'quit', 'quit', { footer: 'Quit' }),
  bind('global', ['+'], 'intervalUp', 'refresh less often (longer interval)'),
  bind('global', ['-'], 'intervalDown', 'refresh more often (shorter interval)'),
  bind('global', ['space'], 'togglePause', 'pause or resume updates', { footer: 'Pause' }),
  bind('global', ['/'], 'filterText', 'filter processes by text', { footer: 'Filter' }),
  bind('global', ['f'], 'toggleBlenderOnly', 'blender-only process filter on/off', { footer: 'Blender' }),
  bind('global', ['>'], 'sortNext', 'sort processes by the next column'),
  bind('global', ['<'], 'sortPrev', 'sort processes by the previous column'),
  bind('global', ['S-i'], 'sortInvert', 'reverse the sort order'),
  bind('global', ['r'], 'openRenderForm', 'start a split render (form)', { mutates: true, footer: 'Render' }),
  bind('nodes', ['e'], 'expel', 'expel guest processes from this node', { dangerous: true, footer: 'Expel' }),
  bind('nodes', ['b'], 'bring', 'bring this node\'s processes home', { dangerous: true, footer: 'Bring' }),
  bind('nodes', ['s'], 'toggleStay', 'stay on/off: no automatic migration away', { mutates: true, footer: 'Stay' }),
  bind('nodes', ['l'], 'toggleLock', 'lock (lstay) on/off: local processes stay', { mutates: true, footer: 'Lock' }),
  bind('nodes', ['S-b'], 'toggleBlock', 'block on/off: refuse guest processes', { dangerous: true, footer: 'Block' }),
  bind('nodes', ['S-q'], 'toggleQuiet', 'quiet on/off: stop load-balancing messages', { mutates: true, footer: 'Quiet' }),
  bind('processes', ['m'], 'migrate', 'migrate the process to a node (list)', { mutates: true, footer: 'Migrate' }),
  bind('processes', ['h'], 'sendHome', 'send the process home', { mutates: true, footer: 'Home' }),
  bind('processes', ['a'], 'balance', 'let the balancer place the process', { mutates: true, footer: 'Auto' }),
  bind('processes', ['k', 'f9'], 'signal', 'send a signal (list)', { dangerous: true, footer: 'Signal' }),
  bind('render', ['c'], 'cancelRender', 'cancel the selected render', { dangerous: true, footer: 'Cancel' }),
];

const LABELS: Readonly<Record<string, string>> = {
  up: '↑', down: '↓', pageup: 'PgUp', pagedown: 'PgDn', tab: 'Tab', 'S-tab': 'S-Tab', space: 'Space',
  f1: 'F1', f9: 'F9', f10: 'F10', 'C-c': 'Ctrl-C',
};

/** How a key is written for people: 'S-b' → 'B', 'pagedown' → 'PgDn'. */
export function keyLabel(key: string): string {
  const label = LABELS[key];
  if (label !== undefined) return label;
  const shifted = /^S-([a-z])$/.exec(key);
  return shifted?.[1] !== undefined ? shifted[1].toUpperCase() : key;
}

/** The binding for a key in a pane: the pane's own first, then the global ones. */
export function lookupKey(pane: PaneId, key: string): KeyBinding | undefined {
  return KEYMAP.find((b) => b.scope === pane && b.keys.includes(key))
    ?? KEYMAP.find((b) => b.scope === 'global' && b.keys.includes(key));
}
