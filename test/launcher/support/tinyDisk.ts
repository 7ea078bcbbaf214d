// A tiny tmpfs for full-disk and read-only tests. Mounting needs root (CI runs as root); elsewhere
// the tests that need it are skipped with this reason.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function mountWorks(): boolean {
  if (process.getuid?.() !== 0) return false;
  const probe = mkdtempSync(join(tmpdir(), 'omtop-mount-probe-'));
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=16k', 'tmpfs', probe]).status === 0;
  if (mounted) spawnSync('umount', [probe]);
  rmdirSync(probe);
  return mounted;
}

export const CAN_MOUNT = mountWorks();
export const MOUNT_SKIP_REASON = 'mounting a tmpfs needs root with mount rights';

/** Mounts a tmpfs of `kilobytes` at `path` (created if needed). */
export function mountTinyDisk(path: string, kilobytes: number): void {
  mkdirSync(path, { recursive: true });
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${kilobytes}k`, 'tmpfs', path]);
}

export function remount(path: string, mode: 'ro' | 'rw'): void {
  execFileSync('mount', ['-o', `remount,${mode}`, path]);
}

export function unmount(path: string): void {
  execFileSync('umount', [path]);
}
