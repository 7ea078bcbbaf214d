// The parsers' public face: every openMosix tool-output parser and its value schemas.
//   import { parseMps, parseMosctlGetmem } from '../parsers/index.js';

export * from './result.js';
export * from './openmosixStatus.js';
export * from './mps.js';
export * from './mtop.js';
export * from './mosctl.js';
export * from './hpc.js';
export * from './slurm/index.js';
