// detectRenders reads a script render from a process's words; a command line with no .blend in it
// is passed over without being split (it cannot be one), which must find exactly what splitting finds.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectRenders } from '../../src/observer/detect.js';
import type { ProcessSnapshot } from '../../src/model/snapshot.js';
import type { ProcessDetails } from '../../src/runner/watchSources.js';
import { commandWords, parseRenderScript } from '../../parsers/renderCommand.js';

function proc(pid: number, command: string): ProcessSnapshot {
  return { pid, user: 'alice', node: 1, home: 1, migrated: false, stat: 'S', cpu: 0, mem: 0, timeSeconds: 0, command, isBlender: false };
}

const none = new Map<number, ProcessDetails>();

describe('detectRenders, script renders', () => {
  it('finds render scripts by their words, whatever the case of .blend, and nothing in other command lines', () => {
    const processes = [
      proc(10, 'sh /opt/render scene.BLEND 0 100 4'),
      proc(11, '/usr/bin/vim notes.txt'),
      proc(12, 'render tutorial.blend 1 235 4'),
      proc(13, 'render tutorial.blender 1 235 4'),
    ];
    const found = detectRenders({ processes, details: none, exclude: new Set() });
    expect(found.map((render) => render.kind === 'script' ? [render.pid, render.render.blendFile] : null)).toEqual([[10, 'scene.BLEND'], [12, 'tutorial.blend']]);
  });

  it('reads the words from /proc when it has them, even where the process table shows none with .blend', () => {
    const details = new Map<number, ProcessDetails>([[20, { pid: 20, ppid: 1, argv: ['render', 'a.blend', '1', '10', '2'], startedAt: null, cwd: '/tmp' }]]);
    const found = detectRenders({ processes: [proc(20, '(render)')], details, exclude: new Set() });
    expect(found).toHaveLength(1);
    expect(found[0]?.kind === 'script' ? found[0].render.parts : null).toBe(2);
  });

  it('finds a script exactly where the parser reads one from the split command line (random command lines)', () => {
    const word = fc.constantFrom('sh', 'bash', '-e', 'render', '/opt/render.sh', 'x.blend', 'X.BLEND', 'y.blend1', 'a.blender', '1', '10', '4', 'vim', '.blend', '');
    const number = fc.constantFrom('1', '10', '4', 'x', '-2');
    // Near-renders too: a script, a file, three numbers, each maybe off.
    const nearRender = fc.tuple(fc.constantFrom('render', '/opt/render.sh', 'bash', 'vim'), fc.constantFrom('x.blend', 'X.BLEND', 'y.blend1', 'a.txt'), number, number, number)
      .map((words) => [...words]);
    const line = fc.oneof(fc.array(word, { maxLength: 7 }), nearRender);
    let renders = 0;
    fc.assert(fc.property(fc.array(line, { maxLength: 5 }), fc.constantFrom(' ', '  ', '\0'), (lines, separator) => {
      const processes = lines.map((words, i) => proc(100 + i, words.join(separator)));
      const found = detectRenders({ processes, details: none, exclude: new Set() }).map((render) => render.kind === 'script' ? render.pid : -1);
      const expected = processes.filter((p) => parseRenderScript(commandWords(p.command)) !== null).map((p) => p.pid);
      expect(found).toEqual(expected);
      renders += found.length;
    }), { numRuns: 2000 });
    expect(renders).toBeGreaterThan(20);
  });
});
