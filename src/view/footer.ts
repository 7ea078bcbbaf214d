// Footer (the keys for the focused pane, most used first) and the help overlay, both generated
// from the key table, with each command's policy (asks first, disabled read-only, what the backend
// must be able to do) as the table decides it.
import { canDo } from '../cluster/abilities.js';
import { KEYMAP, type KeyBinding, type KeyScope } from '../state/keyTable.js';
import type { UiState } from '../state/ui.js';
import { displayWidth } from '../text/format.js';
import { keyLabel } from './keyLabels.js';

function keysText(binding: KeyBinding): string {
  return binding.keys.map(keyLabel).join('/');
}

export interface FooterContext {
  /** The backend of the latest snapshot (its keys only); null before the first. */
  readonly backend: string | null;
  /** Columns the footer has. @default no limit */
  readonly width?: number;
  /** Node keys act on the local node: which one, and which node is selected (nodes pane only). */
  readonly nodes?: { readonly local: number; readonly selected: number | null } | null;
}

/**
 * Whether a key means something with this backend: on Slurm the keys with a Slurm meaning (the
 * key table's `slurm`), elsewhere those whose command the backend can run (every key before the
 * first snapshot).
 */
export function offered(binding: KeyBinding, backend: string | null): boolean {
  if (backend === null) return !binding.slurmOnly;
  if (backend === 'slurm') return binding.slurm !== null;
  return binding.policy.needs === null || canDo(backend, binding.policy.needs);
}

/** The bindings that mean something on this cluster. */
export function bindingsFor(backend: string | null): KeyBinding[] {
  return KEYMAP.filter((b) => offered(b, backend));
}

const byRank = (a: KeyBinding, b: KeyBinding): number => (a.rank ?? 50) - (b.rank ?? 50);

/** Where node keys act, said before them: mosctl changes only the node omtop runs on. */
function nodeTarget(nodes: FooterContext['nodes']): string | null {
  if (nodes === null || nodes === undefined) return null;
  return nodes.selected !== null && nodes.selected !== nodes.local ? `N${nodes.selected} selected, keys act on N${nodes.local}:` : `on N${nodes.local}:`;
}

/**
 * `? Help` first, so no width hides it; then the focused pane's keys and the global ones, each
 * group most used first, as many whole entries as fit. Keys the backend cannot run are left out.
 */
export function toFooterText(ui: UiState, context: FooterContext = { backend: null }): string {
  const shown = KEYMAP.filter((b) => b.footer !== undefined && (b.scope === 'global' || b.scope === ui.focus) && offered(b, context.backend)
    // Esc is offered while there is a filter to clear.
    && (b.id !== 'clearFilter' || ui.filterText !== ''));
  const help = shown.filter((b) => b.id === 'help');
  const pane = shown.filter((b) => b.scope !== 'global').sort(byRank);
  const global = shown.filter((b) => b.scope === 'global' && b.id !== 'help').sort(byRank);
  const entry = (b: KeyBinding): string => `${keyLabel(b.keys[0] ?? '')} ${b.footer ?? ''}`;
  const target = ui.focus === 'nodes' && pane.length > 0 ? nodeTarget(context.nodes) : null;
  const paneEntries = pane.map(entry);
  if (target !== null && paneEntries[0] !== undefined) paneEntries[0] = `${target} ${paneEntries[0]}`;
  const entries = [...help.map(entry), ...paneEntries, ...global.map(entry)];
  const width = context.width ?? Infinity;
  let text = '';
  for (const item of entries) {
    const next = text === '' ? item : `${text}  ${item}`;
    if (displayWidth(next) > width) {
      if (text === '') text = item;
      break;
    }
    text = next;
  }
  return text;
}

const SCOPE_TITLES: Readonly<Record<KeyScope, string>> = {
  global: 'Everywhere',
  nodes: 'Nodes pane (node actions apply to the local node, as mosctl does)',
  processes: 'Processes pane (k sends a signal here, as in htop; use ↑ to move up)',
  render: 'Render pane',
};

const SCOPES: readonly KeyScope[] = ['global', 'nodes', 'processes', 'render'];

/**
 * Every binding in the key table, grouped by where it works. On Slurm only the keys that mean
 * something there, with their Slurm meaning; elsewhere every key but Slurm's own, marking those
 * the backend cannot run.
 */
export function toHelpLines(ui: Pick<UiState, 'readonly'>, backend: string | null = null): string[] {
  const slurm = backend === 'slurm';
  const lines: string[] = [];
  for (const scope of SCOPES) {
    lines.push(scope === 'nodes' && slurm ? 'Nodes pane (node actions apply to the selected node)' : SCOPE_TITLES[scope]);
    for (const binding of KEYMAP.filter((b) => b.scope === scope && (slurm ? b.slurm !== null : !b.slurmOnly))) {
      const notes = [
        binding.policy.confirm ? 'asks first' : '',
        ui.readonly && binding.policy.mutates ? 'disabled: read-only' : '',
        offered(binding, backend) ? '' : `not on the ${backend ?? ''} backend`,
      ].filter((n) => n !== '');
      const description = slurm && typeof binding.slurm === 'string' ? binding.slurm : binding.description;
      lines.push(`  ${keysText(binding).padEnd(12)} ${description}${notes.length > 0 ? ` (${notes.join(', ')})` : ''}`);
    }
  }
  lines.push('In dialogs: Enter/y confirms, Esc/n cancels; ↑/↓ choose; Tab moves between form fields.');
  return lines;
}
