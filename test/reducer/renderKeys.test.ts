// The render pane's keys and what the app tells the reducer about renders: details, rendering what
// is missing, stopping a render omtop found, the preview, quitting with renders running, and the
// form (blender's answer about the .blend, a refusal, frames already on disk).
import { describe, expect, it } from 'vitest';
import { reduceUi, type ReduceContext } from '../../src/reducer/reduce.js';
import { EMPTY_RENDER_FORM } from '../../src/reducer/renderForm.js';
import type { UiEvent } from '../../src/reducer/events.js';
import type { RenderJobView } from '../../src/launcher/types.js';
import { initialUiState, type UiState } from '../../src/state/ui.js';
import { fakeJob, fakeSnapshot } from '../helpers/fakeBackend.js';

const base: UiState = { ...initialUiState({ readonly: false, intervalMs: 2000 }), focus: 'render' };
const ctxWith = (jobs: RenderJobView[]): ReduceContext => ({ snapshot: fakeSnapshot(), jobs, shown: { rows: 5, total: 10 } });
const key = (id: Parameters<typeof reduceUi>[1] extends infer E ? E extends { type: 'key'; id: infer K } ? K : never : never): UiEvent => ({ type: 'key', id });

const REQUEST = { blendFile: '/root/blacksmith/blacksmith-jpeg.blend', start: 1, end: 235, parts: 3, existing: 'resume' as const };
const observed = (patch: Partial<RenderJobView> = {}): RenderJobView => fakeJob({
  id: 'script-1159', origin: 'observed', command: '/bin/sh render blacksmith-jpeg.blend 1 235 4', pids: [1159, 1166, 1169, 1172, 1175], ...patch,
});

describe('render pane keys', () => {
  it('Enter opens the selected job\'s details; Esc closes them', () => {
    const opened = reduceUi(base, key('jobDetail'), ctxWith([fakeJob()]));
    expect(opened.ui.overlay).toMatchObject({ kind: 'jobDetail', jobId: 'r1' });
    expect(reduceUi(opened.ui, { type: 'dismiss' }, ctxWith([fakeJob()])).ui.overlay).toBeNull();
  });

  it('R starts the launcher on what an ended render left missing, and says why not otherwise', () => {
    const ended = observed({ state: 'finished', framesMissing: '1,234-235', resume: { request: REQUEST, command: 'omtop render …' } });
    const started = reduceUi(base, key('renderMissing'), ctxWith([ended]));
    expect(started.effects).toEqual([{ kind: 'startRender', request: REQUEST }]);
    expect(started.ui.status).toEqual({ text: 'rendering frames 1,234-235 of /home/user/blacksmith.blend…', kind: 'running' });
    const running = reduceUi(base, key('renderMissing'), ctxWith([observed()]));
    expect(running.effects).toEqual([]);
    expect(running.ui.status?.text).toBe('the render is still running: R renders what it left missing once it has finished');
    const complete = reduceUi(base, key('renderMissing'), ctxWith([observed({ state: 'finished', framesMissing: '' })]));
    expect(complete.ui.status?.text).toBe('nothing is missing: every frame of the render is on disk');
    const readOnly = reduceUi({ ...base, readonly: true }, key('renderMissing'), ctxWith([ended]));
    expect(readOnly.effects).toEqual([]);
  });

  it('c on a render omtop found asks, then stops its processes (never its frames)', () => {
    const asked = reduceUi(base, key('cancelRender'), ctxWith([observed()]));
    expect(asked.ui.overlay).toMatchObject({
      kind: 'confirm',
      question: 'Stop /bin/sh render blacksmith-jpeg.blend 1 235 4 (5 processes: 1159 1166 1169 1172 1175)? Frames on disk are kept.',
    });
    const yes = reduceUi(asked.ui, { type: 'confirmYes' }, ctxWith([observed()]));
    expect(yes.effects).toEqual([{ kind: 'stopObserved', jobId: 'script-1159', pids: [1159, 1166, 1169, 1172, 1175] }]);
  });

  it('p turns the preview off and on', () => {
    const off = reduceUi(base, key('togglePreview'), ctxWith([]));
    expect(off.ui.preview).toBe(false);
    expect(reduceUi(off.ui, key('togglePreview'), ctxWith([])).ui.preview).toBe(true);
  });
});

describe('quitting with renders running', () => {
  it('asks first while a render of this session runs; a second q (or Ctrl-C) says yes', () => {
    const asked = reduceUi(base, key('quit'), ctxWith([fakeJob()]));
    expect(asked.effects).toEqual([]);
    expect(asked.ui.overlay).toMatchObject({ kind: 'confirm', question: '1 render running: stop it and quit? Finished frames are kept.' });
    expect(reduceUi(asked.ui, key('quit'), ctxWith([fakeJob()])).effects).toEqual([{ kind: 'quit' }]);
    expect(reduceUi(asked.ui, { type: 'confirmYes' }, ctxWith([fakeJob()])).effects).toEqual([{ kind: 'quit' }]);
  });

  it('quits at once when only renders omtop found are running (they are not omtop\'s to stop)', () => {
    expect(reduceUi(base, key('quit'), ctxWith([observed(), fakeJob({ state: 'finished' })])).effects).toEqual([{ kind: 'quit' }]);
  });
});

describe('the render form and the app\'s news', () => {
  const form = (fields = { ...EMPTY_RENDER_FORM, file: 'scene.blend' }): UiState => ({ ...base, overlay: { kind: 'renderForm', fields, field: 'start', error: null } });

  it('fills Start and End from the .blend and shows where frames go; never overwrites what was typed', () => {
    const answer: UiEvent = { type: 'blendInspected', file: 'scene.blend', result: { ok: true, pattern: '/tmp/####.png', frameStart: 1, frameEnd: 250 } };
    const filled = reduceUi(form(), answer, ctxWith([])).ui.overlay;
    expect(filled).toMatchObject({ fields: { start: '1', end: '250' }, destination: { kind: 'known', pattern: '/tmp/####.png' } });
    const typed = reduceUi(form({ ...EMPTY_RENDER_FORM, file: 'scene.blend', end: '40' }), answer, ctxWith([])).ui.overlay;
    expect(typed).toMatchObject({ fields: { start: '1', end: '40' } });
    // An answer about a file no longer in the form is old news.
    expect(reduceUi(form({ ...EMPTY_RENDER_FORM, file: 'other.blend' }), answer, ctxWith([])).ui.overlay).toMatchObject({ fields: { end: '' } });
  });

  it('comes back as typed, with the reason, when the render did not start; reopening keeps what was typed', () => {
    const fields = { ...EMPTY_RENDER_FORM, file: 'missing.blend', end: '9' };
    const refused = reduceUi(base, { type: 'renderRefused', request: { ...REQUEST, existing: 'refuse' }, fields, error: 'cannot read missing.blend: no such file', framesExist: null }, ctxWith([]));
    expect(refused.ui.overlay).toMatchObject({ kind: 'renderForm', fields, error: 'cannot read missing.blend: no such file' });
    const closed = reduceUi(refused.ui, { type: 'dismiss' }, ctxWith([]));
    expect(reduceUi(closed.ui, key('openRenderForm'), ctxWith([])).ui.overlay).toMatchObject({ kind: 'renderForm', fields });
  });

  it('asks resume / overwrite / cancel when frames exist, and starts the render as chosen', () => {
    const fields = { ...EMPTY_RENDER_FORM, file: 'scene.blend', end: '40' };
    const request = { blendFile: 'scene.blend', start: 1, end: 40, parts: 4, existing: 'refuse' as const };
    const asked = reduceUi(base, { type: 'renderRefused', request, fields, error: '…', framesExist: { existing: 12, total: 40, folder: '/tmp/x' } }, ctxWith([]));
    expect(asked.ui.overlay).toMatchObject({ kind: 'framesExist', question: '12 of 40 frames already exist in /tmp/x.' });
    const resume = reduceUi(asked.ui, { type: 'overlayChoose' }, ctxWith([]));
    expect(resume.effects).toEqual([{ kind: 'startRender', request: { ...request, existing: 'resume' }, fields }]);
    const overwrite = reduceUi(reduceUi(asked.ui, { type: 'overlayMove', delta: 1 }, ctxWith([])).ui, { type: 'overlayChoose' }, ctxWith([]));
    expect(overwrite.effects).toEqual([{ kind: 'startRender', request: { ...request, existing: 'overwrite' }, fields }]);
    const cancel = reduceUi(reduceUi(asked.ui, { type: 'overlayMove', delta: 2 }, ctxWith([])).ui, { type: 'overlayChoose' }, ctxWith([]));
    expect(cancel.effects).toEqual([]);
    expect(cancel.ui.status?.text).toBe('render not started; the frames on disk are untouched');
  });

  it('the No denoising switch toggles with space and goes into the request', () => {
    const onSwitch: UiState = { ...base, overlay: { kind: 'renderForm', fields: { ...EMPTY_RENDER_FORM, file: 'a.blend', end: '3' }, field: 'noDenoising', error: null } };
    const on = reduceUi(onSwitch, { type: 'textInput', text: ' ' }, ctxWith([]));
    expect(on.ui.overlay).toMatchObject({ fields: { noDenoising: true } });
    expect(reduceUi(on.ui, { type: 'overlayChoose' }, ctxWith([])).effects[0]).toMatchObject({ request: { noDenoising: true } });
  });
});
