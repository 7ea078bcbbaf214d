// How a host program runs commands in a CHAOS VM's root shell over its serial port, with stdout,
// stderr and the exit status kept apart. The guest has BusyBox 1.00 ash and no stty, so the line
// echoes what we type and the tty turns every "\n" it prints into "\r\n"; markers are therefore
// control bytes that only appear in what the shell prints (we type them as `\\002` escapes), and
// the output is decoded by undoing exactly that one translation.
//
// Every command runs in the background of the one shell, so a command that blocks in the kernel
// (reading a process whose node died blocks for many minutes on a real openMosix) does not stop
// the others:
//   B TAG ARGV…   start it; the shell answers "\x01TAG" at once, and when the command ends its
//                 subshell prints "\x05TAG\x06" in a single write (so it can land anywhere in the
//                 stream, even inside another command's frame, and is cut out first);
//   F TAG         print the frame: "\x02TAG RC\n" stdout "\x03TAG\n" stderr "\x04TAG\n".
// Only the foreground shell prints frames, one at a time, so frames never interleave.

/** Defines B and F in the guest's shell; sent once, after `set +m` (no job-control chatter). */
export const GUEST_FUNCTIONS = [
  'set +m',
  'PS1=',
  'B(){ t=$1; shift; ("$@" </dev/null >/tmp/$t.o 2>/tmp/$t.e; echo $? >/tmp/$t.r; echo -n -e "\\005$t\\006") & echo -e "\\001$t"; }',
  'F(){ read r </tmp/$1.r; echo -e "\\002$1 $r"; cat /tmp/$1.o; echo -e "\\003$1"; cat /tmp/$1.e; echo -e "\\004$1"; rm -f /tmp/$1.o /tmp/$1.e /tmp/$1.r; }',
] as const;

/** A word the guest's shell receives unchanged inside single quotes: printable ASCII only. */
const TYPABLE = /^[\x20-\x7e]*$/;

/** Tags are short and plain so they never need quoting and never occur by chance in tool text. */
export const TAG_PATTERN = /^[a-z][a-z0-9]{5,15}$/;

export function quoteWord(word: string): string {
  if (!TYPABLE.test(word)) throw new RangeError(`cannot type ${JSON.stringify(word)} on the serial console: printable ASCII only`);
  return `'${word.replaceAll("'", `'\\''`)}'`;
}

/** The line that starts `argv` in the background of the guest's shell. */
export function startLine(tag: string, argv: readonly string[]): string {
  if (!TAG_PATTERN.test(tag)) throw new RangeError(`bad tag ${tag}`);
  if (argv.length === 0) throw new RangeError('no command');
  return `B ${tag} ${argv.map(quoteWord).join(' ')}\n`;
}

export function fetchLine(tag: string): string {
  if (!TAG_PATTERN.test(tag)) throw new RangeError(`bad tag ${tag}`);
  return `F ${tag}\n`;
}

export interface GuestResult {
  readonly stdout: Buffer;
  readonly stderr: Buffer;
  readonly exitCode: number;
}

export type GuestEvent =
  | { readonly type: 'started'; readonly tag: string }
  | { readonly type: 'finished'; readonly tag: string }
  | ({ readonly type: 'frame'; readonly tag: string } & GuestResult);

const ACK = 0x01;
const FRAME = 0x02;
const NOTICE = 0x05;
const NOTICE_END = 0x06;
/** "\x05" + the longest tag + "\x06". */
const NOTICE_MAX = 17;
/** Beyond this much unparsed serial text something is wrong: fail rather than grow without end. */
export const MAX_PENDING_BYTES = 16 * 1024 * 1024;

/** The tty's output translation, undone: every "\r\n" it sent was a "\n" the program wrote. */
export function decodeTty(bytes: Buffer): Buffer {
  const out = Buffer.alloc(bytes.length);
  let n = 0;
  for (let i = 0; i < bytes.length; i += 1) {
    const byte = bytes[i] as number;
    if (byte === 0x0d && bytes[i + 1] === 0x0a) continue;
    out[n] = byte;
    n += 1;
  }
  return out.subarray(0, n);
}

/**
 * Reads the serial stream: feed it bytes as they come, get back what happened. Everything that is
 * not a marker (our own typing echoed back, an idle prompt) is skipped.
 */
export class GuestStreamReader {
  #pending: Buffer = Buffer.alloc(0);

  feed(chunk: Buffer): GuestEvent[] {
    this.#pending = Buffer.concat([this.#pending, chunk]);
    if (this.#pending.length > MAX_PENDING_BYTES) {
      this.#pending = Buffer.alloc(0);
      throw new Error(`more than ${MAX_PENDING_BYTES} bytes on the serial console without a complete answer`);
    }
    const events: GuestEvent[] = [];
    while (this.#next(events) === 'more');
    return events;
  }

  /** Takes one event off the front of the buffer, in stream order; 'wait' when more bytes are needed. */
  #next(events: GuestEvent[]): 'more' | 'wait' {
    const buf = this.#pending;
    const at = buf.findIndex((byte) => byte === ACK || byte === FRAME || byte === NOTICE);
    if (at < 0) {
      this.#pending = Buffer.alloc(0);
      return 'wait';
    }
    if (buf[at] === NOTICE) return this.#notice(at, events);
    const lineEnd = buf.indexOf('\n', at);
    if (lineEnd < 0) {
      this.#pending = buf.subarray(at);
      return 'wait';
    }
    const head = buf.subarray(at + 1, lineEnd).toString('latin1').replace(/\r$/, '');
    if (buf[at] === ACK) {
      this.#pending = buf.subarray(lineEnd + 1);
      if (TAG_PATTERN.test(head)) events.push({ type: 'started', tag: head });
      return 'more';
    }
    const match = /^([a-z][a-z0-9]{5,15}) (\d+)$/.exec(head);
    if (!match) {
      this.#pending = buf.subarray(lineEnd + 1);
      return 'more';
    }
    const [, tag = '', code = ''] = match;
    // Commands that end while this frame is printed announce it in the middle of the frame.
    const body = this.#cutNotices(buf.subarray(lineEnd + 1), events);
    const stdoutEnd = body.indexOf(`\x03${tag}\r\n`);
    const stderrEnd = stdoutEnd < 0 ? -1 : body.indexOf(`\x04${tag}\r\n`, stdoutEnd);
    if (stderrEnd < 0) {
      this.#pending = Buffer.concat([buf.subarray(at, lineEnd + 1), body]);
      return 'wait';
    }
    events.push({
      type: 'frame',
      tag,
      exitCode: Number(code),
      stdout: decodeTty(body.subarray(0, stdoutEnd)),
      stderr: decodeTty(body.subarray(stdoutEnd + tag.length + 3, stderrEnd)),
    });
    this.#pending = body.subarray(stderrEnd + tag.length + 3);
    return 'more';
  }

  /** A notice at `at`: "\x05TAG\x06" is a command that ended; a lone \x05 is skipped once it cannot be one. */
  #notice(at: number, events: GuestEvent[]): 'more' | 'wait' {
    const buf = this.#pending;
    const end = buf.indexOf(NOTICE_END, at);
    if (end < 0 || end - at > NOTICE_MAX) {
      if (end < 0 && buf.length - at <= NOTICE_MAX) {
        this.#pending = buf.subarray(at);
        return 'wait';
      }
      this.#pending = buf.subarray(at + 1);
      return 'more';
    }
    const tag = buf.subarray(at + 1, end).toString('latin1');
    if (TAG_PATTERN.test(tag)) events.push({ type: 'finished', tag });
    this.#pending = buf.subarray(TAG_PATTERN.test(tag) ? end + 1 : at + 1);
    return 'more';
  }

  /** `bytes` without the complete notices in it; each one cut out is reported as finished. */
  #cutNotices(bytes: Buffer, events: GuestEvent[]): Buffer {
    const parts: Buffer[] = [];
    let from = 0;
    for (let start = bytes.indexOf(NOTICE); start >= 0; start = bytes.indexOf(NOTICE, start + 1)) {
      const end = bytes.indexOf(NOTICE_END, start);
      if (end < 0 || end - start > NOTICE_MAX) continue;
      const tag = bytes.subarray(start + 1, end).toString('latin1');
      if (!TAG_PATTERN.test(tag)) continue;
      events.push({ type: 'finished', tag });
      parts.push(bytes.subarray(from, start));
      from = end + 1;
      start = end;
    }
    return from === 0 ? bytes : Buffer.concat([...parts, bytes.subarray(from)]);
  }

}
