// What each widget last handed to blessed, so a frame costs only what changed on screen.
// blessed's setContent clears the box and parses the whole text again (tags, wrapping, attributes)
// even when the text is the one it already holds, and setLabel sets the label's text again; the
// profile of `omtop --demo -d 1` put a quarter of its CPU there. A widget sets each only when it
// differs from the last one set.
import type blessed from 'blessed';

export interface Retained {
  /** Sets the content when it differs from the last one set; true when it did. */
  content(text: string): boolean;
  /** Sets the label when it differs from the last one set; true when it did. */
  label(text: string): boolean;
}

export function retain(element: blessed.Widgets.BlessedElement): Retained {
  let content: string | null = null;
  let label: string | null = null;
  return {
    content(text) {
      if (text === content) return false;
      content = text;
      element.setContent(text);
      return true;
    },
    label(text) {
      if (text === label) return false;
      label = text;
      element.setLabel(text);
      return true;
    },
  };
}

interface WithLineAttributes {
  readonly childBase?: number;
  _parseAttr(lines: string[]): number[] | undefined;
}

/**
 * blessed works out the attribute each content line starts with (every escape code parsed again)
 * on every setContent and on every render, though it reads them only to draw a box scrolled down
 * (Element.render: `ci > 0`). omtop's boxes do not scroll (the view models window their lines), so
 * theirs are worked out only if one ever is scrolled: the same cells, a fifth less CPU per frame.
 */
export function skipLineAttributes<T extends blessed.Widgets.BlessedElement>(element: T): T {
  const target = element as unknown as WithLineAttributes;
  const parseAttr = target._parseAttr;
  target._parseAttr = function skippedUnlessScrolled(this: WithLineAttributes, lines) {
    return (this.childBase ?? 0) > 0 ? parseAttr.call(this, lines) : undefined;
  };
  return element;
}
