// Tool text on the dashboard: a process name or an error carrying escape sequences, C1 controls or
// bidi overrides is shown as visible escapes and never reaches the terminal as control codes.
import { afterEach, describe, expect, it } from 'vitest';
import { startDashboard, type DashboardHarness } from '../helpers/dashboardHarness.js';
import { createFakeBackend, fakeProcess, fakeSnapshot } from '../helpers/fakeBackend.js';

const RETITLE = '\u001b]0;pwned\u0007';
const CLIPBOARD = '\u001b]52;c;cm0gLXJmIH4K\u0007';
const RESET = '\u001bc';
const HOSTILE_NAME = `${RETITLE}evil${RESET}\u009b2J\u202egnp.exe`;

let dashboard: DashboardHarness | null = null;
afterEach(async () => {
  await dashboard?.close();
  dashboard = null;
});

describe('the dashboard and hostile tool text', () => {
  it('shows escapes as text: no OSC, reset, C1 control or bidi override reaches the terminal', async () => {
    const base = fakeSnapshot();
    const snapshot = fakeSnapshot({
      processes: [...base.processes, fakeProcess(4242, { command: HOSTILE_NAME, cpu: 99.9 })],
      errors: [{ source: `mosctl getload 266 ${CLIPBOARD}`, message: `garbage ${RETITLE}` }],
    });
    dashboard = await startDashboard(createFakeBackend(snapshot));
    await dashboard.refresh();
    await dashboard.press('f'); // all processes, not only blender
    const lines = (await dashboard.lines()).join('\n');
    expect(lines).toMatch(/4242 .* \\u001b\]0;pwned/);
    expect(lines).toContain('garbage \\u001b]0;pwned\\u0007');
    const sent = dashboard.written();
    // blessed sets its own title (omtop); nothing else may send an OSC: title, clipboard, colours.
    expect(sent.replaceAll('\u001b]0;omtop\u0007', '')).not.toContain('\u001b]');
    expect(sent).not.toContain(RESET);
    expect(sent).not.toMatch(/[\u0080-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect(dashboard.titles.filter((title) => title.includes('pwned'))).toEqual([]);
  });
});
