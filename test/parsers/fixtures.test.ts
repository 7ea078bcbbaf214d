// Every fixture under fixtures/<tool>/ against its expected value or error.
import { describe, expect, it } from 'vitest';
import { parseHpcNode } from '../../parsers/hpc.js';
import { hpcNodeFixtures, parserForKind, readExpected, realCaptures, textFixtures } from './fixtureCases.js';

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

  const real = realCaptures().filter((capture) => parserForKind(capture.kind) !== undefined);

  it.each(real.map((capture) => [capture.id, capture] as const))('real capture %s reads as its expected JSON', (_id, capture) => {
    const parser = parserForKind(capture.kind);
    if (!parser || capture.expectedPath === null) return expect.fail(`${capture.id}: no parser or no expected JSON`);
    const result = parser.parse(capture.text);
    const expected = readExpected(capture.expectedPath);
    if (capture.expectsError) {
      if (result.ok) return expect.fail(`${capture.id}: expected an error, got ${JSON.stringify(result.value)}`);
      expect({ line: result.error.line, code: result.error.code, message: result.error.message }).toEqual(expected);
    } else {
      if (!result.ok) return expect.fail(`${capture.id}: line ${result.error.line}: ${result.error.message}`);
      expect(result.value).toEqual(expected);
      expect(result.warnings).toEqual([]);
    }
  });

  it.each(hpcNodeFixtures().map((fixture) => [fixture.id, fixture] as const))('%s parses to its .json', (_id, fixture) => {
    const result = parseHpcNode(fixture.files);
    if (!result.ok) expect.fail(result.error.message);
    expect(result.value).toEqual(readExpected(fixture.expectedPath));
  });
});
