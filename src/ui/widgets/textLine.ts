// One line of text without border: header, alert, status and footer.
import blessed from 'blessed';
import type { Rect } from '../../view/layout.js';
import { fit } from '../../text/format.js';
import type { Tone } from '../../view/tableVm.js';
import { terminalSafe } from '../../text/terminalSafe.js';
import type { Theme } from '../theme.js';
import { cellRow, paintCells, type CellRow } from './cells.js';
import { lineLooks } from './pane.js';

export interface TextLineVm {
  readonly text: string;
  readonly tone: Tone;
  /** Drawn as a bar (inverse), like htop's header and footer. */
  readonly bar?: boolean;
}

export interface TextLineWidget {
  readonly element: blessed.Widgets.BoxElement;
  render(vm: TextLineVm, rect: Rect | null): void;
}

export function createTextLine(screen: blessed.Widgets.Screen, theme: Theme): TextLineWidget {
  const element = blessed.box({ parent: screen, height: 1, tags: true, wrap: false });
  // Painted as cells (see cells.ts): the header's clock changes every second.
  const painter = paintCells(element);
  const looks = lineLooks(theme);
  let drawn: { readonly vm: TextLineVm; readonly width: number; readonly row: CellRow } | null = null;
  return {
    element,
    render(vm, rect) {
      if (rect === null) {
        element.hide();
        return;
      }
      element.show();
      Object.assign(element, { left: rect.left, top: rect.top, width: rect.width, height: 1 });
      if (drawn === null || drawn.width !== rect.width || drawn.vm.text !== vm.text || drawn.vm.tone !== vm.tone || drawn.vm.bar !== vm.bar) {
        const tags = looks(vm.tone, false, vm.bar === true ? '{inverse}' : '');
        drawn = { vm, width: rect.width, row: cellRow([{ text: terminalSafe(fit(vm.text, rect.width)), tags }]) };
        painter.rows([drawn.row]);
      }
    },
  };
}
