// One VM's tools for host programs: a Unix socket in the run directory. A wrapper connects,
// sends "DIR\0TOOL\0ARG\0…" and closes its side; the broker runs the tool in the VM, writes its
// stdout and stderr to DIR/stdout and DIR/stderr, answers with the exit status, and closes.
import { writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { isAbsolute, join } from 'node:path';
import type { GuestResult } from './guestProtocol.js';
import { guestCommand, HARNESS_FAILURE } from './tools.js';

/** What the broker needs of a VM: GuestShell, or a stand-in in tests. */
export interface ToolShell {
  run(argv: readonly string[], options: { readonly timeoutMs: number }): Promise<GuestResult>;
}

export interface ToolRequest {
  readonly dir: string;
  readonly tool: string;
  readonly args: readonly string[];
}

const MAX_REQUEST_BYTES = 64 * 1024;
/** Longer than any omtop timeout: the wrapper is killed by its caller long before this. */
const TOOL_TIMEOUT_MS = 120_000;

/** "DIR\0TOOL\0ARG\0…" → the request, or null when it is not one. */
export function parseRequest(bytes: Buffer): ToolRequest | null {
  const fields = bytes.toString('utf8').split('\0');
  if (fields.pop() !== '') return null; // every field ends in NUL
  const [dir, tool, ...args] = fields;
  if (dir === undefined || tool === undefined || !isAbsolute(dir) || tool === '') return null;
  return { dir, tool, args };
}

/** Runs the request in the VM; the streams for DIR, and the exit status. */
export async function answer(shell: ToolShell, request: ToolRequest): Promise<GuestResult> {
  const command = guestCommand(request.tool, request.args);
  if (!command.ok) return { stdout: Buffer.alloc(0), stderr: Buffer.from(command.stderr), exitCode: command.exitCode };
  try {
    return await shell.run(command.argv, { timeoutMs: TOOL_TIMEOUT_MS });
  } catch (error) {
    return { stdout: Buffer.alloc(0), stderr: Buffer.from(`${request.tool}: omtop real-cluster harness: ${(error as Error).message}\n`), exitCode: HARNESS_FAILURE };
  }
}

async function serve(shell: ToolShell, bytes: Buffer): Promise<string> {
  const request = parseRequest(bytes);
  if (request === null) return '';
  const result = await answer(shell, request);
  // The wrapper may have given up (and removed its directory) meanwhile: then nobody reads this.
  await writeFile(join(request.dir, 'stdout'), result.stdout);
  await writeFile(join(request.dir, 'stderr'), result.stderr);
  return `${result.exitCode}\n`;
}

/** Serves `shell` on `socketPath` until closed. */
export async function serveTools(shell: ToolShell, socketPath: string): Promise<Server> {
  // The wrapper closes its side once it has sent the request; ours stays open for the answer.
  const server = createServer({ allowHalfOpen: true }, (connection) => {
    const chunks: Buffer[] = [];
    let size = 0;
    connection.on('error', () => connection.destroy());
    connection.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_REQUEST_BYTES) connection.destroy();
      else chunks.push(chunk);
    });
    connection.on('end', () => {
      serve(shell, Buffer.concat(chunks)).then(
        (reply) => connection.end(reply),
        () => connection.end(),
      );
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(socketPath, () => resolve());
  });
  return server;
}
