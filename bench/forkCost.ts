// Per-fork cost of omtop's runner against execa bare and child_process bare, in turns, sequential.
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { execa } from 'execa';
import { createExecaRunner } from '../src/runner/execaRunner.js';

const N = Number(process.env.N ?? 200);
const ROUNDS = Number(process.env.ROUNDS ?? 3);
const runner = createExecaRunner();

const modes: Record<string, () => Promise<unknown>> = {
  spawn: () => new Promise<void>((resolve, reject) => {
    const child = spawn('true', [], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.resume(); child.stderr.resume();
    child.on('error', reject);
    child.on('close', () => resolve());
  }),
  execa: () => execa('true', [], { stdin: 'ignore' }),
  runner: () => runner.run(['true']),
};
const only = process.env.MODES?.split(',') ?? Object.keys(modes);
const results: Record<string, { wall: number[]; cpu: number[] }> = {};
for (let round = 0; round < ROUNDS; round += 1) {
  for (const name of only) {
    const mode = modes[name]!;
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    for (let i = 0; i < N; i += 1) await mode();
    const wall = (performance.now() - t0) / N;
    const c = process.cpuUsage(cpu0);
    const cpu = (c.user + c.system) / 1000 / N;
    (results[name] ??= { wall: [], cpu: [] });
    results[name].wall.push(wall); results[name].cpu.push(cpu);
  }
}
for (const [name, r] of Object.entries(results)) {
  console.log(`${name.padEnd(8)} wall ${r.wall.map((v) => v.toFixed(2)).join(' ')} ms/fork  cpu ${r.cpu.map((v) => v.toFixed(2)).join(' ')} ms/fork`);
}
