// mosctl output parsers, one per query; the parsers live in parsers/mosctl/, this module gathers them.
//   speed=26842.
//   free memory = 217960448 of 234815488
//   Node #407 is not up

export * from './mosctl/queries.js';
export * from './mosctl/node.js';
export * from './mosctl/settings.js';
export * from './mosctl/usage.js';
export { classifyToolError } from './toolErrors.js';
