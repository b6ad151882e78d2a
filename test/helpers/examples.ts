// The real Sendcloud request, response and error bodies the client and simulator are tested
// against: a copy of shared/sendcloud/examples kept in the repo, so the tests run in any clone.
import { readFileSync } from 'node:fs';

export const examplesDir = new URL('../fixtures/sendcloud-examples/', import.meta.url);

export function exampleUrl(file: string): URL {
  return new URL(file, examplesDir);
}

export function readExampleJson(file: string): unknown {
  return JSON.parse(readFileSync(exampleUrl(file), 'utf8'));
}
