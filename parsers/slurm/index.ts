// The Slurm parsers: sinfo/squeue JSON of any release, their text fallbacks, scontrol.
export * from './types.js';
export { parseSinfoJson } from './sinfoJson.js';
export { parseSqueueJson } from './squeueJson.js';
export { parseSinfoText, parseSqueueText, elapsedOf, SINFO_TEXT_FORMAT, SQUEUE_TEXT_FORMAT } from './text.js';
export { parseScontrolShow, parseScontrolPing, classifySlurmError, ScontrolRecordsSchema, ScontrolPingSchema } from './scontrol.js';
export type { ScontrolRecord, ScontrolPing } from './scontrol.js';
export { expandHostlist, MAX_HOSTLIST_NAMES } from './hostlist.js';
