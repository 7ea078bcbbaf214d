// The mouse through a real pseudo-terminal (tmux): omtop --demo turns mouse reporting on in the
// terminal (and off again on exit), a click that the terminal reports selects the row under it,
// and --no-mouse leaves the mouse to the terminal. tmux's own mouse mode is off, so the bytes
// typed with send-keys reach omtop as a terminal's mouse report would.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const socket = `omtop-mouse-${process.pid}`;
const dir = mkdtempSync(join(tmpdir(), 'omtop-mouse-'));

const tmux = (...args: string[]): string => execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
const screen = (session: string): string => tmux('capture-pane', '-p', '-t', session);
/** Which mouse reports the program in the pane asked for: any tracking, and SGR (1006) encoding. */
const mouseFlags = (session: string): string => tmux('display-message', '-p', '-t', session, '#{mouse_any_flag} #{mouse_sgr_flag}').trim();

async function waitFor(check: () => boolean, what: string, text: () => string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`timed out waiting for ${what}; screen was:\n${text()}`);
}

function start(session: string, extra: string): string {
  const exitFile = join(dir, `${session}-exit`);
  const command = `node bin/omtop.js --demo --seed 7 ${extra}; echo $? > ${exitFile}; sleep 60`;
  tmux('new-session', '-d', '-s', session, '-x', '120', '-y', '40', '-c', root, '-e', 'NCURSES_NO_UTF8_ACS=1', command);
  return exitFile;
}

const HAVE_TMUX = spawnSync('tmux', ['-V']).status === 0;

it('tmux is installed where OMTOP_REQUIRE_BLENDER=1 (CI) requires the external tools', () => {
  expect(HAVE_TMUX || process.env.OMTOP_REQUIRE_BLENDER !== '1', 'tmux is not installed').toBe(true);
});

describe.skipIf(!HAVE_TMUX)(`the mouse in tmux${HAVE_TMUX ? '' : ' (skipped: tmux is not installed)'}`, () => {
  afterAll(() => {
    try {
      tmux('kill-server');
    } catch {
      // Already gone: the server exits by itself when its last session ends.
    }
  });

  it('a click selects the process under it; the terminal gets its mouse back on exit', async () => {
    const exitFile = start('on', '');
    await waitFor(() => /Nodes \(4\)/.test(screen('on')) && /│ +\d+ root /.test(screen('on')), 'the first snapshot', () => screen('on'));
    expect(mouseFlags('on')).toBe('1 1');
    const lines = screen('on').split('\n');
    // The second process row: the first is selected when the pane is focused, so a click there proves nothing.
    const rows = lines.map((l, y) => ({ y, m: /^│ +(\d+) root /.exec(l) })).filter((r) => r.m !== null);
    const target = rows[1];
    expect(target).toBeDefined();
    const pid = target?.m?.[1] ?? '';
    const y = (target?.y ?? 0) + 1;
    // Press and release of the left button at column 10, as SGR (1006) reports them (1-based).
    tmux('send-keys', '-t', 'on', '-l', `\x1b[<0;10;${y}M\x1b[<0;10;${y}m`);
    await waitFor(() => screen('on').includes('▶ Processes'), 'focus on the processes pane', () => screen('on'));
    // Enter shows the selected process: the one clicked.
    tmux('send-keys', '-t', 'on', 'Enter');
    await waitFor(() => screen('on').includes(`Process ${pid} ·`), `the detail view of ${pid}`, () => screen('on'));
    tmux('send-keys', '-t', 'on', 'Escape');
    await waitFor(() => !screen('on').includes(`Process ${pid} ·`), 'the detail view to close', () => screen('on'));
    tmux('send-keys', '-t', 'on', 'q');
    await waitFor(() => existsSync(exitFile), 'exit', () => screen('on'));
    expect(mouseFlags('on')).toBe('0 0');
  }, 120_000);

  it('--no-mouse asks the terminal for no mouse reports', async () => {
    const exitFile = start('off', '--no-mouse');
    await waitFor(() => /Nodes \(4\)/.test(screen('off')), 'the first snapshot', () => screen('off'));
    expect(mouseFlags('off')).toBe('0 0');
    tmux('send-keys', '-t', 'off', 'q');
    await waitFor(() => existsSync(exitFile), 'exit', () => screen('off'));
  }, 120_000);
});
