import { describe, expect, it } from 'vitest';
import { EMPTY_RENDER_FORM, movieFileFor, toRenderRequest } from '../../src/reducer/renderForm.js';
import { reduceUi } from '../../src/reducer/reduce.js';
import { initialUiState } from '../../src/state/ui.js';
import { fakeSnapshot } from '../helpers/fakeBackend.js';

describe('toRenderRequest', () => {
  const form = { ...EMPTY_RENDER_FORM, file: '/r/blacksmith jpeg.blend', start: '1', end: '235', parts: '4' };

  it('turns the tutorial\'s arguments into a request', () => {
    // Frames already on disk are refused: the dashboard then asks resume / overwrite / cancel.
    expect(toRenderRequest(form)).toEqual({ blendFile: '/r/blacksmith jpeg.blend', start: 1, end: 235, parts: 4, existing: 'refuse' });
    expect(toRenderRequest({ ...form, output: ' /tmp/out ', movie: true, noDenoising: true })).toEqual({
      blendFile: '/r/blacksmith jpeg.blend', start: 1, end: 235, parts: 4, existing: 'refuse', outDir: '/tmp/out', noDenoising: true,
      movie: '/tmp/out/blacksmith jpeg.mp4',
    });
  });

  it('says what is wrong in one line', () => {
    expect(toRenderRequest({ ...form, file: ' ' })).toBe('the .blend file is required');
    expect(toRenderRequest({ ...form, end: 'ten' })).toBe('end frame must be a whole number, got "ten"');
    expect(toRenderRequest({ ...form, start: '9', end: '3' })).toBe('start frame 9 is after end frame 3');
    expect(toRenderRequest({ ...form, parts: '0' })).toBe('parts must be at least 1');
  });

  it('puts the movie next to the .blend without an output dir', () => {
    expect(movieFileFor('/home/u/scene.blend', undefined)).toBe('/home/u/scene.mp4');
  });
});

describe('the render form on a Slurm cluster', () => {
  it('offers "Run on" (here / Slurm) only where Slurm is shown, and a Slurm choice reaches the request', () => {
    const request = toRenderRequest;
    const empty = EMPTY_RENDER_FORM;
    const shown = { rows: 5, total: 5 };
    const fieldsAfterTabs = (backend: 'demo' | 'slurm'): string[] => {
      const ctx = { snapshot: fakeSnapshot({ backend }), jobs: [], shown };
      let ui = reduceUi(initialUiState({ readonly: false, intervalMs: 2000 }), { type: 'key', id: 'openRenderForm' }, ctx).ui;
      const seen: string[] = [];
      for (let i = 0; i < 7; i++) {
        ui = reduceUi(ui, { type: 'overlayMove', delta: 1 }, ctx).ui;
        if (ui.overlay?.kind === 'renderForm') seen.push(ui.overlay.field);
      }
      return seen;
    };
    expect(fieldsAfterTabs('demo')).not.toContain('slurm');
    expect(fieldsAfterTabs('slurm')).toContain('slurm');
    expect(request({ ...empty, file: 'a.blend', end: '4', slurm: true })).toMatchObject({ blendFile: 'a.blend', slurm: true });
    expect(request({ ...empty, file: 'a.blend', end: '4' })).not.toHaveProperty('slurm');
  });
});
