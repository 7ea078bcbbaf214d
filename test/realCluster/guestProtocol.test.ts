// The serial-console protocol: what is typed, and how the VM's answer is read back, checked on
// the bytes a real CHAOS VM sent (fixtures/real-cluster/serial/) and on hand-made streams.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeTty, fetchLine, GuestStreamReader, MAX_PENDING_BYTES, quoteWord, startLine, type GuestEvent } from './lib/guestProtocol.js';

const SERIAL = join(import.meta.dirname, '../../fixtures/real-cluster/serial');
const b = (text: string): Buffer => Buffer.from(text, 'latin1');
const frames = (events: GuestEvent[]) => events.flatMap((event) => (event.type === 'frame' ? [{ tag: event.tag, exitCode: event.exitCode, stdout: event.stdout.toString('latin1'), stderr: event.stderr.toString('latin1') }] : []));

describe('what is typed', () => {
  it('quotes every word for the guest shell, single quotes included', () => {
    expect(quoteWord('getload')).toBe("'getload'");
    expect(quoteWord("it's")).toBe(`'it'\\''s'`);
    expect(quoteWord('')).toBe("''");
    expect(quoteWord('$HOME; rm -rf /')).toBe("'$HOME; rm -rf /'");
  });

  it('refuses what cannot be typed on a serial console', () => {
    expect(() => quoteWord('a\nb')).toThrow(/printable ASCII/);
    expect(() => quoteWord('\u0003')).toThrow(/printable ASCII/);
    expect(() => quoteWord('größe')).toThrow(/printable ASCII/);
  });

  it('starts a command in the background and fetches its result by tag', () => {
    expect(startLine('tabc123', ['/sbin/mosctl', 'getload', '2'])).toBe("B tabc123 '/sbin/mosctl' 'getload' '2'\n");
    expect(fetchLine('tabc123')).toBe('F tabc123\n');
    expect(() => startLine('x', ['ls'])).toThrow(/bad tag/);
    expect(() => startLine('tabc123', [])).toThrow(/no command/);
  });
});

describe('decodeTty', () => {
  it('undoes the tty turning each newline into CR LF, and nothing else', () => {
    expect(decodeTty(b('load=5\r\n')).toString()).toBe('load=5\n');
    expect(decodeTty(b('a\rb\r\r\n')).toString()).toBe('a\rb\r\n');
    expect(decodeTty(b('')).length).toBe(0);
    expect(decodeTty(b('\x00\xff\r')).toString('latin1')).toBe('\x00\xff\r');
  });
});

describe('GuestStreamReader', () => {
  const stream = b(
    "B tabcdef '/sbin/mosctl' 'getload' '3'\r\n\x01tabcdef\r\n" + // our typing echoed, then the start
      '\x05tabcdef\x06F tabcdef\r\n' + // done, and the fetch echoed
      '\x02tabcdef 0\r\n\x03tabcdef\r\nNode #3 is not con\x05tzzzzzz\x06figured\r\n\x04tabcdef\r\n' + // a notice inside
      '\x02tzzzzzz 3\r\nno newline\x03tzzzzzz\r\n\x04tzzzzzz\r\n',
  );

  it('reports starts, ends and frames, cutting notices out of the middle of a frame', () => {
    const events = new GuestStreamReader().feed(stream);
    expect(events.filter((e) => e.type !== 'frame')).toEqual([
      { type: 'started', tag: 'tabcdef' },
      { type: 'finished', tag: 'tabcdef' },
      { type: 'finished', tag: 'tzzzzzz' },
    ]);
    expect(frames(events)).toEqual([
      { tag: 'tabcdef', exitCode: 0, stdout: '', stderr: 'Node #3 is not configured\n' },
      { tag: 'tzzzzzz', exitCode: 3, stdout: 'no newline', stderr: '' },
    ]);
  });

  it('gives the same events however the bytes are split', () => {
    const whole = new GuestStreamReader().feed(stream);
    const reader = new GuestStreamReader();
    const byteByByte = [...stream].flatMap((byte) => reader.feed(Buffer.from([byte])));
    expect(byteByByte).toEqual(whole);
  });

  it('skips what is not a marker, and a frame header that is not one', () => {
    const events = new GuestStreamReader().feed(b('[/]_# junk\r\n\x02not a header\r\n\x01BAD TAG\r\n\x01tgoodtag\r\n'));
    expect(events).toEqual([{ type: 'started', tag: 'tgoodtag' }]);
  });

  it('fails rather than hold an endless answer', () => {
    const reader = new GuestStreamReader();
    reader.feed(b('\x02tabcdef 0\r\n'));
    expect(() => reader.feed(Buffer.alloc(MAX_PENDING_BYTES))).toThrow(/without a complete answer/);
  });

  it('reads what a real VM sent: two commands side by side, an exit status, no final newline, quoting', () => {
    const transcript = readFileSync(join(SERIAL, 'transcript.bin'));
    const got = frames(new GuestStreamReader().feed(transcript));
    expect(got).toHaveLength(4);
    const byOutput = (test: (f: (typeof got)[number]) => boolean) => got.filter(test);
    expect(byOutput((f) => /^load=\d+\n$/.test(f.stdout) && f.stderr === '' && f.exitCode === 0)).toHaveLength(1);
    expect(byOutput((f) => f.stdout === '' && f.stderr === 'Node #3 is not configured\n' && f.exitCode === 0)).toHaveLength(1);
    expect(byOutput((f) => f.stdout === 'no final newline' && f.stderr === 'to stderr\n' && f.exitCode === 3)).toHaveLength(1);
    expect(byOutput((f) => f.stdout === 'it\'s a "quoted" word\n' && f.stderr === '' && f.exitCode === 0)).toHaveLength(1);
    // The raw bytes really carry the tty's CR LF, and our own typing echoed back.
    expect(transcript.includes(b('\r\n'))).toBe(true);
    expect(transcript.includes(b("'/sbin/mosctl' 'getload' '3'"))).toBe(true);
  });
});
