// One line of text without border: header, alert, status and footer.
import blessed from 'blessed';
import type { Rect } from '../../view/layout.js';
import { fit } from '../../text/format.js';
import type { Tone } from '../../view/tableVm.js';
import { escapeTags, type Theme } from '../theme.js';
import { retain, skipLineAttributes } from './retained.js';

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
  const element = skipLineAttributes(blessed.box({ parent: screen, height: 1, tags: true, wrap: false }));
  const drawn = retain(element);
  return {
    element,
    render(vm, rect) {
      if (rect === null) {
        element.hide();
        return;
      }
      element.show();
      Object.assign(element, { left: rect.left, top: rect.top, width: rect.width, height: 1 });
      const text = theme.tone(vm.tone, escapeTags(fit(vm.text, rect.width)));
      drawn.content(vm.bar === true ? `{inverse}${text}{/inverse}` : text);
    },
  };
}
