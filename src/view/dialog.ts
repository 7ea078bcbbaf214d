// The boxes drawn over the panes: help, confirmation, pickers and the render form.
import type { Overlay, RenderFormField, UiState } from '../state/ui.js';
import { fit } from './format.js';
import { toHelpLines } from './footer.js';
import type { LineVm } from './tableVm.js';

export interface DialogVm {
  readonly title: string;
  readonly lines: readonly LineVm[];
  /** Outer size including the border. */
  readonly width: number;
  readonly height: number;
}

const FIELD_LABELS: Readonly<Record<RenderFormField, string>> = {
  file: '.blend file', start: 'Start frame', end: 'End frame', parts: 'Parts', output: 'Output dir', movie: 'Movie',
};

const plain = (text: string, tone: LineVm['tone'] = 'normal', selected = false): LineVm => ({ text, tone, selected });

/** Two columns side by side: used when one column is taller than the screen but it is wide. */
function twoColumns(lines: readonly string[], colWidth: number): string[] {
  const half = Math.ceil(lines.length / 2);
  return lines.slice(0, half).map((left, i) => `${fit(left, colWidth)} │ ${lines[half + i] ?? ''}`);
}

/** The help dialog at this screen size: one column if it fits, else two, else it scrolls. */
export function helpDialog(ui: Pick<UiState, 'readonly'>, offset: number, cols: number, rows: number): DialogVm {
  const lines = toHelpLines(ui);
  const colWidth = Math.max(...lines.map((l) => l.length));
  const twoCols = lines.length + 2 > rows && cols >= 2 * colWidth + 5;
  const all = twoCols ? twoColumns(lines, colWidth) : lines;
  const width = Math.min(cols, (twoCols ? 2 * colWidth + 3 : colWidth) + 2);
  const height = Math.min(rows, all.length + 2);
  const visible = height - 2;
  const start = Math.max(0, Math.min(offset, all.length - visible));
  const more = all.length > visible ? ` (↑/↓ scroll, ${start + 1}-${start + visible} of ${all.length})` : '';
  return { title: `Keys${more} · Esc closes`, lines: all.slice(start, start + visible).map((t) => plain(fit(t, width - 2))), width, height };
}

export function toDialogVm(overlay: Overlay | null, ui: UiState, cols: number, rows: number): DialogVm | null {
  if (overlay === null || overlay.kind === 'filter') return null;
  switch (overlay.kind) {
    case 'help':
      return helpDialog(ui, overlay.offset, cols, rows);
    case 'confirm': {
      const lines = [plain(overlay.question), plain(''), plain('y / Enter: yes     n / Esc: no', 'dim')];
      const width = Math.min(cols, Math.max(40, overlay.question.length + 4));
      return { title: 'Confirm', lines, width, height: lines.length + 2 };
    }
    case 'picker': {
      const lines = overlay.options.map((o, i) => plain(o.label, 'normal', i === overlay.index));
      const height = Math.min(rows, lines.length + 2);
      const start = Math.max(0, Math.min(overlay.index - (height - 3), lines.length - (height - 2)));
      return { title: overlay.title, lines: lines.slice(start, start + height - 2), width: Math.min(cols, 44), height };
    }
    case 'renderForm': {
      const lines = (Object.keys(FIELD_LABELS) as RenderFormField[]).map((field) => {
        const value = field === 'movie' ? (overlay.fields.movie ? '[x] on (space toggles)' : '[ ] off (space toggles)') : overlay.fields[field];
        const cursor = field === overlay.field && field !== 'movie' ? '_' : '';
        return plain(`${FIELD_LABELS[field].padEnd(12)} ${value}${cursor}`, 'normal', field === overlay.field);
      });
      lines.push(plain(''), plain(overlay.error ?? 'Tab/↓ next field · Enter start · Esc cancel', overlay.error === null ? 'dim' : 'error'));
      return { title: 'Start a split render', lines, width: Math.min(cols, 70), height: lines.length + 2 };
    }
  }
}
