// The openMosix tools' text, as pure functions of plain data.
export { MPS_AUX_HEADER, MPS_HEADER, mpsWidth, printMps, printMpsAux, printMpsAuxRow, printMpsRow, type MpsAuxRow, type MpsRow } from './mps.js';
export { MTOP_COLUMNS, printMtop, printMtopRow, uptimeLine, type MtopFrame, type MtopHeader, type MtopRow } from './mtop.js';
export { AUTODISCOVERY_PREAMBLE, autodiscoveryStatus, printOpenMosixStatus, printSetpe, type OpenMosixRange, type OpenMosixStatusState } from './openmosixStatus.js';
export * from './mosctl.js';
export { scaleK, scaleTime } from './format.js';
