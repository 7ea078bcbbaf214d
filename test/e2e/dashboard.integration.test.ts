// omtop --demo in a real pseudo-terminal (tmux): start, read the screen, act, quit cleanly.
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAVE_TMUX, TmuxSession } from '../helpers/tmux.js';

const root = resolve(import.meta.dirname, '../..');
const exitFile = join(mkdtempSync(join(tmpdir(), 'omtop-e2e-')), 'exit-code');
const tmux = new TmuxSession('dashboard');
const screen = (): string => tmux.screen();
const press = (key: string): void => tmux.press(key);
const waitFor = (check: (text: string) => boolean, what: string, timeoutMs?: number): Promise<string> => tmux.waitFor(check, what, timeoutMs);

// CI (.ci/run) installs tmux and sets OMTOP_REQUIRE_BLENDER=1, which requires every external tool
// the tests use; elsewhere a machine without tmux skips this file with the reason in its name.
it('tmux is installed where OMTOP_REQUIRE_BLENDER=1 (CI) requires the external tools', () => {
  expect(HAVE_TMUX || process.env.OMTOP_REQUIRE_BLENDER !== '1', 'tmux is not installed').toBe(true);
});

describe.skipIf(!HAVE_TMUX)(`omtop --demo in tmux${HAVE_TMUX ? '' : ' (skipped: tmux is not installed)'}`, () => {
  beforeAll(() => {
    // The exit code goes to a file, and the pane stays open afterwards so the screen can be read.
    tmux.start(`node bin/omtop.js --demo --seed 7; echo $? > ${exitFile}; sleep 60`, root);
  });

  afterAll(() => tmux.stop());

  it('shows the cluster, migrates a process from the keyboard, and quits restoring the terminal', async () => {
    const first = await waitFor((t) => /Nodes \(4\)/.test(t) && /\(blender\)/.test(t), 'the first snapshot');
    expect(first).toMatch(/^omtop · demo backend · local N261/m);
    expect(first).toMatch(/│ \*261 .* 8240 /);
    expect(first).toMatch(/│\s+266 .* 26842 /);
    expect(first).toMatch(/┌─ Processes \d+\/\d+ · sort %CPU ▼ · blender only/);

    press('Tab');
    await waitFor((t) => t.includes('▶ Processes'), 'focus on the processes pane');
    press('h');
    const status = await waitFor((t) => /^migrate \d+ home: /m.test(t) && !/running…/.test(t), 'the result of "send home"');
    // The demo's blender parts run at home or on a node that lets them go: sending one home
    // succeeds, and the status line says where it is now (or that it was home already).
    expect(status).toMatch(/^migrate \d+ home: (now home on N261 \(was N\d+\)|already home.*)$/m);

    press('?');
    // The title says how far the help is scrolled when it is longer than the screen.
    await waitFor((t) => /Keys( \(.*\))? · Esc closes/.test(t), 'the help');
    press('Escape');
    await waitFor((t) => !/Keys( \(.*\))? · Esc closes/.test(t), 'the help to close');

    press('q');
    await waitFor(() => existsSync(exitFile), 'exit', 10_000);
    expect(readFileSync(exitFile, 'utf8').trim()).toBe('0');
    // The alternate screen is gone: the shell's screen is back, without the dashboard's borders.
    const after = screen();
    expect(after).not.toContain('Nodes (4)');
    expect(after).not.toMatch(/[┌└│]/);
  }, 120_000);
});
