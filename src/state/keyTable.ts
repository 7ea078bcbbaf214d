// THE key table. Each entry is one command a key can give, with its policy: the pane it acts in,
// whether it asks first, whether --readonly refuses it. The bindings, the footer, the help overlay
// and the reducer's checks are all read from here, so what the help says is what the keys do.
// Keys are blessed's `key.full` names ('S-b' is B, 'pageup' is PgUp).
//
// `k` is both "up" and "signal" in the issue. As in htop, where k kills, `k` sends a signal in the
// Processes pane; everywhere else `j`/`k` move. In the Processes pane ↑ moves up.
import type { Ability } from '../cluster/abilities.js';
import type { PaneId } from './ui.js';

export type KeyScope = PaneId | 'global';

/** What a command may do and where: decided here once, for every key bound to it. */
export interface KeyPolicy {
  /** The pane it acts in (the reducer refuses it elsewhere); null: it works everywhere. */
  readonly pane: PaneId | null;
  /** Changes the cluster or stops work: asks for confirmation first. */
  readonly confirm: boolean;
  /** Changes the cluster or starts/stops a render: refused with --readonly. */
  readonly mutates: boolean;
  /** What the backend must be able to do (cluster/abilities.ts); null: works with every backend. */
  readonly needs: Ability | null;
}

interface Binding {
  readonly keys: readonly string[];
  /** Where these keys work: one pane, or everywhere. */
  readonly scope: KeyScope;
  readonly description: string;
  /** Short label for the footer; bindings without one are only in the help. */
  readonly footer?: string;
  /**
   * On a Slurm cluster: what the key does there (the help shows it instead of `description`);
   * null: nothing (an openMosix command: hidden from the Slurm help). Absent: the same as elsewhere.
   */
  readonly slurm?: string | null;
  /** A Slurm command: only in the help of a Slurm cluster. */
  readonly slurmOnly?: boolean;
  /** Place in the footer, lowest first: the most used keys come first, and a narrow footer keeps them. */
  readonly rank?: number;
}

interface KeyCommand {
  readonly policy: KeyPolicy;
  /** The first binding is the command's own; more bind other keys to it in some panes. */
  readonly bindings: readonly [Binding, ...Binding[]];
}

interface Options {
  readonly confirm?: boolean;
  readonly mutates?: boolean;
  readonly footer?: string;
  /** @default 50 */
  readonly rank?: number;
  readonly needs?: Ability;
  /** More keys for the same command in one pane each: [pane, keys, description]. */
  readonly also?: readonly (readonly [PaneId, readonly string[], string])[];
  readonly slurm?: string | null;
  readonly slurmOnly?: boolean;
}

function command(scope: KeyScope, keys: readonly string[], description: string, options: Options = {}): KeyCommand {
  const confirm = options.confirm ?? false;
  const own: Binding = {
    keys, scope, description,
    ...(options.footer === undefined ? {} : { footer: options.footer, rank: options.rank ?? 50 }),
    ...(options.slurm === undefined ? {} : { slurm: options.slurm }),
    ...(options.slurmOnly ? { slurmOnly: true } : {}),
  };
  const also = (options.also ?? []).map(([pane, more, text]): Binding => ({ keys: more, scope: pane, description: text }));
  return {
    policy: { pane: scope === 'global' ? null : scope, confirm, mutates: options.mutates ?? confirm, needs: options.needs ?? null },
    bindings: [own, ...also],
  };
}

const KEY_TABLE = {
  moveUp: command('global', ['up'], 'move the selection up', { also: [['nodes', ['k'], 'move up'], ['render', ['k'], 'move up']] }),
  moveDown: command('global', ['down', 'j'], 'move the selection down'),
  pageUp: command('global', ['pageup'], 'one page up'),
  pageDown: command('global', ['pagedown'], 'one page down'),
  firstRow: command('global', ['home', 'g'], 'jump to the first row'),
  lastRow: command('global', ['end', 'S-g'], 'jump to the last row'),
  nextPane: command('global', ['tab'], 'next pane', { footer: 'Pane', rank: 30 }),
  prevPane: command('global', ['S-tab'], 'previous pane'),
  help: command('global', ['?', 'f1'], 'this help', { footer: 'Help', rank: 0 }),
  quit: command('global', ['q', 'f10', 'C-c'], 'quit', { footer: 'Quit', rank: 90 }),
  suspend: command('global', ['C-z'], 'suspend omtop to the shell, as any program (fg resumes it)'),
  intervalUp: command('global', ['+'], 'refresh less often (longer interval)'),
  intervalDown: command('global', ['-'], 'refresh more often (shorter interval)'),
  togglePause: command('global', ['space'], 'pause or resume updates', { footer: 'Pause', rank: 70 }),
  filterText: command('global', ['/'], 'filter processes by text', { footer: 'Filter', rank: 20 }),
  toggleBlenderOnly: command('global', ['f'], 'blender-only process filter on/off', { footer: 'Blender', rank: 60 }),
  sortNext: command('global', ['>'], 'sort processes by the next column'),
  sortPrev: command('global', ['<'], 'sort processes by the previous column'),
  sortInvert: command('global', ['S-i'], 'reverse the sort order'),
  clearFilter: command('global', ['escape'], 'clear the process filter', { footer: 'Clear filter', rank: 19 }),
  toggleGroup: command('global', ['t', 'f5'], 'group processes by the node they run on, with per-node totals (as htop\'s tree)',
    { footer: 'Group', rank: 35, slurm: null, needs: 'processes' }),
  toggleKernelThreads: command('global', ['S-k'], 'show or hide kernel threads (hidden by default, as in htop)', { slurm: null, needs: 'processes' }),
  showEvents: command('global', ['S-e'], 'event log: nodes down and up, action results, render failures', { footer: 'Events', rank: 40 }),
  openRenderForm: command('global', ['r'], 'start a split render (form)', { mutates: true, footer: 'Render', rank: 50 }),
  expel: command('nodes', ['e'], 'expel guest processes from this node', { confirm: true, footer: 'Expel', rank: 14, needs: 'mosctl', slurm: null }),
  bring: command('nodes', ['b'], 'bring this node\'s processes home', { confirm: true, footer: 'Bring', rank: 15, needs: 'mosctl', slurm: null }),
  toggleStay: command('nodes', ['s'], 'stay on/off: no automatic migration away', { mutates: true, footer: 'Stay', rank: 10, needs: 'mosctl', slurm: null }),
  toggleLock: command('nodes', ['l'], 'lock (lstay) on/off: local processes stay', { mutates: true, footer: 'Lock', rank: 11, needs: 'mosctl', slurm: null }),
  toggleBlock: command('nodes', ['S-b'], 'block on/off: refuse guest processes',
    { confirm: true, footer: 'Block', rank: 12, needs: 'mosctl', slurm: 'drain the selected node (asks a reason) / resume it' }),
  toggleQuiet: command('nodes', ['S-q'], 'quiet on/off: stop load-balancing messages', { mutates: true, footer: 'Quiet', rank: 16, needs: 'mosctl', slurm: null }),
  openDetail: command('processes', ['enter'], 'the selected process in detail: command line, nodes, moves, CPU and memory history',
    { footer: 'Detail', rank: 5, slurm: 'the selected job\'s details (as i)' }),
  scrollLeft: command('processes', ['left'], 'scroll the COMMAND column left', { slurm: null, needs: 'processes' }),
  scrollRight: command('processes', ['right'], 'scroll the COMMAND column right (long command lines)', { slurm: null, needs: 'processes' }),
  migrate: command('processes', ['m'], 'migrate the process to a node (list)', { mutates: true, footer: 'Migrate', rank: 10, needs: 'migrate', slurm: null }),
  sendHome: command('processes', ['h'], 'send the process home', { mutates: true, footer: 'Home', rank: 11, needs: 'migrate', slurm: null }),
  balance: command('processes', ['a'], 'let the balancer place the process', { mutates: true, footer: 'Auto', rank: 13, needs: 'migrate', slurm: null }),
  signal: command('processes', ['k', 'f9'], 'send a signal (list)',
    { confirm: true, footer: 'Signal', rank: 12, needs: 'signal', slurm: 'signal the selected job (list; scancel --signal)' }),
  jobCancel: command('processes', ['c'], 'cancel the selected job or array task (scancel)', { confirm: true, slurmOnly: true, needs: 'slurm' }),
  jobRequeue: command('processes', ['e'], 'requeue the selected job (the closest to expel)', { confirm: true, slurmOnly: true, needs: 'slurm' }),
  jobHold: command('processes', ['S-h'], 'hold / release the selected pending job', { confirm: true, slurmOnly: true, needs: 'slurm' }),
  jobDetails: command('processes', ['i'], 'the job\'s details: why it waits, resources, directory', { slurmOnly: true, needs: 'slurm' }),
  jobLog: command('processes', ['l'], 'follow the selected job\'s log (its output file)', { slurmOnly: true, needs: 'slurm' }),
  cancelRender: command('render', ['c'], 'cancel the selected render (one found running: stop it)', { confirm: true, footer: 'Cancel', rank: 10 }),
  jobDetail: command('render', ['enter'], 'details: folder, logs, errors, missing frames, resume', { footer: 'Details', rank: 11 }),
  renderMissing: command('render', ['S-r'], 'render the frames it left missing (as --resume)', { mutates: true, footer: 'Missing', rank: 12 }),
  togglePreview: command('render', ['p'], 'preview of the last finished frame on/off', { footer: 'Preview', rank: 13 }),
} satisfies Record<string, KeyCommand>;

/** The commands keys can give: an id that is not in the table does not type-check. */
export type KeyId = keyof typeof KEY_TABLE;

/** One row of the help: keys, where they work, what they do, and their command's policy. */
export interface KeyBinding extends Binding {
  readonly id: KeyId;
  readonly policy: KeyPolicy;
}

const ids = Object.keys(KEY_TABLE) as KeyId[];

/** Every binding, in the table's order: the help and the footer list these. */
export const KEYMAP: readonly KeyBinding[] = ids.flatMap((id) => {
  const { policy, bindings } = KEY_TABLE[id];
  return bindings.map((binding) => ({ ...binding, id, policy }));
});

export function policyOf(id: KeyId): KeyPolicy {
  return KEY_TABLE[id].policy;
}

/** What the command does, in the words of its own binding: for messages about it. */
export function describeKey(id: KeyId): string {
  return KEY_TABLE[id].bindings[0].description;
}

/** The binding for a key in a pane: the pane's own first, then the global ones. */
export function lookupKey(pane: PaneId, key: string): KeyBinding | undefined {
  return KEYMAP.find((b) => b.scope === pane && b.keys.includes(key))
    ?? KEYMAP.find((b) => b.scope === 'global' && b.keys.includes(key));
}
