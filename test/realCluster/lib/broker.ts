// One VM's tools for host programs: a Unix socket in the run directory that takes one request
// per connection ({ tool, args } as a JSON line, from the generated wrappers) and answers with
// the guest tool's stdout, stderr (base64) and exit status.
import { createServer, type Server } from 'node:net';
import type { GuestResult } from './guestProtocol.js';
import { guestCommand } from './tools.js';

/** What the broker needs of a VM: GuestShell, or a stand-in in tests. */
export interface ToolShell {
  run(argv: readonly string[], options: { readonly timeoutMs: number }): Promise<GuestResult>;
}

export interface ToolAnswer {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
}

/** What the wrapper prints when the harness, not the tool, failed. */
export const HARNESS_FAILURE = 125;
const MAX_REQUEST_BYTES = 64 * 1024;
/** Longer than any omtop timeout: the wrapper is killed by its caller long before this. */
const TOOL_TIMEOUT_MS = 120_000;

const b64 = (text: string | Buffer): string => Buffer.from(text).toString('base64');

export function parseRequest(line: string): { tool: string; args: string[] } | null {
  try {
    const value: unknown = JSON.parse(line);
    if (typeof value !== 'object' || value === null) return null;
    const { tool, args } = value as { tool?: unknown; args?: unknown };
    if (typeof tool !== 'string' || !Array.isArray(args) || !args.every((arg) => typeof arg === 'string')) return null;
    return { tool, args: args as string[] };
  } catch {
    return null;
  }
}

export async function answer(shell: ToolShell, line: string): Promise<ToolAnswer> {
  const request = parseRequest(line);
  if (request === null) return { stdout: '', stderr: b64('omtop real-cluster harness: bad request\n'), exitCode: HARNESS_FAILURE };
  const command = guestCommand(request.tool, request.args);
  if (!command.ok) return { stdout: '', stderr: b64(command.stderr), exitCode: command.exitCode };
  try {
    const result = await shell.run(command.argv, { timeoutMs: TOOL_TIMEOUT_MS });
    return { stdout: result.stdout.toString('base64'), stderr: result.stderr.toString('base64'), exitCode: result.exitCode };
  } catch (error) {
    return { stdout: '', stderr: b64(`${request.tool}: omtop real-cluster harness: ${(error as Error).message}\n`), exitCode: HARNESS_FAILURE };
  }
}

/** Serves `shell` on `socketPath` until closed. */
export async function serveTools(shell: ToolShell, socketPath: string): Promise<Server> {
  const server = createServer((connection) => {
    let request = '';
    connection.setEncoding('utf8');
    connection.on('error', () => connection.destroy());
    connection.on('data', (text: string) => {
      request += text;
      if (request.length > MAX_REQUEST_BYTES) {
        connection.destroy();
        return;
      }
      const end = request.indexOf('\n');
      if (end < 0) return;
      connection.removeAllListeners('data');
      void answer(shell, request.slice(0, end)).then((reply) => {
        if (!connection.destroyed) connection.end(`${JSON.stringify(reply)}\n`);
      });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(socketPath, () => resolve());
  });
  return server;
}
