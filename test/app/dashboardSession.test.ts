import { EventEmitter } from 'node:events';
import { PassThrough, Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { runDashboardSession } from '../../src/app/dashboardSession.js';
import type { DashboardApp } from '../../src/app/dashboardApp.js';
import type { CliIo } from '../../src/io.js';
import type { GlobalOptions } from '../../src/options.js';
import { createFakeBackend, fakeJob, type FakeBackend } from '../helpers/fakeBackend.js';
import type { RenderJobHandle, RenderJobView, StartRender } from '../../src/launcher/types.js';
import { createScreenHarness, tick, type ScreenHarness } from '../helpers/screenHarness.js';
import { submitRenderForm } from '../helpers/dashboardHarness.js';

const options: GlobalOptions = { once: false, json: false, readonly: false, mouse: true, intervalMs: 3_600_000, timeoutMs: 2000 };

function fakeIo(env: NodeJS.ProcessEnv = {}): CliIo & { errText: () => string } {
  let err = '';
  const stderr = new Writable({ write(chunk, _e, cb) { err += String(chunk); cb(); } });
  return { stdout: new PassThrough(), stderr, stdin: new PassThrough(), env, cwd: '/tmp', errText: () => err };
}

interface Running {
  readonly result: Promise<number>;
  readonly app: DashboardApp;
  readonly harness: ScreenHarness;
  readonly proc: EventEmitter;
  readonly backend: FakeBackend;
  readonly io: ReturnType<typeof fakeIo>;
}

let harness: ScreenHarness | null = null;

/** blessed sets `destroyed` on a destroyed screen; @types/blessed does not declare it. */
const isDestroyed = (h: ScreenHarness): boolean => (h.screen as unknown as { destroyed?: boolean }).destroyed === true;
afterEach(() => {
  harness?.destroy();
  harness = null;
});

async function start(extra: Partial<GlobalOptions> = {}, notice: string | null = null, startRender: StartRender | null = null): Promise<Running> {
  harness = createScreenHarness(100, 30);
  const backend = createFakeBackend();
  const proc = new EventEmitter();
  const io = fakeIo();
  let app: DashboardApp | null = null;
  const result = runDashboardSession({
    selected: { backend, readonly: extra.readonly ?? false, notice, emulator: null }, options: { ...options, ...extra }, io, startRender,
    screen: harness.screen, processEvents: proc as unknown as NodeJS.Process, onStarted: (a) => { app = a; },
  });
  await tick();
  if (app === null) throw new Error('dashboard did not start');
  return { result, app, harness, proc, backend, io };
}

describe('runDashboardSession', () => {
  it('q quits with 0, restores the screen and closes the backend', async () => {
    const run = await start();
    await run.harness.press('q');
    expect(await run.result).toBe(0);
    expect(isDestroyed(run.harness)).toBe(true);
    expect(run.backend.closed).toBe(true);
    expect(run.proc.listenerCount('SIGTERM')).toBe(0);
  });

  it('q with a render running asks first; yes stops it, and the resume command is printed once the screen is back', async () => {
    let view: RenderJobView = fakeJob({ framesMissing: '17-40' });
    const handle: RenderJobHandle = {
      id: view.id, view: () => view, subscribe: () => () => undefined, done: new Promise(() => undefined),
      cancel: async () => {
        view = { ...view, state: 'cancelled', parts: view.parts.map((p) => ({ ...p, pid: null, state: 'cancelled' })) };
      },
    };
    const run = await start({}, null, async () => handle);
    submitRenderForm(run.app);
    await tick();
    await run.harness.press('q');
    expect((await run.harness.lines()).join('\n')).toContain('1 render running: stop it and quit? Finished frames are kept.');
    await run.harness.press('y');
    expect(await run.result).toBe(0);
    expect(run.io.errText()).toBe([
      'omtop: render r1 stopped: 16 of 40 frames done, kept in /tmp/out',
      'omtop: resume with: omtop render --resume x.blend 1 40 4',
      '',
    ].join('\n'));
  });

  it('SIGTERM restores the terminal and exits with 143', async () => {
    const run = await start();
    run.proc.emit('SIGTERM', 'SIGTERM');
    expect(await run.result).toBe(143);
    expect(isDestroyed(run.harness)).toBe(true);
  });

  it('a crash restores the terminal first, then prints one line (no stack)', async () => {
    const run = await start();
    run.proc.emit('uncaughtException', new Error('widget exploded\n    at somewhere.ts:1'));
    expect(await run.result).toBe(1);
    expect(isDestroyed(run.harness)).toBe(true);
    expect(run.io.errText()).toBe('omtop: the dashboard stopped on an unexpected error: widget exploded\n');
  });

  it('prints the fallback notice on stderr as well as in the header', async () => {
    const run = await start({}, 'no openMosix found: showing an emulated cluster');
    expect(run.io.errText()).toContain('omtop: no openMosix found: showing an emulated cluster');
    expect((await run.harness.lines()).join('\n')).toMatch(/^no openMosix found: showing an emulated cluster/m);
    await run.harness.press('q');
    await run.result;
  });

  it('with --readonly, e opens no dialog and the backend is never asked', async () => {
    const run = await start({ readonly: true });
    expect(run.app.ui().readonly).toBe(true);
    await run.harness.press('e');
    expect(run.app.ui().overlay).toBeNull();
    expect(run.backend.performed).toEqual([]);
    await run.harness.press('q');
    await run.result;
  });

  it('refuses to start without a terminal', async () => {
    const io = fakeIo();
    const code = await runDashboardSession({ selected: { backend: createFakeBackend(), readonly: false, notice: null, emulator: null }, options, io, startRender: null });
    expect(code).toBe(1);
    expect(io.errText()).toBe('omtop: the dashboard needs a terminal; use --once (or --once --json) to print a snapshot\n');
  });
});
