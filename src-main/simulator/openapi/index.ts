// Validation of simulator traffic against Sendcloud's official OpenAPI documents.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSpecSet, type IndexedSpecSet } from './specSet';

export type {
  ApiVersion,
  MatchedOperation,
  RequestInput,
  ResponseInput,
  SpecSet,
  Violation,
} from './types';
export type { IndexedSpecSet } from './specSet';
export { v2ErrorBody, v3Code, v3ErrorBody, type V3ErrorItem } from './errorBodies';
export { knownSpecConflicts, type SpecConflict } from './knownConflicts';

const SPEC_FOLDER = join('resources', 'sendcloud-spec');
const loaded = new Map<string, IndexedSpecSet>();

/** Parse and index the vendored documents once (lazily, cached per process). */
export function loadSpecs(dir: string = specDir()): IndexedSpecSet {
  const key = resolve(dir);
  const known = loaded.get(key);
  if (known) return known;
  const specs = createSpecSet(key);
  loaded.set(key, specs);
  return specs;
}

/** Walks up from this module (source tree under vitest, out/main after a build) to the specs. */
export function specDir(): string {
  const start = dirname(fileURLToPath(import.meta.url));
  for (let dir = start; ; dir = dirname(dir)) {
    const candidate = join(dir, SPEC_FOLDER);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) break;
  }
  throw new Error(`No ${SPEC_FOLDER} folder above ${start}`);
}
