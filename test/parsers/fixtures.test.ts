// Every fixture under fixtures/<tool>/ against its expected value or error.
import { describe, expect, it } from 'vitest';
import { parseHpcNode } from '../../parsers/hpc.js';
import { hpcNodeFixtures, readExpected, textFixtures } from './fixtureCases.js';

const cases = textFixtures();
const valueCases = cases.filter((fixture) => !fixture.expectsError);
const errorCases = cases.filter((fixture) => fixture.expectsError);

describe('fixtures', () => {
  it('covers every tool folder with both values and errors', () => {
    const folders = (list: typeof cases): Set<string> => new Set(list.map((fixture) => fixture.id.split('/')[0] ?? ''));
    expect(folders(valueCases)).toEqual(new Set(['openmosix-status', 'mps', 'mtop', 'mosctl', 'hpc']));
    expect(folders(errorCases)).toEqual(new Set(['openmosix-status', 'mps', 'mtop', 'mosctl', 'hpc']));
  });

  it.each(valueCases.map((fixture) => [fixture.id, fixture] as const))('%s parses to its .json', (_id, fixture) => {
    const result = fixture.parser.parse(fixture.input);
    if (!result.ok) expect.fail(`${fixture.id}: line ${result.error.line}: ${result.error.message}`);
    expect(result.value).toEqual(readExpected(fixture.expectedPath));
    expect(fixture.parser.schema.safeParse(result.value).success).toBe(true);
  });

  it.each(errorCases.map((fixture) => [fixture.id, fixture] as const))('%s fails as its .error.json says', (_id, fixture) => {
    const result = fixture.parser.parse(fixture.input);
    if (result.ok) expect.fail(`${fixture.id}: expected an error, got ${JSON.stringify(result.value)}`);
    expect(result.error).toEqual(readExpected(fixture.expectedPath));
  });

  it.each(hpcNodeFixtures().map((fixture) => [fixture.id, fixture] as const))('%s parses to its .json', (_id, fixture) => {
    const result = parseHpcNode(fixture.files);
    if (!result.ok) expect.fail(result.error.message);
    expect(result.value).toEqual(readExpected(fixture.expectedPath));
  });
});
