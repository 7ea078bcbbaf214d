// omtop's dashboard in a real pseudo-terminal: a tmux server of our own (its own socket name),
// one session, the screen read back as text. Stopped with kill-server on that socket.
import { execFileSync } from 'node:child_process';
import { waitUntil } from './wait.js';

export class TmuxScreen {
  readonly #socket = `omtop-real-${process.pid}-${Date.now().toString(36)}`;

  /** Starts `command` (a shell line) in a `cols`×`rows` session in `cwd`, with `env` set for it. */
  constructor(command: string, options: { cwd: string; env: Record<string, string>; cols?: number; rows?: number }) {
    const envArgs = Object.entries(options.env).flatMap(([name, value]) => ['-e', `${name}=${value}`]);
    this.#tmux('new-session', '-d', '-s', 'omtop', '-x', String(options.cols ?? 120), '-y', String(options.rows ?? 40), '-c', options.cwd, ...envArgs, command);
  }

  screen(): string {
    return this.#tmux('capture-pane', '-p', '-t', 'omtop');
  }

  /** One key per send-keys: Esc followed at once by another key would read as Alt+key. */
  press(key: string): void {
    this.#tmux('send-keys', '-t', 'omtop', key);
  }

  type(text: string): void {
    this.#tmux('send-keys', '-t', 'omtop', '-l', text);
  }

  waitFor(what: string, check: (screen: string) => boolean, timeoutMs = 60_000): Promise<string> {
    let last = '';
    return waitUntil(what, timeoutMs, () => {
      last = this.screen();
      return check(last) ? last : null;
    }, () => `screen was:\n${last}`, 250);
  }

  stop(): void {
    try {
      this.#tmux('kill-server');
    } catch {
      // Already gone: the server exits by itself when its last session ends.
    }
  }

  #tmux(...args: string[]): string {
    return execFileSync('tmux', ['-L', this.#socket, ...args], { encoding: 'utf8' });
  }
}
