// Per-node readings straight from /proc/hpc (openMosix 2.4): a few small file reads per node and
// no fork at all, so this path is used whenever the directory exists.
//   /proc/hpc/nodes/266/{load,speed,mem,rmem,tmem,cpus,util,status}   one integer each
//   /proc/hpc/admin/{stay,lstay,block,quiet}                          0 or 1
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { HPC_NODE_FILES, parseHpcAdminFlag, parseHpcNode, type HpcNodeFile } from '../../../parsers/index.js';
import { errorMessage } from '../../model/buildSnapshot.js';
import type { NodeFlags, SourceError } from '../../model/snapshot.js';
import type { KnownNode, NodeBook } from './nodeBook.js';

const FLAG_NAMES = ['stay', 'lstay', 'block', 'quiet'] as const;

export async function readHpcNodes(
  hpcRoot: string, nodes: readonly KnownNode[], localNode: number | null, book: NodeBook, errors: SourceError[],
): Promise<void> {
  await Promise.all(nodes.map((node) => readHpcNode(hpcRoot, node.id, book, errors)));
  if (localNode !== null) await readAdminFlags(hpcRoot, localNode, book, errors);
}

async function readHpcNode(hpcRoot: string, id: number, book: NodeBook, errors: SourceError[]): Promise<void> {
  const dir = join(hpcRoot, 'nodes', String(id));
  const files: Partial<Record<HpcNodeFile, string>> = {};
  const problems: string[] = [];
  await Promise.all(
    HPC_NODE_FILES.map(async (name) => {
      try {
        files[name] = await readFile(join(dir, name), 'utf8');
      } catch (error) {
        // Not every kernel has every file (rmem, util); only a node with none of them is a failure.
        problems.push(errorMessage(error));
      }
    }),
  );
  const parsed = parseHpcNode(files);
  if (!parsed.ok) {
    const message = problems[0] ?? parsed.error.message;
    book.fail(id, 'hpc', `${dir}: ${message}`);
    errors.push({ source: dir, message });
    return;
  }
  const node = parsed.value;
  if (!node.up) {
    book.down(id, `node ${id} is down (${dir} reads -101)`);
    return;
  }
  // A file caught mid-update reads as null: keep that value from the previous tick instead.
  const values = { load: node.load, speed: node.speed, memFreeBytes: node.memFreeBytes, memTotalBytes: node.memTotalBytes, util: node.util, cpus: node.cpus };
  book.update(id, 'hpc', Object.fromEntries(Object.entries(values).filter(([, value]) => value !== null)));
}

async function readAdminFlags(hpcRoot: string, localNode: number, book: NodeBook, errors: SourceError[]): Promise<void> {
  const flags: NodeFlags = {};
  await Promise.all(
    FLAG_NAMES.map(async (name) => {
      const file = join(hpcRoot, 'admin', name);
      try {
        const parsed = parseHpcAdminFlag(await readFile(file, 'utf8'));
        if (parsed.ok) flags[name] = parsed.value;
        else errors.push({ source: file, message: parsed.error.message });
      } catch (error) {
        errors.push({ source: file, message: errorMessage(error) });
      }
    }),
  );
  book.setFlags(localNode, 'flags', flags);
}
