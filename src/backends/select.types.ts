// What choosing a backend gives the dashboard and --once.
import type { EmulatedCluster } from '../emulator/types.js';
import type { Backend } from './backend.js';

export interface SelectedBackend {
  readonly backend: Backend;
  /** Set when omtop fell back to the emulated cluster: shown in the header and on stderr. */
  readonly notice: string | null;
  /** The emulated cluster behind the demo backend, so launched renders can join it. */
  readonly emulator: EmulatedCluster | null;
}
