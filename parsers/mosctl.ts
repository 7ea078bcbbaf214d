// mosctl output parsers, one per query; the parsers live in parsers/mosctl/, this module gathers them.
//   speed=26842.
//   free memory = 217960448 of 234815488
//   Utilizability = 150% (of 200%)
// Errors (`Error: Network is unreachable` on stderr, exit 0) are typed by parsers/toolErrors.ts.

export * from './mosctl/queries.js';
export * from './mosctl/node.js';
export * from './mosctl/settings.js';
export * from './mosctl/replies.js';
export * from './mosctl/usage.js';
