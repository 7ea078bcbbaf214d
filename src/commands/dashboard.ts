// `omtop` / `omtop --demo`: the full-screen dashboard. Thin: picks the backend and the render
// engine, then hands over to the session, which owns the screen until the user leaves.
import { runDashboardSession } from '../app/dashboardSession.js';
import { emulatorHooks } from '../app/emulatorHooks.js';
import { selectBackend } from '../backends/select.js';
import type { CliIo } from '../io.js';
import type { GlobalOptions } from '../options.js';
import { createInspectBlend, createStartRender } from '../launcher/startRender.js';

export async function runDashboard(options: GlobalOptions, io: CliIo): Promise<number> {
  const selected = await selectBackend(options, io.env);
  const startRender = createStartRender({ cwd: io.cwd, env: io.env, hooks: emulatorHooks(selected.emulator, io.env.USER ?? io.env.LOGNAME) });
  return runDashboardSession({ selected, options, io, startRender, inspectBlend: createInspectBlend({ cwd: io.cwd, env: io.env }) });
}
