// A bordered list pane (nodes, history, processes, render): title, optional column header, lines.
import blessed from 'blessed';
import type { Rect } from '../../view/layout.js';
import { fit } from '../../text/format.js';
import type { PaneVm } from '../../view/tableVm.js';
import { escapeTags, type Theme } from '../theme.js';

export interface PaneWidget {
  readonly element: blessed.Widgets.BoxElement;
  render(vm: PaneVm, rect: Rect): void;
}

export function createPane(screen: blessed.Widgets.Screen, theme: Theme): PaneWidget {
  const element = blessed.box({ parent: screen, border: { type: 'line' }, tags: true, wrap: false, style: { border: {} } });
  return {
    element,
    render(vm, rect) {
      Object.assign(element, { left: rect.left, top: rect.top, width: rect.width, height: rect.height });
      element.setLabel(vm.focused ? ` ▶ ${vm.title} ` : ` ${vm.title} `);
      const borderColour = theme.border(vm.focused);
      if (borderColour !== undefined) element.style.border = { fg: borderColour };
      const width = Math.max(0, rect.width - 2);
      const rows: string[] = [];
      if (vm.header !== null) rows.push(`{bold}${escapeTags(fit(vm.header, width))}{/bold}`);
      for (const line of vm.lines) {
        const text = theme.tone(line.tone, escapeTags(fit(line.text, width)));
        // The focused pane's selection is inverse; elsewhere it stays visible but quieter.
        rows.push(line.selected ? (vm.focused ? `{inverse}${text}{/inverse}` : `{underline}${text}{/underline}`) : text);
      }
      element.setContent(rows.join('\n'));
    },
  };
}
