// The render watch's seam on this machine: /proc/PID of a real child (a tutorial-style command
// line, its parent, start and working directory), a real folder, and no blender to ask.
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createProcRenderSources } from '../../src/backends/renderSources.js';

const dir = mkdtempSync(join(tmpdir(), 'omtop-sources-'));
const sources = createProcRenderSources({ env: { PATH: '/nonexistent' }, cwd: dir });
// A stand-in for the script: sh, a script path, then FILE START END PARTS, sleeping meanwhile.
writeFileSync(join(dir, 'render'), 'sleep 30\n');
const child = spawn('sh', [join(dir, 'render'), 'scene.blend', '1', '235', '4'], { cwd: dir, stdio: 'ignore' });

afterAll(() => {
  if (child.pid !== undefined) process.kill(child.pid, 'SIGTERM');
});

describe('the render watch\'s sources on this machine', () => {
  it('reads a process\'s parent, argv, start and working directory from /proc, and leaves out one that has gone', async () => {
    const pid = child.pid ?? -1;
    const details = await sources.processDetails([pid, 2 ** 30]);
    expect(details.get(pid)).toMatchObject({ pid, ppid: process.pid, argv: ['sh', join(dir, 'render'), 'scene.blend', '1', '235', '4'], cwd: dir });
    const started = details.get(pid)?.startedAt ?? 0;
    expect(Math.abs(started - Date.now())).toBeLessThan(120_000);
    expect(details.has(2 ** 30)).toBe(false);
  });

  it('lists the files a name filter accepts, with sizes and times; a missing folder is a line', async () => {
    writeFileSync(join(dir, '0001.jpg'), 'x'.repeat(10));
    writeFileSync(join(dir, 'notes.txt'), 'x');
    const listing = await sources.listDirectory(dir, (name) => name.endsWith('.jpg'));
    expect(listing.ok && listing.entries.map((e) => [e.name, e.size])).toEqual([['0001.jpg', 10]]);
    expect(await sources.listDirectory(join(dir, 'nope'), () => true)).toEqual({ ok: false, error: expect.stringMatching(/^cannot list .*nope: /) });
  });

  it('says where frames go is unknown when there is no blender to ask', async () => {
    expect(await sources.blendOutput({ blendFile: join(dir, 'scene.blend'), scene: null, format: null }))
      .toEqual({ ok: false, error: 'blender is not installed here, so where the .blend writes is unknown' });
  });
});
