// The dashboard on the openmosix backend with a hostile mosctl (a grandchild that keeps stdout
// open): the data still comes, and q ends omtop (no orphaned process holding on).
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pathWithHostileTool } from '../helpers/fakeTools.js';
import { HAVE_TMUX, TmuxSession } from '../helpers/tmux.js';
import { processesMentioning } from '../launcher/support/blender.js';

const root = resolve(import.meta.dirname, '../..');

describe.skipIf(!HAVE_TMUX)(`omtop with a tool whose grandchild keeps stdout open${HAVE_TMUX ? '' : ' (skipped: tmux is not installed)'}`, () => {
  const tmux = new TmuxSession('hostile');
  afterAll(() => tmux.stop());

  it('shows the load it printed, and q ends omtop, leaving no grandchild behind', async () => {
    const exitFile = join(mkdtempSync(join(tmpdir(), 'omtop-e2e-hostile-')), 'exit-code');
    const path = pathWithHostileTool('mosctl', 'getload) setsid sleep 1000.85 & echo load=75; exit 0;;');
    // In the command itself: a login shell in the pane would set PATH again.
    tmux.start(`export PATH='${path}'; node bin/omtop.js --backend openmosix --timeout 5; echo $? > ${exitFile}; sleep 60`, root);
    const shown = await tmux.waitFor((t) => /│\s+266 .* up\s+75 /.test(t), 'node 266 with load 75', 60_000);
    expect(shown).toMatch(/Nodes \(4\)/);
    tmux.press('q');
    await tmux.waitFor(() => existsSync(exitFile), 'omtop to exit after q', 30_000);
    expect(readFileSync(exitFile, 'utf8').trim()).toBe('0');
    expect(processesMentioning('1000.85')).toEqual([]);
  }, 120_000);
});
