// GuestShell against a stand-in for the VM's serial port: a socket that behaves as CHAOS's shell
// does on ttyS0 (echoes what is typed, CR LF line ends, commands in the background announcing
// their end whenever they finish), so taking over the shell, commands side by side, a command
// that never ends and a VM that goes away are checked without QEMU.
import { mkdtempSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { GuestShell } from './lib/guestShell.js';

interface Script {
  /** By argv joined with spaces: what the command prints and how long it takes (Infinity: never ends). */
  readonly [command: string]: { readonly stdout?: string; readonly stderr?: string; readonly exitCode?: number; readonly ms?: number };
}

const crlf = (text: string): string => text.replaceAll('\n', '\r\n');

/** The stand-in VM. The shell listens on the serial port only once `attach()` was called. */
function fakeSerial(script: Script) {
  const dir = mkdtempSync(join(tmpdir(), 'omtop-serial-'));
  const path = join(dir, '1.serial');
  let attached = false;
  let peer: Socket | null = null;
  const results = new Map<string, { stdout: string; stderr: string; exitCode: number }>();
  const received: string[] = [];
  const onLine = (socket: Socket, line: string): void => {
    received.push(line);
    if (!attached) return; // nobody reads ttyS0 yet: the line is lost
    socket.write(`${line}\r\n`); // the echo
    const sync = /echo -e "\\001([a-z0-9]+)"$/.exec(line);
    if (sync) return void socket.write(`\x01${sync[1]}\r\n`);
    const start = /^B ([a-z0-9]+) (.*)$/.exec(line);
    if (start) {
      const [, tag = '', words = ''] = start;
      const argv = [...words.matchAll(/'((?:[^']|'\\'')*)'/g)].map(([, word = '']) => word.replaceAll(`'\\''`, "'"));
      const plan = script[argv.join(' ')] ?? { stderr: `${argv[0]}: not found\n`, exitCode: 127 };
      socket.write(`\x01${tag}\r\n`);
      if (plan.ms === Infinity) return;
      setTimeout(() => {
        results.set(tag, { stdout: plan.stdout ?? '', stderr: plan.stderr ?? '', exitCode: plan.exitCode ?? 0 });
        socket.write(`\x05${tag}\x06`);
      }, plan.ms ?? 0);
      return;
    }
    const fetch = /^F ([a-z0-9]+)$/.exec(line);
    const result = fetch ? results.get(fetch[1] ?? '') : undefined;
    if (fetch && result) {
      const tag = fetch[1] ?? '';
      socket.write(crlf(`\x02${tag} ${result.exitCode}\n${result.stdout}\x03${tag}\n${result.stderr}\x04${tag}\n`));
    }
  };
  const server: Server = createServer((socket) => {
    peer = socket;
    let text = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => {
      text += chunk;
      for (let end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n')) {
        onLine(socket, text.slice(0, end));
        text = text.slice(end + 1);
      }
    });
    socket.write('Uncompressing Linux... Ok\r\n[Initialized CHAOS]\r\n');
  });
  return {
    path,
    server,
    received,
    listen: () => new Promise<void>((resolve) => server.listen(path, resolve)),
    attach: () => { attached = true; },
    /** The VM stops: its end of the serial socket closes. */
    stop: () => { peer?.destroy(); server.close(); },
  };
}

describe('GuestShell', () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

  async function shellOn(script: Script, typeAttempts = 1) {
    const vm = fakeSerial(script);
    await vm.listen();
    cleanups.push(vm.stop);
    const shell = await GuestShell.connect(vm.path, 'node 1');
    cleanups.push(() => shell.close());
    await shell.waitForText('Initialized CHAOS', 5_000);
    let typed = 0;
    await shell.takeOver(async () => {
      typed += 1;
      // The first typing is lost, as it sometimes is on the real console.
      if (typed >= typeAttempts) vm.attach();
    }, 8, 2);
    return { vm, shell, typed: () => typed };
  }

  it('types again until the shell answers on the serial port, then defines its helpers', async () => {
    const { vm, typed } = await shellOn({}, 2);
    expect(typed()).toBe(2);
    expect(vm.received.some((line) => line.startsWith('set +m'))).toBe(true);
    expect(vm.received.some((line) => line.startsWith('B(){'))).toBe(true);
  });

  it('gives stdout, stderr and the exit status of a command apart', async () => {
    const { shell } = await shellOn({ '/sbin/mosctl getload 3': { stderr: 'Node #3 is not configured\n' }, '/bin/false': { exitCode: 1 } });
    const result = await shell.run(['/sbin/mosctl', 'getload', '3']);
    expect([result.stdout.toString(), result.stderr.toString(), result.exitCode]).toEqual(['', 'Node #3 is not configured\n', 0]);
    expect((await shell.run(['/bin/false'])).exitCode).toBe(1);
  });

  it('runs commands side by side: a slow one does not hold up a quick one', async () => {
    const { shell } = await shellOn({
      '/sbin/mps auxww': { stdout: 'USER PID\nroot 1\n', ms: 400 },
      '/sbin/mosctl getload 1': { stdout: 'load=7\n', ms: 10 },
    });
    const order: string[] = [];
    const slow = shell.run(['/sbin/mps', 'auxww']).then((r) => order.push(r.stdout.toString()));
    const quick = shell.run(['/sbin/mosctl', 'getload', '1']).then((r) => order.push(r.stdout.toString()));
    await Promise.all([slow, quick]);
    expect(order).toEqual(['load=7\n', 'USER PID\nroot 1\n']);
  });

  it('gives up on a command that never ends, and keeps answering others', async () => {
    const { shell } = await shellOn({ '/bin/cat /proc/64/stat': { ms: Infinity }, '/sbin/mosctl whois': { stdout: 'This is openMosix #1\n' } });
    await expect(shell.run(['/bin/cat', '/proc/64/stat'], { timeoutMs: 300 })).rejects.toThrow('node 1: /bin/cat /proc/64/stat: no answer within 300 ms');
    expect((await shell.run(['/sbin/mosctl', 'whois'])).stdout.toString()).toBe('This is openMosix #1\n');
  });

  it('fails every waiting command with a plain reason when the VM goes away', async () => {
    const { vm, shell } = await shellOn({ '/bin/sleep 100': { ms: Infinity } });
    const waiting = shell.run(['/bin/sleep', '100']);
    await new Promise((resolve) => setTimeout(resolve, 50));
    vm.stop();
    await expect(waiting).rejects.toThrow('node 1: serial console closed (the VM stopped)');
    await expect(shell.run(['/sbin/mosctl', 'whois'])).rejects.toThrow(/serial console closed/);
    expect(shell.closed).toBe(true);
  });

  it('refuses what cannot be typed, before sending anything', async () => {
    const { shell, vm } = await shellOn({});
    const before = vm.received.length;
    await expect(shell.run(['/bin/echo', 'two\nlines'])).rejects.toThrow(/printable ASCII/);
    expect(vm.received.length).toBe(before);
  });
});
