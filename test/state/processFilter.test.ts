import { describe, expect, it } from 'vitest';
import { filterMatches, parseFilter } from '../../src/state/processFilter.js';
import { fakeProcess } from '../helpers/fakeBackend.js';

const p = fakeProcess(1181, { command: '/usr/bin/blender -b scene.blend', user: 'alice', node: 266, home: 261, stat: 'R<' });
const matches = (text: string): boolean => filterMatches(p, parseFilter(text));

describe('process filter', () => {
  it('plain words match the command, the user or the exact PID, case-insensitive, every word', () => {
    expect(matches('BLENDER')).toBe(true);
    expect(matches('ali')).toBe(true);
    expect(matches('1181')).toBe(true);
    expect(matches('118')).toBe(false);
    expect(matches('blender alice')).toBe(true);
    expect(matches('blender bob')).toBe(false);
    expect(matches('')).toBe(true);
  });

  it('field words match one field: node and home take N266 or 266', () => {
    expect(matches('node:266')).toBe(true);
    expect(matches('node:N266')).toBe(true);
    expect(matches('node:261')).toBe(false);
    expect(matches('home:261')).toBe(true);
    expect(matches('user:alice')).toBe(true);
    expect(matches('user:blender')).toBe(false);
    expect(matches('state:R')).toBe(true);
    expect(matches('state:S')).toBe(false);
    expect(matches('pid:1181')).toBe(true);
    expect(matches('cmd:scene')).toBe(true);
    expect(matches('cmd:alice')).toBe(false);
  });

  it('node:? (or node:N?) matches a process whose node the tools could not read, and only that', () => {
    const unknown = fakeProcess(1182, { node: null });
    expect(filterMatches(unknown, parseFilter('node:?'))).toBe(true);
    expect(filterMatches(unknown, parseFilter('node:N?'))).toBe(true);
    expect(filterMatches(unknown, parseFilter('node:null'))).toBe(false);
    expect(matches('node:?')).toBe(false);
  });

  it('a word with an unknown field matches as text, and is reported', () => {
    expect(parseFilter('foo:bar node:266')).toEqual({
      terms: [{ field: null, value: 'foo:bar' }, { field: 'node', value: '266' }], unknownFields: ['foo'],
    });
    expect(matches('foo:bar')).toBe(false);
    // A field with nothing after it yet (still typing) matches as text too.
    expect(parseFilter('node:').terms).toEqual([{ field: null, value: 'node:' }]);
  });
});
