// printMps and printMpsAux against the real mps captures, byte for byte: each row printed from
// the values the parser read out of the capture and the capture's own COMMAND cell.
import { describe, expect, it } from 'vitest';
import { parseMps } from '../../../parsers/index.js';
import { MPS_AUX_HEADER, MPS_HEADER, mpsWidth, printMps, printMpsAux, printMpsRow, type MpsAuxRow, type MpsRow } from '../../../src/emulator/print/mps.js';
import { fixtureText, real } from './seedFixtures.js';

/** Rows from a capture: the parsed values, the COMMAND cell exactly as it stands (trailing spaces kept). */
function rowsOf(text: string): MpsAuxRow[] {
  const result = parseMps(text);
  if (!result.ok) throw new Error(result.error.message);
  const lines = text.split('\n');
  const commandAt = (lines[0] ?? '').indexOf('COMMAND');
  return result.value.processes.map((process, index) => ({
    pid: process.pid, tty: '? ', node: process.node, stat: process.stat ?? '', timeSeconds: process.timeSeconds ?? 0,
    command: (lines[index + 1] ?? '').slice(commandAt),
    user: process.user ?? '', cpuPercent: process.cpu ?? 0, memPercent: process.mem ?? 0,
    sizeKiB: process.sizeKiB ?? 0, rssKiB: process.rssKiB ?? 0, start: process.extra.START ?? '',
  }));
}

describe('printMps', () => {
  it.each(['mps-ax.txt', 'mps-axww.txt', 'mps-ax-nowhere.txt', 'live/mps-axww.stdout', 'live/mps-plain.stdout'])(
    'reproduces %s byte for byte', (name) => {
      const text = real(name);
      expect(printMps(rowsOf(text))).toBe(text);
    },
  );

  it('lets a 4-digit node, a 3-digit minute count and a 3-letter state fill their columns', () => {
    const row: MpsRow = { pid: 1181, tty: '? ', node: 2780, stat: 'SWN', timeSeconds: 227 * 60 + 33, command: '(blender)' };
    expect(printMpsRow(row)).toBe(' 1181  ?  2780 SWN227:33 (blender)');
  });

  it('prints only the header for no processes', () => {
    expect(printMps([])).toBe(`${MPS_HEADER}\n`);
  });

  it("reads back the tutorial's mps with the same values", () => {
    const tutorial = parseMps(fixtureText('mps/tutorial.txt'));
    const printed = parseMps(printMps(rowsOf(fixtureText('mps/tutorial.txt'))));
    expect(printed.ok && printed.value).toEqual(tutorial.ok && tutorial.value);
  });
});

describe('printMpsAux', () => {
  it('reproduces the live cluster\'s mps auxww byte for byte', () => {
    const text = real('live/mps-auxww.stdout');
    expect(printMpsAux(rowsOf(text))).toBe(text);
  });

  it('cuts lines at 80 columns without w, as mps aux did to the render script', () => {
    const cut = real('mps-aux.txt');
    const whole = rowsOf(cut).map((row) => (row.pid === 1159 ? { ...row, command: '/bin/sh render blacksmith-jpeg.blend 1 235 4 ' } : row));
    expect(printMpsAux(whole, mpsWidth(0))).toBe(cut);
    expect(printMpsAux(whole, mpsWidth(2))).toContain('/bin/sh render blacksmith-jpeg.blend 1 235 4 \n');
    expect(printMpsAux([], mpsWidth(1))).toBe(`${MPS_AUX_HEADER}\n`);
  });
});
