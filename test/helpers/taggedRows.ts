// The panes' rows as blessed content, tagged and escape-coded, as src/ui/widgets/pane.ts drew them
// before they were painted as cells: the reference the cell tests compare the screen against
// (test/ui/widgets/cells.test.ts), and the picture encoding's own tests (pane.test.ts).
import { fit } from '../../src/text/format.js';
import { escapeTags, type Theme } from '../../src/ui/theme.js';
import { markedStretches } from '../../src/ui/widgets/pane.js';
import { luminance, type PictureVm } from '../../src/view/picture.js';
import type { LineVm } from '../../src/view/tableVm.js';

/** Without colour (NO_COLOR), each cell's two pixels become one shade. */
const SHADES = [' ', '░', '▒', '▓', '█'];

/**
 * One line as tagged content: its tone, what the filter matched marked, and the selection (inverse
 * in the focused pane, underlined elsewhere) opened again after every stretch, because blessed's
 * closing tag ends every attribute.
 */
export function lineContent(line: LineVm, width: number, focused: boolean, theme: Theme): string {
  const text = fit(line.text, width);
  const open = line.selected ? (focused ? '{inverse}' : '{underline}') : '';
  const stretches = line.marks === undefined || line.marks.length === 0 ? [[text, false] as [string, boolean]] : markedStretches(text, line.marks);
  const body = stretches.map(([part, marked]) => `${open}${marked ? theme.mark(escapeTags(part)) : theme.tone(line.tone, escapeTags(part))}`).join('');
  return open === '' ? body : `${body}{/}`;
}

/**
 * Half blocks: the upper pixel is the cell's foreground, the lower its background. Each cell's two
 * colours as one escape code, left out where the cell before had the same two, and the attributes
 * reset once at the row's end: the same cells as a `{fg}{bg}▀{/}` tag set per cell, which made
 * blessed parse three tags and three escape codes for every cell of every frame.
 */
export function pictureRows(picture: PictureVm, theme: Theme, codes: (rgb: number, layer: 'fg' | 'bg') => string): string[] {
  const indent = ' '.repeat(picture.indent);
  return picture.rows.map((cells) => {
    if (!theme.color) return indent + cells.map(([upper, lower]) => SHADES[Math.min(4, Math.floor(((luminance(upper) + luminance(lower)) / 2 / 256) * 5))] ?? ' ').join('');
    let row = indent;
    let last = '';
    for (const [upper, lower] of cells) {
      const code = `${codes(upper, 'fg')};${codes(lower, 'bg')}`;
      row += code === last ? '▀' : `\x1b[${code}m▀`;
      last = code;
    }
    return last === '' ? row : `${row}\x1b[m`;
  });
}
