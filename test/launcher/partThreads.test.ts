// Each part's share of the cores here; one thread per part under openMosix.
import { describe, expect, it } from 'vitest';
import { partThreads } from '../../src/launcher/partThreads.js';

describe('partThreads', () => {
  it('gives parts that run here their share of the cores', () => {
    expect(partThreads({ cores: 8, parts: 4, openMosix: false })).toEqual({ threads: 2, warning: null });
    expect(partThreads({ cores: 2, parts: 1, openMosix: false })).toEqual({ threads: 2, warning: null });
    expect(partThreads({ cores: 6, parts: 4, openMosix: false })).toEqual({ threads: 1, warning: null });
  });

  it('warns when parts outnumber the cores with no cluster to spread them', () => {
    expect(partThreads({ cores: 2, parts: 4, openMosix: false })).toEqual({
      threads: 1,
      warning: '4 parts on 2 core(s) and no openMosix cluster to spread them: they share these cores, so more than 2 part(s) only add blender start-ups and memory',
    });
  });

  it('keeps one thread per part under openMosix, so that every part can migrate, and does not warn', () => {
    expect(partThreads({ cores: 2, parts: 4, openMosix: true })).toEqual({ threads: 1, warning: null });
    expect(partThreads({ cores: 16, parts: 2, openMosix: true })).toEqual({ threads: 1, warning: null });
  });

  it("takes the user's --threads, still warning about too many parts", () => {
    expect(partThreads({ cores: 8, parts: 2, openMosix: true, requested: 3 })).toEqual({ threads: 3, warning: null });
    expect(partThreads({ cores: 1, parts: 2, openMosix: false, requested: 1 }).warning).toMatch(/^2 parts on 1 core\(s\)/);
  });
});
