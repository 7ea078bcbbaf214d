// Where the CHAOS 1.5 kernel and ramdisk are: a folder the user names in OMTOP_OM_IMAGES. They are
// GPL software from elsewhere and never part of this repository; without them the real-cluster
// tests skip and say why.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const IMAGES_ENV = 'OMTOP_OM_IMAGES';
export const KERNEL = 'BZIMAGE';
export const RAMDISK = 'CHAOS.RDZ';
export const QEMU = 'qemu-system-i386';
export const WHERE_FROM = 'the public GitHub repository Saimonokuma/Chaos-SymbioseOS, folder "CHAOS 1.5/CHAOS/"';

export interface Images {
  readonly kernel: string;
  readonly ramdisk: string;
}

export type ImagesFound = { readonly ok: true; readonly images: Images } | { readonly ok: false; readonly reason: string };

/** The images named by the environment, or why there are none (one line, for a skip message). */
export function findImages(env: NodeJS.ProcessEnv = process.env): ImagesFound {
  const dir = env[IMAGES_ENV];
  if (dir === undefined || dir === '') return { ok: false, reason: `${IMAGES_ENV} is not set (a folder with ${KERNEL} and ${RAMDISK} from ${WHERE_FROM})` };
  const kernel = resolve(join(dir, KERNEL));
  const ramdisk = resolve(join(dir, RAMDISK));
  for (const file of [kernel, ramdisk]) {
    if (!existsSync(file) || !statSync(file).isFile()) return { ok: false, reason: `${IMAGES_ENV}=${dir} has no ${file.slice(resolve(dir).length + 1)} (get it from ${WHERE_FROM})` };
  }
  return { ok: true, images: { kernel, ramdisk } };
}

/** The images and QEMU, or why the real cluster cannot run here. */
export function realClusterAvailable(env: NodeJS.ProcessEnv = process.env): ImagesFound {
  const found = findImages(env);
  if (!found.ok) return found;
  const qemu = spawnSync(QEMU, ['--version'], { encoding: 'utf8' });
  if (qemu.error || qemu.status !== 0) return { ok: false, reason: `${QEMU} is not installed (apt-get install --no-install-recommends qemu-system-x86)` };
  return found;
}
