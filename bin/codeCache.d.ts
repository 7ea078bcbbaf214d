import type { Stats } from 'node:fs';
import type { Script } from 'node:vm';

/** The cached data when `cacheFile` was written for the bundle whose stat this is, else undefined. */
export function readCodeCache(cacheFile: string, bundleStat: Stats): Buffer | undefined;
/** Writes the script's code cache for that bundle; false (and nothing written) where it cannot. */
export function writeCodeCache(cacheFile: string, bundleStat: Stats, script: Script): boolean;
/**
 * Compiles and runs the bundle script (a function expression of exports, require, module,
 * __filename, __dirname and the bundle's URL) from its code cache when that is valid; without one,
 * hands `atExit` (default: the process's exit) the function that writes a new cache.
 */
export function loadBundle(
  bundleFile: string,
  options?: { cacheFile?: string; atExit?: (write: () => boolean) => void },
): { exports: Record<string, unknown>; cacheUsed: boolean };
