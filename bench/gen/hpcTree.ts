// A /proc/hpc tree for a synthetic cluster, written as plain files in a temporary directory:
//   nodes/<id>/{load,speed,mem,rmem,tmem,cpus,util,status}   one integer each (mem in 4 KiB pages)
//   admin/{stay,lstay,block,quiet}, admin/mospe                0/1, and the local node number
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SyntheticCluster } from './syntheticCluster.js';

const PAGE = 4096;

export interface HpcTree {
  readonly root: string;
  /** Rewrites the files that change every tick (load, free memory). */
  update(cluster: SyntheticCluster): Promise<void>;
  remove(): Promise<void>;
}

export async function createHpcTree(cluster: SyntheticCluster): Promise<HpcTree> {
  const root = await mkdtemp(join(tmpdir(), 'omtop-bench-hpc-'));
  await mkdir(join(root, 'admin'), { recursive: true });
  for (const flag of ['stay', 'lstay', 'block', 'quiet']) await writeFile(join(root, 'admin', flag), '0\n');
  await writeFile(join(root, 'admin', 'mospe'), `${cluster.localNode}\n`);
  for (const node of cluster.nodes) {
    const dir = join(root, 'nodes', String(node.id));
    await mkdir(dir, { recursive: true });
    const values: Record<string, number> = {
      speed: node.speed, tmem: Math.floor(node.memTotalBytes / PAGE), cpus: 1, util: node.util, status: 3,
    };
    for (const [name, value] of Object.entries(values)) await writeFile(join(dir, name), `${value}\n`);
  }
  const tree: HpcTree = {
    root,
    async update(current) {
      await Promise.all(current.nodes.map(async (node) => {
        const dir = join(root, 'nodes', String(node.id));
        const pages = `${Math.floor(node.memFreeBytes / PAGE)}\n`;
        await Promise.all([writeFile(join(dir, 'load'), `${node.load}\n`), writeFile(join(dir, 'mem'), pages), writeFile(join(dir, 'rmem'), pages)]);
      }));
    },
    remove: () => rm(root, { recursive: true, force: true }),
  };
  await tree.update(cluster);
  return tree;
}
