// What choosing a backend gives the dashboard and --once.
import type { EmulatedCluster } from '../emulator/types.js';
import type { Backend } from './backend.js';
import type { RenderWatchSources } from '../runner/watchSources.js';

export interface SelectedBackend {
  /** With --readonly already wrapped to refuse every command (backends/readonly.ts). */
  readonly backend: Backend;
  /** --readonly, decided here once: the dashboard also turns away the keys that would change something. */
  readonly readonly: boolean;
  /** Set when omtop fell back to the emulated cluster: shown in the header and on stderr. */
  readonly notice: string | null;
  /** The emulated cluster behind the demo backend, so launched renders can join it. */
  readonly emulator: EmulatedCluster | null;
  /** Where renders omtop did not start are watched from (/proc and the frame folders, or the emulator); null: nowhere (Slurm). */
  readonly renderSources?: RenderWatchSources | null;
}
