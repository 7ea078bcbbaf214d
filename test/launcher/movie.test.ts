// The movie tools' command lines, word by word (assembly with the real tools: movie.integration.test.ts).
import { describe, expect, it } from 'vitest';
import { ffmpegArgs, mencoderArgs, type MovieRequest } from '../../src/launcher/movie.js';

describe('movie command lines', () => {
  const request: MovieRequest = { file: '/o/m.mp4', fps: 12, width: 33, height: 25, ffmpeg: null, ffprobe: null, mencoder: null };

  it('ffmpeg: -start_number, even-size scale, yuv420p', () => {
    const args = ffmpegArgs('/seq', '.png', request);
    expect(args.slice(args.indexOf('-framerate'), args.indexOf('-framerate') + 2)).toEqual(['-framerate', '12']);
    expect(args.slice(args.indexOf('-start_number'), args.indexOf('-start_number') + 4)).toEqual(['-start_number', '1', '-i', '/seq/%06d.png']);
    expect(args).toContain('scale=trunc(iw/2)*2:trunc(ih/2)*2');
    expect(args.at(-1)).toBe('/o/m.mp4');
  });

  it("mencoder: the tutorial's mf options (w, h, fps) and -ovc copy for JPEG frames", () => {
    expect(mencoderArgs('/seq', '.jpg', { ...request, file: '/o/m.avi' })).toEqual([
      'mf:///seq/*.jpg', '-mf', 'w=33:h=25:fps=12:type=jpg', '-ovc', 'copy', '-o', '/o/m.avi',
    ]);
  });
});
