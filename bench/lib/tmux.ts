// A private tmux server (its own socket, no user config) for running programs in a pseudo-terminal.
import { execa } from 'execa';

export interface TmuxServer {
  /** Starts argv in a new detached session of cols×rows; returns the pid of the pane's process. */
  start(session: string, argv: readonly string[], cwd: string, cols: number, rows: number): Promise<number>;
  /** The visible text of a session's pane. */
  capture(session: string): Promise<string>;
  kill(): Promise<void>;
}

export function createTmuxServer(socketName: string): TmuxServer {
  const tmux = (args: readonly string[]) => execa('tmux', ['-L', socketName, '-f', '/dev/null', ...args], { reject: false, stdin: 'ignore' });
  return {
    async start(session, argv, cwd, cols, rows) {
      // Several words after the options: tmux runs them as an argv, without a shell.
      const started = await tmux(['new-session', '-d', '-s', session, '-x', String(cols), '-y', String(rows), '-c', cwd, ...argv]);
      if (started.exitCode !== 0) throw new Error(`tmux new-session ${session} failed: ${String(started.stderr).trim()}`);
      const listed = await tmux(['list-panes', '-t', session, '-F', '#{pane_pid}']);
      const pid = Number(String(listed.stdout).trim().split('\n')[0]);
      if (!Number.isInteger(pid) || pid <= 0) throw new Error(`tmux gave no pane pid for ${session}: ${String(listed.stderr).trim()}`);
      return pid;
    },
    async capture(session) {
      const captured = await tmux(['capture-pane', '-p', '-t', session]);
      return String(captured.stdout);
    },
    async kill() {
      await tmux(['kill-server']);
    },
  };
}
