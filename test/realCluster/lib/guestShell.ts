// One VM's serial console as a command runner: the connection to QEMU's serial socket, the boot
// log, taking over the root shell, and running commands with the protocol of guestProtocol.ts.
// Foreground lines (start a command, fetch a result) go one at a time; the commands themselves
// run side by side in the guest.
import { randomBytes } from 'node:crypto';
import { connect, type Socket } from 'node:net';
import { fetchLine, GUEST_FUNCTIONS, GuestStreamReader, startLine, type GuestEvent, type GuestResult } from './guestProtocol.js';
import { sleep, waitUntil } from './wait.js';

export interface RunInGuestOptions {
  /** @default 60000 */
  readonly timeoutMs?: number;
}

interface Foreground {
  readonly line: string;
  readonly expect: { readonly type: 'started' | 'frame'; readonly tag: string };
  readonly done: (error?: Error) => void;
}

interface Pending {
  readonly resolve: (result: GuestResult) => void;
  readonly reject: (error: Error) => void;
}

/** How long one foreground line may take before the shell counts as lost (TCG on a busy host is slow). */
const FOREGROUND_TIMEOUT_MS = 30_000;
const BOOT_LOG_KEEP = 64 * 1024;

export const newTag = (): string => `t${randomBytes(5).toString('hex')}`;

export class GuestShell {
  readonly #socket: Socket;
  readonly #reader = new GuestStreamReader();
  #bootLog = '';
  #closed: Error | null = null;
  readonly #queue: Foreground[] = [];
  #current: (Foreground & { timer: NodeJS.Timeout }) | null = null;
  readonly #pending = new Map<string, Pending>();
  readonly #probes = new Set<string>();
  #probeAnswered = false;
  #tap: ((chunk: Buffer) => void) | null = null;

  private constructor(socket: Socket, readonly name: string) {
    this.#socket = socket;
    socket.on('data', (chunk: Buffer) => this.#onData(chunk));
    socket.on('error', (error) => this.#fail(new Error(`${name}: serial console: ${error.message}`)));
    socket.on('close', () => this.#fail(new Error(`${name}: serial console closed (the VM stopped)`)));
  }

  /** Connects to QEMU's serial socket, retrying while QEMU is still creating it. */
  static async connect(path: string, name: string, timeoutMs = 30_000): Promise<GuestShell> {
    let lastError = '';
    const socket = await waitUntil(`${name}'s serial socket ${path}`, timeoutMs, async () => {
      try {
        return await new Promise<Socket>((resolve, reject) => {
          const s = connect(path);
          s.once('connect', () => resolve(s));
          s.once('error', reject);
        });
      } catch (error) {
        lastError = (error as Error).message;
        return null;
      }
    }, () => lastError);
    return new GuestShell(socket, name);
  }

  /** What the VM printed on its serial port so far (boot messages; kept to the last 64 KiB). */
  get bootLog(): string {
    return this.#bootLog;
  }

  /** Every byte read from the serial port from now on goes to `listener` too (null: stop). */
  tap(listener: ((chunk: Buffer) => void) | null): void {
    this.#tap = listener;
  }

  get closed(): boolean {
    return this.#closed !== null;
  }

  async waitForText(text: string, timeoutMs: number): Promise<void> {
    await waitUntil(`${this.name} to print "${text}"`, timeoutMs, () => {
      if (this.#closed) throw this.#closed;
      return this.#bootLog.includes(text) ? true : null;
    }, () => `last output: ${JSON.stringify(this.#bootLog.slice(-300))}`);
  }

  /**
   * Moves the VM's root shell onto the serial port: `type` types the exec line on the VGA console
   * (QEMU's monitor); the first attempt is sometimes lost, so it is repeated until the shell answers.
   */
  async takeOver(type: () => Promise<void>, attempts = 8, probesPerAttempt = 6): Promise<void> {
    for (let attempt = 1; attempt <= attempts && !this.#probeAnswered; attempt += 1) {
      await type();
      for (let i = 0; i < probesPerAttempt && !this.#probeAnswered; i += 1) {
        if (this.#closed) throw this.#closed;
        const probe = newTag();
        this.#probes.add(probe);
        this.#socket.write(`echo -e "\\001${probe}"\n`);
        for (let waited = 0; waited < 700 && !this.#probeAnswered; waited += 50) await sleep(50);
      }
    }
    if (!this.#probeAnswered) throw new Error(`${this.name}: the shell never answered on the serial port after ${attempts} attempts`);
    for (const command of GUEST_FUNCTIONS) await this.#synced(command);
  }

  /** Runs argv in the guest; resolves with its stdout, stderr and exit status. */
  run(argv: readonly string[], options: RunInGuestOptions = {}): Promise<GuestResult> {
    if (this.#closed) return Promise.reject(this.#closed);
    const tag = newTag();
    let line: string;
    try {
      line = startLine(tag, argv);
    } catch (error) {
      return Promise.reject(error as Error);
    }
    const timeoutMs = options.timeoutMs ?? 60_000;
    return new Promise<GuestResult>((resolve, reject) => {
      let settled = false;
      const finish = (settle: () => void): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        settle();
      };
      // After a timeout the tag stays pending: its result is still fetched (which deletes the
      // guest's files) and then dropped.
      const timer = setTimeout(() => finish(() => reject(new Error(`${this.name}: ${argv.join(' ')}: no answer within ${timeoutMs} ms`))), timeoutMs);
      timer.unref();
      this.#pending.set(tag, { resolve: (result) => finish(() => resolve(result)), reject: (error) => finish(() => reject(error)) });
      this.#enqueue({ line, expect: { type: 'started', tag }, done: (error) => error && this.#pending.get(tag)?.reject(error) });
    });
  }

  close(): void {
    this.#socket.destroy();
  }

  /** Runs a foreground command and waits until the shell has done it. */
  #synced(command: string): Promise<void> {
    const tag = newTag();
    const line = `${command}; echo -e "\\001${tag}"\n`;
    return new Promise((resolve, reject) => this.#enqueue({ line, expect: { type: 'started', tag }, done: (error) => (error ? reject(error) : resolve()) }));
  }

  #enqueue(item: Foreground): void {
    this.#queue.push(item);
    this.#pump();
  }

  #pump(): void {
    if (this.#current || this.#closed) return;
    const next = this.#queue.shift();
    if (!next) return;
    const timer = setTimeout(() => {
      const last = JSON.stringify(this.#bootLog.slice(-160));
      this.#fail(new Error(`${this.name}: the shell stopped answering (${next.line.trim()}); the serial port last sent ${last}`));
    }, FOREGROUND_TIMEOUT_MS);
    timer.unref();
    this.#current = { ...next, timer };
    this.#socket.write(next.line);
  }

  #onData(chunk: Buffer): void {
    this.#tap?.(chunk);
    this.#bootLog = (this.#bootLog + chunk.toString('latin1')).slice(-BOOT_LOG_KEEP);
    let events: GuestEvent[];
    try {
      events = this.#reader.feed(chunk);
    } catch (error) {
      this.#fail(error as Error);
      return;
    }
    for (const event of events) this.#onEvent(event);
  }

  #onEvent(event: GuestEvent): void {
    if (event.type === 'started' && this.#probes.delete(event.tag)) this.#probeAnswered = true;
    if (event.type === 'finished' && this.#pending.has(event.tag)) {
      this.#enqueue({ line: fetchLine(event.tag), expect: { type: 'frame', tag: event.tag }, done: () => undefined });
    }
    if (event.type === 'frame') {
      const entry = this.#pending.get(event.tag);
      this.#pending.delete(event.tag);
      entry?.resolve({ stdout: event.stdout, stderr: event.stderr, exitCode: event.exitCode });
    }
    const current = this.#current;
    if (current && current.expect.type === event.type && current.expect.tag === event.tag) {
      clearTimeout(current.timer);
      this.#current = null;
      current.done();
      this.#pump();
    }
  }

  #fail(error: Error): void {
    if (this.#closed) return;
    this.#closed = error;
    if (this.#current) {
      clearTimeout(this.#current.timer);
      this.#current.done(error);
      this.#current = null;
    }
    for (const item of this.#queue.splice(0)) item.done(error);
    for (const entry of this.#pending.values()) entry.reject(error);
    this.#pending.clear();
    this.#socket.destroy();
  }
}
