import { describe, expect, it } from 'vitest';
import { readHeader, readRow, type TableLayout } from '../../../parsers/util/table.js';

const line = (text: string) => ({ number: 1, text });

describe('table reading', () => {
  const layout = readHeader(line('  PID TTY NODE STAT TIME COMMAND'), ['PID']) as TableLayout;

  it('reads STAT with a space, touching TIME, and keeps the command whole', () => {
    expect(readRow(line(' 4501  ?    -1 R N227:33 ./dnetc -numcpu 0  '), layout)).toEqual({
      ok: true, cells: { PID: '4501', TTY: '?', NODE: '-1', STAT: 'R N', TIME: '227:33', COMMAND: './dnetc -numcpu 0' },
    });
  });

  it('reports the first cell the check refuses', () => {
    const reading = readRow(line(' abc ? 0 S 0:00 x'), layout, (column, cell) => column !== 'PID' || /^\d+$/.test(cell));
    expect(reading).toEqual({ ok: false, column: 'PID', found: 'abc' });
  });

  it('requires COMMAND last and the named columns', () => {
    expect(readHeader(line('PID COMMAND TIME'), [])).toContain('COMMAND');
    expect(readHeader(line('PID TIME CMD'), ['NODE'])).toContain('NODE');
  });
});
