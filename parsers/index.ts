// The parsers' public face: every openMosix tool-output parser and its value schemas, and the
// classifier of the tools' error texts.
//   import { parseMps, parseMosctlGetmem } from '../parsers/index.js';

export * from './result.js';
export * from './nodeFlags.js';
export { classifyToolError, classifyToolOutput, type ToolOutput } from './toolErrors.js';
export * from './openmosixStatus.js';
export * from './mps.js';
export * from './mtop.js';
export * from './mosctl.js';
export * from './hpc.js';
export * from './slurm/index.js';
export * from './showmap.js';
