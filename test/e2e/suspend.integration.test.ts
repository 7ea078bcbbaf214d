// Ctrl-Z and kill -TSTP on the dashboard in a real shell (bash with job control, in tmux): the shell
// gets the terminal back (no alternate screen), what is typed goes to the shell, fg redraws.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HAVE_TMUX, TmuxSession } from '../helpers/tmux.js';
import { processesMentioning } from '../launcher/support/blender.js';

const root = resolve(import.meta.dirname, '../..');
const SEED = '424242';

describe.skipIf(!HAVE_TMUX)(`omtop suspended and resumed in bash${HAVE_TMUX ? '' : ' (skipped: tmux is not installed)'}`, () => {
  const tmux = new TmuxSession('suspend');
  afterAll(() => tmux.stop());

  // Generous waits: on a busy machine omtop can take many seconds to start or redraw.
  const WAIT_MS = 60_000;
  // Drawn whole: the node pane and the footer (the last line) are there.
  const inDashboard = (): Promise<string> =>
    tmux.waitFor((t) => /Nodes \(4\)/.test(t) && /\? Help/.test(t.trimEnd().split('\n').at(-1) ?? '') && tmux.paneFormat('#{alternate_on}') === '1', 'the dashboard', WAIT_MS);
  const atPrompt = (what: string): Promise<string> =>
    tmux.waitFor((t) => /Stopped/.test(t) && /^\$\s*$/m.test(t) && tmux.paneFormat('#{alternate_on}') === '0', what, WAIT_MS);

  it('Ctrl-Z and kill -TSTP hand the terminal to the shell; typed text goes there; fg redraws', async () => {
    tmux.start("env PS1='$ ' bash --norc --noprofile -i", root);
    await tmux.waitFor((t) => /^\$\s*$/m.test(t), 'the shell prompt', WAIT_MS);
    // Alone on its line: in `omtop; echo $?` bash would run the echo as soon as omtop is stopped.
    tmux.type(`node bin/omtop.js --demo --seed ${SEED}`);
    tmux.press('Enter');
    await inDashboard();

    tmux.press('C-z');
    await atPrompt('the shell after Ctrl-Z');
    // `s` would toggle stay on the selected node if omtop still read the keyboard.
    tmux.type('s; echo typed-while-stopped');
    tmux.press('Enter');
    await tmux.waitFor((t) => /^typed-while-stopped$/m.test(t), 'the shell running what was typed', WAIT_MS);
    tmux.type('fg');
    tmux.press('Enter');
    const back = (await inDashboard()).trimEnd().split('\n');
    // The status line (above the footer) names no action: the `s` went to the shell.
    expect(back.at(-2)).not.toMatch(/stay/i);
    expect(back.at(-1)).toMatch(/\? Help/);
    // Mouse reporting is on again after fg, SGR included (clicks land at any width).
    expect(tmux.paneFormat('#{mouse_any_flag} #{mouse_sgr_flag}')).toBe('1 1');

    const [pid] = processesMentioning(SEED).filter((p) => readFileSync(`/proc/${p}/cmdline`, 'utf8').startsWith('node'));
    expect(pid).toBeGreaterThan(0);
    process.kill(pid ?? 0, 'SIGTSTP');
    await atPrompt('the shell after kill -TSTP');
    tmux.type('fg');
    tmux.press('Enter');
    await inDashboard();

    tmux.press('q');
    await tmux.waitFor((t) => /^\$\s*$/m.test(t) && tmux.paneFormat('#{alternate_on}') === '0', 'the shell after q', WAIT_MS);
    tmux.type('echo "omtop exited with $?"');
    tmux.press('Enter');
    await tmux.waitFor((t) => /^omtop exited with 0$/m.test(t), 'exit status 0', WAIT_MS);
  }, 480_000);
});
