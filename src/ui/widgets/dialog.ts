// A centred box over the panes: help, confirmation, pickers, the render form.
import blessed from 'blessed';
import { fit } from '../../text/format.js';
import type { DialogVm } from '../../view/dialog.js';
import { escapeTags, type Theme } from '../theme.js';
import { retain, skipLineAttributes } from './retained.js';

export interface DialogWidget {
  readonly element: blessed.Widgets.BoxElement;
  render(vm: DialogVm | null): void;
}

export function createDialog(screen: blessed.Widgets.Screen, theme: Theme): DialogWidget {
  const element = skipLineAttributes(blessed.box({ parent: screen, border: { type: 'line' }, tags: true, wrap: false, top: 'center', left: 'center', hidden: true }));
  const drawn = retain(element);
  return {
    element,
    render(vm) {
      if (vm === null) {
        element.hide();
        return;
      }
      Object.assign(element, { width: vm.width, height: vm.height, top: 'center', left: 'center' });
      const border = theme.border(true);
      if (border !== undefined) element.style.border = { fg: border };
      drawn.label(` ${escapeTags(vm.title)} `);
      const width = Math.max(0, vm.width - 2);
      drawn.content(vm.lines.map((line) => {
        const text = theme.tone(line.tone, escapeTags(fit(line.text, width)));
        return line.selected ? `{inverse}${text}{/inverse}` : text;
      }).join('\n'));
      element.show();
      element.setFront();
    },
  };
}
