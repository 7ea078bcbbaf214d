import { describe, expect, it } from 'vitest';
import { blenderCliFormat, normalizeImageFormat } from '../../src/launcher/imageFormat.js';

describe('image formats', () => {
  it('accepts the Python names, -F names and common extensions', () => {
    expect(normalizeImageFormat('jpg')).toBe('JPEG');
    expect(normalizeImageFormat('TGA')).toBe('TARGA');
    expect(normalizeImageFormat('open_exr')).toBe('OPEN_EXR');
    expect(normalizeImageFormat('FFMPEG')).toBeNull();
  });

  it('spells -F the way blender expects', () => {
    expect(blenderCliFormat('TARGA')).toBe('TGA');
    expect(blenderCliFormat('PNG')).toBe('PNG');
  });
});
