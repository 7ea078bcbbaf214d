// `omtop render ARGS` run in-process, with its output collected: for the render command's tests.
import { PassThrough } from 'node:stream';
import { runRenderCommand } from '../../../src/commands/render.js';
import type { CliIo } from '../../../src/io.js';

function collect(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString()));
  return { stream, text: () => text };
}

export async function runRender(args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env) {
  const out = collect();
  const err = collect();
  const io: CliIo = { stdout: out.stream, stderr: err.stream, stdin: new PassThrough(), env, cwd };
  const code = await runRenderCommand(args, io);
  return { code, stdout: out.text(), stderr: err.text() };
}
