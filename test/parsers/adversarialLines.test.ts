// The long lines that made parsers backtrack (issue 11: 21-28 s each for 100 KB, blocking the
// event loop), through every parser: each must now take milliseconds. The budget is in CPU time and
// generous, so that a busy machine never fails it; the quadratic versions overshot it a hundredfold.
import { describe, expect, it } from 'vitest';
import { parseBlenderLine } from '../../parsers/blenderLog.js';
import { parseHpcNode } from '../../parsers/hpc.js';
import { parseScontrolPing, parseScontrolShow, parseSinfoJson, parseSinfoText, parseSqueueJson, parseSqueueText } from '../../parsers/slurm/index.js';
import { TEXT_PARSERS } from './fixtureCases.js';
import { impossibleValues } from './invariants.js';
import { cpuTimed } from '../helpers/cpuTime.js';

const BUDGET_MS = 1500;

/** The Slurm parsers (issue 12's) get the same lines: time and no throw. */
const SLURM_PARSERS = { parseSinfoJson, parseSqueueJson, parseSinfoText, parseSqueueText, parseScontrolShow, parseScontrolPing };
const K100 = 100_000;

const CASES: Readonly<Record<string, string>> = {
  'a 100 KB Mem: line (mtop)': `  PID USER\nMem: ${'1'.repeat(K100)}K\n`,
  'a Mem: line of 100 K words': `Mem: ${'1K '.repeat(K100 / 3)}\n`,
  'OpenMosix range 1 and 100 K dashes': `OpenMosix range 1${'-'.repeat(K100)}\n`,
  'a range line of 100 K spaces before "begins"': `OpenMosix range 1-2${' '.repeat(K100)}begins at 10.0.0.1\n`,
  'an uptime line of 100 K commas': ` 10:37pm  up ${', '.repeat(K100 / 2)} users, load average: 1, 2, 3\n`,
  'an mps row of 100 K digits': `  PID TTY NODE STAT TIME COMMAND\n ${'1'.repeat(K100)}:00\n`,
  'an mps row of 100 K time tokens': `  PID TTY NODE STAT TIME COMMAND\n    1  ?     0 S ${'0:00 '.repeat(K100 / 5)}\n`,
  'a getutil line of 100 K percent signs': `Utilizability = 1${'%'.repeat(K100)}\n`,
  'a getyard line of 100 K letters': `Yardstick speed currently set to 1 (matching a ${'P'.repeat(K100)}\n`,
  'a gettune row of 100 K spaces': `\tName${' '.repeat(K100)}= x\n`,
  'a whois line of 100 K dots': `${'1.'.repeat(K100 / 2)}\n`,
  '100 K short garbage lines': 'x y\n'.repeat(K100 / 4),
};

const BLENDER: Readonly<Record<string, string>> = {
  'a Saved: line with 100 K spaces': `Saved: x${' '.repeat(K100)}y`,
  "a quoted Saved: line of 100 K quotes": `Saved: '${"' ".repeat(K100 / 2)}x`,
  'a Saved: line ending in 100 K spaces and a time': `Saved: /out/f.png${' '.repeat(K100)}Time: 00:01.00`,
  'a Fra: line of 23 digits': `Fra:${'9'.repeat(23)} Mem:1M`,
  'a Fra: line of 100 K digits': `Fra:${'9'.repeat(K100)}`,
  'a Time: line with 100 K colons': ` Time: ${'1:'.repeat(K100 / 2)}`,
  'a Fra: line with 100 K pipes': `Fra:1 ${'| '.repeat(K100 / 2)}Time:00:01.00`,
};

const timed = cpuTimed;

describe('long adversarial lines, every parser', { timeout: 120_000 }, () => {
  for (const [name, input] of Object.entries(CASES)) {
    it(`${name}: every parser answers within the budget with a possible value or an error`, () => {
      for (const parser of Object.values(TEXT_PARSERS)) {
        const { value: result, ms } = timed(() => parser.parse(input));
        expect(ms, parser.name).toBeLessThan(BUDGET_MS);
        if (result.ok) expect(impossibleValues(result.value), parser.name).toEqual([]);
        else expect(result.error.message.length, parser.name).toBeLessThan(400);
      }
      const { ms } = timed(() => parseHpcNode({ load: input, mem: input, tmem: input, status: input }));
      expect(ms).toBeLessThan(BUDGET_MS);
      for (const [name, parse] of Object.entries(SLURM_PARSERS)) {
        const slurm = timed(() => parse(input));
        expect(slurm.ms, name).toBeLessThan(BUDGET_MS);
        expect(typeof slurm.value.ok, name).toBe('boolean');
      }
    });
  }

  for (const [name, line] of Object.entries(BLENDER)) {
    it(`Blender: ${name} is read within the budget, with no impossible number`, () => {
      const { value: event, ms } = timed(() => parseBlenderLine(line));
      expect(ms).toBeLessThan(BUDGET_MS);
      expect(impossibleValues(event)).toEqual([]);
    });
  }

  it('the quadratic cases named in issue 11 come back as what they are', () => {
    expect(TEXT_PARSERS['openmosix-status']?.parse(CASES['OpenMosix range 1 and 100 K dashes'] ?? '')).toMatchObject({ ok: false });
    expect(TEXT_PARSERS.mtop?.parse(CASES['a 100 KB Mem: line (mtop)'] ?? '')).toMatchObject({ ok: false });
    expect(parseBlenderLine(BLENDER['a Fra: line of 23 digits'] ?? '')).toMatchObject({ kind: 'other' });
    expect(parseBlenderLine(BLENDER['a Saved: line with 100 K spaces'] ?? '')).toMatchObject({ kind: 'other' });
    expect(parseBlenderLine(BLENDER['a Saved: line ending in 100 K spaces and a time'] ?? '')).toMatchObject({ kind: 'other' });
  });
});
