// omtop pointed at the real cluster: the `omtop` executable with node N's wrapped tools first on
// PATH, and the openmosix backend itself (for actions, and refresh after refresh).
import { execFile } from 'node:child_process';
import { delimiter, resolve } from 'node:path';
import { createOpenMosixBackend } from '../../../src/backends/openmosix/openmosixBackend.js';
import type { Backend } from '../../../src/backends/backend.js';
import { ClusterSnapshotSchema, type ClusterSnapshot } from '../../../src/model/snapshot.js';
import { createExecaRunner } from '../../../src/runner/execaRunner.js';
import type { RealCluster } from './cluster.js';

export const ROOT = resolve(import.meta.dirname, '../../..');
/**
 * Per tool call. A call crosses a serial console into an emulated i386 (TCG) on a host that the
 * VMs themselves keep busy: seconds, where a real node answers in milliseconds.
 */
export const TOOL_TIMEOUT_S = 20;

/** The environment in which a program sits at `node`: its wrappers first on PATH. */
export function envAt(cluster: RealCluster, node: number): Record<string, string> {
  return { PATH: `${cluster.binDir(node)}${delimiter}${process.env.PATH ?? ''}` };
}

/** `omtop --backend openmosix --once --json` at node N; resolves with the parsed snapshot. */
export function omtopOnceJson(cluster: RealCluster, node = 1): Promise<ClusterSnapshot> {
  const argv = ['bin/omtop.js', '--backend', 'openmosix', '--once', '--json', '--timeout', String(TOOL_TIMEOUT_S)];
  return new Promise((resolvePromise, reject) => {
    execFile(process.execPath, argv, { cwd: ROOT, env: { ...process.env, ...envAt(cluster, node) }, timeout: 120_000 }, (error, stdout, stderr) => {
      if (error) return reject(new Error(`omtop --once --json exited ${String(error.code)}: ${stderr.trim() || error.message}`));
      try {
        resolvePromise(ClusterSnapshotSchema.parse(JSON.parse(stdout)));
      } catch (parseError) {
        reject(new Error(`omtop --once --json printed what is not a snapshot (${(parseError as Error).message}): ${stdout.slice(0, 500)}`));
      }
    });
  });
}

/** omtop's openmosix backend at node N, as `omtop --backend openmosix` builds it on a machine without /proc/hpc. */
export function backendAt(cluster: RealCluster, node = 1): Backend {
  return createOpenMosixBackend({ runner: createExecaRunner({ timeoutMs: TOOL_TIMEOUT_S * 1000, env: envAt(cluster, node) }), hpcRoot: null });
}
