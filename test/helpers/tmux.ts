// A private tmux server for end-to-end tests: one session running a command in a real pseudo-
// terminal, whose screen can be read and to which keys can be sent.
import { execFileSync, spawnSync } from 'node:child_process';

export const HAVE_TMUX = spawnSync('tmux', ['-V']).status === 0;

export class TmuxSession {
  private readonly socket: string;

  constructor(name: string, readonly session = 'omtop') {
    this.socket = `omtop-test-${name}-${process.pid}`;
  }

  tmux(...args: string[]): string {
    return execFileSync('tmux', ['-L', this.socket, ...args], { encoding: 'utf8' });
  }

  /** Starts `command` (run by the default shell) in a 120x40 window whose current folder is `cwd`. */
  start(command: string, cwd: string, env: Readonly<Record<string, string>> = {}): void {
    const vars = Object.entries({ NCURSES_NO_UTF8_ACS: '1', ...env }).flatMap(([key, value]) => ['-e', `${key}=${value}`]);
    this.tmux('new-session', '-d', '-s', this.session, '-x', '120', '-y', '40', '-c', cwd, ...vars, command);
  }

  screen(): string {
    return this.tmux('capture-pane', '-p', '-t', this.session);
  }

  /** One key per send-keys: Esc followed at once by another key would read as Alt+key. */
  press(key: string): void {
    this.tmux('send-keys', '-t', this.session, key);
  }

  /** Text typed as it is (no key names). */
  type(text: string): void {
    this.tmux('send-keys', '-t', this.session, '-l', text);
  }

  /** A tmux format evaluated for the pane, e.g. `#{alternate_on}`. */
  paneFormat(format: string): string {
    return this.tmux('display-message', '-p', '-t', this.session, format).trim();
  }

  async waitFor(check: (text: string) => boolean, what: string, timeoutMs = 15_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    let text = '';
    while (Date.now() < deadline) {
      text = this.screen();
      if (check(text)) return text;
      await new Promise((r) => setTimeout(r, 150));
    }
    throw new Error(`timed out waiting for ${what}; screen was:\n${text}`);
  }

  stop(): void {
    try {
      this.tmux('kill-server');
    } catch {
      // Already gone: the server exits by itself when its last session ends.
    }
  }
}
