// Typing on a VM's VGA console through QEMU's human monitor (`sendkey`): the only way into a
// CHAOS VM before its shell listens on the serial port.
import { connect } from 'node:net';
import { sleep } from './wait.js';

const NAMED: Readonly<Record<string, string>> = {
  ' ': 'spc', '\n': 'ret', '/': 'slash', '-': 'minus', '.': 'dot', '=': 'equal', ',': 'comma', ';': 'semicolon',
  "'": 'apostrophe', '\\': 'backslash', '<': 'shift-comma', '>': 'shift-dot', '&': 'shift-7', '|': 'shift-backslash',
  '"': 'shift-apostrophe', '$': 'shift-4', '_': 'shift-minus', ':': 'shift-semicolon', '(': 'shift-9', ')': 'shift-0',
};

/** The monitor's key names for `text` (US layout), one per character; throws for a character it cannot type. */
export function keysFor(text: string): string[] {
  return [...text].map((char) => {
    if (/^[a-z0-9]$/.test(char)) return char;
    if (/^[A-Z]$/.test(char)) return `shift-${char.toLowerCase()}`;
    const named = NAMED[char];
    if (named === undefined) throw new RangeError(`no key for ${JSON.stringify(char)}`);
    return named;
  });
}

/** Types `text` and Enter on the VM's console; resolves once every key was sent. */
export async function typeOnConsole(monitorSocket: string, text: string, keyGapMs = 40): Promise<void> {
  const keys = keysFor(`${text}\n`);
  const socket = connect(monitorSocket);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('error', reject);
  });
  // The monitor's own echo is not needed: read and drop it so its buffer never fills.
  socket.on('data', () => undefined);
  try {
    await sleep(200);
    for (const key of keys) {
      socket.write(`sendkey ${key}\n`);
      await sleep(keyGapMs);
    }
    await sleep(300);
  } finally {
    socket.destroy();
  }
}
