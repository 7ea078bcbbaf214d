// The emulated openMosix cluster behind `--demo`, and its text printers (the benchmark uses them).
export { createEmulatedCluster } from './cluster.js';
export type * from './types.js';
export * from './print/index.js';
