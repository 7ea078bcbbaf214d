// Footer (the main keys for the focused pane) and the help overlay, both generated from the key
// table, with each command's policy (asks first, disabled read-only) as the table decides it.
import { KEYMAP, type KeyBinding, type KeyScope } from '../state/keyTable.js';
import type { UiState } from '../state/ui.js';
import { keyLabel } from './keyLabels.js';

function keysText(binding: KeyBinding): string {
  return binding.keys.map(keyLabel).join('/');
}

export function toFooterText(ui: UiState, slurm = false): string {
  const shown = bindingsFor(slurm).filter((b) => b.footer !== undefined && (b.scope === 'global' || b.scope === ui.focus));
  // Pane keys first: they are what changes when the focus moves.
  const ordered = [...shown.filter((b) => b.scope !== 'global'), ...shown.filter((b) => b.scope === 'global')];
  return ordered.map((b) => `${keyLabel(b.keys[0] ?? '')} ${b.footer ?? ''}`).join('  ');
}

const SCOPE_TITLES: Readonly<Record<KeyScope, string>> = {
  global: 'Everywhere',
  nodes: 'Nodes pane (node actions apply to the local node, as mosctl does)',
  processes: 'Processes pane (k sends a signal here, as in htop; use ↑ to move up)',
  render: 'Render pane',
};

const SCOPES: readonly KeyScope[] = ['global', 'nodes', 'processes', 'render'];

/** The bindings that mean something on this cluster: Slurm's own only on Slurm, openMosix's only elsewhere. */
export function bindingsFor(slurm: boolean): KeyBinding[] {
  return KEYMAP.filter((b) => (slurm ? b.slurm !== null : !b.slurmOnly));
}

/** Every binding in the key table that means something here, grouped by where it works. */
export function toHelpLines(ui: Pick<UiState, 'readonly'>, slurm = false): string[] {
  const lines: string[] = [];
  for (const scope of SCOPES) {
    lines.push(scope === 'nodes' && slurm ? 'Nodes pane (node actions apply to the selected node)' : SCOPE_TITLES[scope]);
    for (const binding of bindingsFor(slurm).filter((b) => b.scope === scope)) {
      const notes = [binding.policy.confirm ? 'asks first' : '', ui.readonly && binding.policy.mutates ? 'disabled: read-only' : '']
        .filter((n) => n !== '');
      const description = slurm && typeof binding.slurm === 'string' ? binding.slurm : binding.description;
      lines.push(`  ${keysText(binding).padEnd(12)} ${description}${notes.length > 0 ? ` (${notes.join(', ')})` : ''}`);
    }
  }
  lines.push('In dialogs: Enter/y confirms, Esc/n cancels; ↑/↓ choose; Tab moves between form fields.');
  return lines;
}
