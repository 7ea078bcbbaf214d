import { describe, expect, it } from 'vitest';
import { initialUiState } from '../../src/state/ui.js';
import { EMPTY_RENDER_FORM } from '../../src/reducer/renderForm.js';
import { listAt, listWith } from '../../src/state/list.js';
import { helpDialog, toDialogVm } from '../../src/view/dialog.js';
import { toHelpLines } from '../../src/view/footer.js';

const ui = initialUiState({ readonly: false, intervalMs: 2000 });

describe('dialogs', () => {
  it('the help scrolls on a small screen and says where it is', () => {
    const total = toHelpLines(ui).length;
    const top = helpDialog(ui, listAt(0), 80, 24);
    expect(top.height).toBe(24);
    expect(top.title).toBe(`Keys (↑/↓ scroll, 1-22 of ${total}) · Esc closes`);
    const end = helpDialog(ui, listAt(999), 80, 24);
    expect(end.lines.at(-1)?.text).toContain('In dialogs');
  });

  it('the help is one column when it fits, two on a wide but short screen', () => {
    const total = toHelpLines(ui).length;
    const tall = helpDialog(ui, listAt(0), 120, 60);
    expect(tall.title).toBe('Keys · Esc closes');
    expect(tall.lines).toHaveLength(total);
    const wideShort = helpDialog(ui, listAt(0), 200, 30);
    expect(wideShort.title).toBe('Keys · Esc closes');
    expect(wideShort.lines).toHaveLength(Math.ceil(total / 2));
    expect(wideShort.lines[0]?.text).toContain(' │ ');
  });

  it('the render form marks the current field and shows the problem', () => {
    const vm = toDialogVm({ kind: 'renderForm', fields: { ...EMPTY_RENDER_FORM, file: 'a.blend' }, field: 'end', error: 'end frame must be a whole number, got ""' }, ui, 120, 40);
    expect(vm?.lines.map((l) => l.text)).toEqual([
      '.blend file  a.blend', 'Start frame  1', 'End frame    _', 'Parts        4', 'Output dir   ', 'Movie        [ ] off (space toggles)',
      'No denoising [ ] off (space toggles; Debian\'s blender has no OpenImageDenoise)',
      '', 'Frames go to the .blend\'s own output path (Tab asks blender)', 'end frame must be a whole number, got ""',
    ]);
    expect(vm?.lines[2]?.selected).toBe(true);
    expect(vm?.lines[9]?.tone).toBe('error');
  });

  it('a picker keeps the chosen option in view', () => {
    const options = Array.from({ length: 30 }, (_, i) => ({ label: `N${i}`, value: String(i) }));
    const vm = toDialogVm({ kind: 'picker', title: 'Migrate 1 to', purpose: 'migrate', pid: 1, options, list: listWith('25', 25) }, ui, 80, 12);
    expect(vm?.lines.find((l) => l.selected)?.text).toBe('N25');
    expect(vm?.lines).toHaveLength(10);
  });
});
