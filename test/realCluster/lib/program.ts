// The frame of the real-cluster scripts: check that the images and QEMU are there, boot the
// cluster, run the body, and stop every VM by PID however the body ends (Ctrl-C included).
import { RealCluster } from './cluster.js';
import { realClusterAvailable } from './images.js';

export type Log = (line: string) => void;

export function runWithCluster(name: string, body: (cluster: RealCluster, log: Log) => Promise<number>): void {
  const log: Log = (line) => void process.stderr.write(`${name}: ${line}\n`);
  const main = async (): Promise<number> => {
    const found = realClusterAvailable();
    if (!found.ok) {
      log(found.reason);
      return 1;
    }
    const cluster = await RealCluster.start({ images: found.images, log });
    const interrupted = (): void => {
      log('interrupted: stopping the VMs');
      void cluster.stop().finally(() => process.exit(130));
    };
    process.once('SIGINT', interrupted);
    process.once('SIGTERM', interrupted);
    try {
      return await body(cluster, log);
    } finally {
      await cluster.stop();
    }
  };
  main().then((code) => process.exit(code), (error: unknown) => {
    log((error as Error).message);
    process.exit(1);
  });
}
