// Reads the captures (copied byte for byte under fixtures/: the tutorial's, and the real tools'
// under fixtures/real/) for the printer tests.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const FIXTURES = fileURLToPath(new URL('../../../fixtures/', import.meta.url));

export function fixtureText(path: string): string {
  return readFileSync(`${FIXTURES}${path}`, 'utf8');
}

export function fixtureJson(path: string): unknown {
  return JSON.parse(fixtureText(path));
}

/** A real capture: fixtures/real/NAME (`mosctl-getload-266.txt`, `live/mosctl-stay.stdout`). */
export function real(name: string): string {
  return fixtureText(`real/${name}`);
}
