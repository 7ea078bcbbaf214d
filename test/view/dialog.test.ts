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

  it('the render form says where frames will go: blender\'s answer for the .blend, or the folder typed', () => {
    const form = { kind: 'renderForm' as const, fields: { ...EMPTY_RENDER_FORM, file: 'a.blend' }, field: 'start' as const, error: null };
    const known = toDialogVm({ ...form, destination: { kind: 'known', file: 'a.blend', pattern: '/tmp/####.png' } }, ui, 120, 40);
    expect(known?.lines.map((l) => l.text)).toContain('Frames go to /tmp/####.png (the .blend\'s own output path)');
    const typed = toDialogVm({ ...form, fields: { ...form.fields, output: '/srv/out/' }, destination: { kind: 'known', file: 'a.blend', pattern: '/tmp/####.png' } }, ui, 120, 40);
    expect(typed?.lines.map((l) => l.text)).toContain('Frames go to /srv/out/frame_####.png');
    const asking = toDialogVm({ ...form, destination: { kind: 'asking', file: 'a.blend' } }, ui, 120, 40);
    expect(asking?.lines.map((l) => l.text)).toContain('Frames go to … (asking blender)');
    const unknown = toDialogVm({ ...form, destination: { kind: 'unknown', file: 'a.blend', error: 'a.blend is not a .blend file' } }, ui, 120, 40);
    expect(unknown?.lines.find((l) => l.text.startsWith('Frames go to ?'))).toMatchObject({ text: 'Frames go to ? (a.blend is not a .blend file)', tone: 'error' });
  });

  it('a picker keeps the chosen option in view', () => {
    const options = Array.from({ length: 30 }, (_, i) => ({ label: `N${i}`, value: String(i) }));
    const vm = toDialogVm({ kind: 'picker', title: 'Migrate 1 to', purpose: 'migrate', pid: 1, options, list: listWith('25', 25) }, ui, 80, 12);
    expect(vm?.lines.find((l) => l.selected)?.text).toBe('N25');
    expect(vm?.lines).toHaveLength(10);
  });
});
