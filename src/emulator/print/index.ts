// The openMosix tools' text, as pure functions of plain data.
export { MPS_HEADER, printMps, printMpsRow, type MpsRow } from './mps.js';
export { MTOP_COLUMNS, printMtop, printMtopRow, uptimeLine, type MtopFrame, type MtopHeader, type MtopRow } from './mtop.js';
export { AUTODISCOVERY_PREAMBLE, autodiscoveryStatus, printOpenMosixStatus, type OpenMosixRange, type OpenMosixStatusState } from './openmosixStatus.js';
export * from './mosctl.js';
export { scaleK, scaleTime } from './format.js';
