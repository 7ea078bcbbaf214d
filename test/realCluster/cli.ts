// npm run real-cluster [-- --busy N]: boots the real 2-node openMosix cluster (OMTOP_OM_IMAGES),
// starts N busy loops on node 1 (default 3; the kernel migrates some to node 2), prints how to
// point omtop at it, and keeps it up until Ctrl-C; then stops both VMs by PID.
import { delimiter } from 'node:path';
import { runWithCluster } from './lib/program.js';

const USAGE = 'usage: npm run real-cluster [-- --busy N]';
const args = process.argv.slice(2);
const busy = args.length === 0 ? 3 : args[0] === '--busy' && /^\d{1,2}$/.test(args[1] ?? '') && args.length === 2 ? Number(args[1]) : null;

if (busy === null) {
  process.stderr.write(`${USAGE}\n`);
  process.exit(2);
}

runWithCluster('real-cluster', async (cluster, log) => {
  for (let i = 1; i <= busy; i += 1) log(`busy loop ${i} on node 1: PID ${await cluster.startWork(1, `loop-${i}`)}`);
  process.stdout.write([
    `Node 1's tools are in ${cluster.binDir(1)} (node 2's in ${cluster.binDir(2)}). In another terminal:`,
    `  PATH='${cluster.binDir(1)}'${delimiter}"$PATH" npx omtop --backend openmosix --timeout 10`,
    'Ctrl-C here stops both VMs.',
    '',
  ].join('\n'));
  return new Promise<number>(() => undefined);
});
