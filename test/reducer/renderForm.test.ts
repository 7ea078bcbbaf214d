import { describe, expect, it } from 'vitest';
import { EMPTY_RENDER_FORM, movieFileFor, toRenderRequest } from '../../src/reducer/renderForm.js';

describe('toRenderRequest', () => {
  const form = { ...EMPTY_RENDER_FORM, file: '/r/blacksmith jpeg.blend', start: '1', end: '235', parts: '4' };

  it('turns the tutorial\'s arguments into a request', () => {
    expect(toRenderRequest(form)).toEqual({ blendFile: '/r/blacksmith jpeg.blend', start: 1, end: 235, parts: 4 });
    expect(toRenderRequest({ ...form, output: ' /tmp/out ', movie: true }))
      .toEqual({ blendFile: '/r/blacksmith jpeg.blend', start: 1, end: 235, parts: 4, outDir: '/tmp/out', movie: '/tmp/out/blacksmith jpeg.mp4' });
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
