// Footer (the main keys for the focused pane) and the help overlay, both generated from the key
// table, with each command's policy (asks first, disabled read-only) as the table decides it.
import { KEYMAP, type KeyBinding, type KeyScope } from '../state/keyTable.js';
import type { UiState } from '../state/ui.js';
import { keyLabel } from './keyLabels.js';

function keysText(binding: KeyBinding): string {
  return binding.keys.map(keyLabel).join('/');
}

export function toFooterText(ui: UiState): string {
  const shown = KEYMAP.filter((b) => b.footer !== undefined && (b.scope === 'global' || b.scope === ui.focus));
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

/** Every binding in the key table, grouped by where it works. */
export function toHelpLines(ui: Pick<UiState, 'readonly'>): string[] {
  const lines: string[] = [];
  for (const scope of SCOPES) {
    lines.push(SCOPE_TITLES[scope]);
    for (const binding of KEYMAP.filter((b) => b.scope === scope)) {
      const notes = [binding.policy.confirm ? 'asks first' : '', ui.readonly && binding.policy.mutates ? 'disabled: read-only' : '']
        .filter((n) => n !== '');
      lines.push(`  ${keysText(binding).padEnd(12)} ${binding.description}${notes.length > 0 ? ` (${notes.join(', ')})` : ''}`);
    }
  }
  lines.push('In dialogs: Enter/y confirms, Esc/n cancels; ↑/↓ choose; Tab moves between form fields.');
  return lines;
}
