// The body of every generated wrapper (mosctl, mps, setpe, openmosix, migrate, kill): asks the
// harness's broker for one VM to run the tool there, then reproduces what the guest's tool did —
// its stdout on stdout, its stderr on stderr, its exit status — byte for byte.
//   node toolClient.mjs BROKER_SOCKET TOOL [ARG…]
// Plain JavaScript (no build step) because it runs once per tool call.
import { connect } from 'node:net';

const [socketPath, tool, ...args] = process.argv.slice(2);
const HARNESS_FAILURE = 125;

function fail(message) {
  process.stderr.write(`${tool}: omtop real-cluster harness: ${message}\n`);
  process.exit(HARNESS_FAILURE);
}

if (!socketPath || !tool) fail('usage: toolClient.mjs BROKER_SOCKET TOOL [ARG…]');

const socket = connect(socketPath);
const chunks = [];
socket.on('connect', () => socket.write(`${JSON.stringify({ tool, args })}\n`));
socket.on('data', (chunk) => chunks.push(chunk));
socket.on('error', (error) => fail(`the VM's broker is not reachable (${error.message})`));
socket.on('close', () => {
  let answer;
  try {
    answer = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    fail('the broker closed the connection without an answer');
  }
  const stdout = Buffer.from(answer.stdout ?? '', 'base64');
  const stderr = Buffer.from(answer.stderr ?? '', 'base64');
  process.stdout.write(stdout, () => process.stderr.write(stderr, () => process.exit(answer.exitCode ?? HARNESS_FAILURE)));
});
