// Turns ajv's raw errors into Violations. With allErrors, a failing oneOf/anyOf reports the
// errors of every branch; Sendcloud answers about the shape you meant, so only the closest
// branch is kept: re-validated on its own, ignoring branches of the wrong kind.
import type { ErrorObject } from 'ajv/dist/2020.js';
import type { SchemaCompiler } from './compiler';
import { PRESENCE_RULE } from './convert';
import { describeError } from './messages';
import { isObject, type JsonObject, type Violation } from './types';

interface Context {
  compiler: SchemaCompiler;
  root: JsonObject;
  location: Violation['location'];
  parameter?: string;
}

const MAX_DEPTH = 6;

export function explain(errors: ErrorObject[], context: Context): Violation[] {
  const violations: Violation[] = [];
  const seen = new Set<string>();
  for (const error of reduce(errors, context, 0)) {
    const violation = toViolation(error, context);
    const key = `${violation.pointer}\u0000${violation.keyword}\u0000${violation.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    violations.push(violation);
  }
  return violations;
}

function reduce(errors: ErrorObject[], context: Context, depth: number): ErrorObject[] {
  // `if` only says "must match then"; the `then` errors themselves follow.
  let remaining = errors.filter((e) => e.keyword !== 'if');
  const chosen: ErrorObject[] = [];
  for (;;) {
    const composite = outermostComposite(remaining);
    if (!composite || depth >= MAX_DEPTH) break;
    const base = composite.instancePath;
    const branches: unknown[] = Array.isArray(composite.schema) ? composite.schema : [];
    const results = branches.map((branch) =>
      context.compiler
        .branchErrors(context.root, branch, composite.data)
        .map((e) => ({ ...e, instancePath: base + e.instancePath })),
    );
    const produced = new Set(results.flat().map(signature));
    remaining = remaining.filter(
      (e) => e !== composite && !(within(e.instancePath, base) && produced.has(signature(e))),
    );
    const best = pickBranch(results, base);
    if (best) chosen.push(...reduce(best, context, depth + 1));
  }
  return [...remaining, ...chosen];
}

function outermostComposite(errors: ErrorObject[]): ErrorObject | undefined {
  let found: ErrorObject | undefined;
  for (const error of errors) {
    if (error.keyword !== 'oneOf' && error.keyword !== 'anyOf') continue;
    // A oneOf matched by several branches is a real violation of its own.
    if (error.keyword === 'oneOf' && Array.isArray(error.params.passingSchemas)) continue;
    // At equal depth the later error is the enclosing one: ajv reports a composite after its branches.
    if (!found || error.instancePath.length <= found.instancePath.length) found = error;
  }
  return found;
}

/** The branch with the fewest errors, preferring branches of the right kind (type, const tag). */
function pickBranch(results: ErrorObject[][], base: string): ErrorObject[] | undefined {
  let best: { errors: ErrorObject[]; score: number } | undefined;
  for (const errors of results) {
    const wrongKind = errors.some(
      (e) =>
        (e.keyword === 'type' && e.instancePath === base) ||
        (e.keyword === 'const' && isChild(e.instancePath, base)) ||
        (e.instancePath === base && isPresenceRule(e.parentSchema)),
    );
    const score = (wrongKind ? 1_000 : 0) + errors.length;
    if (!best || score < best.score) best = { errors, score };
  }
  return best?.errors;
}

function isPresenceRule(schema: unknown): boolean {
  return isObject(schema) && schema.$comment === PRESENCE_RULE;
}

function within(path: string, base: string): boolean {
  return path === base || path.startsWith(`${base}/`);
}

function isChild(path: string, base: string): boolean {
  return path.startsWith(`${base}/`) && !path.slice(base.length + 1).includes('/');
}

function signature(error: ErrorObject): string {
  return `${error.instancePath}\u0000${error.keyword}\u0000${JSON.stringify(error.params)}`;
}

function toViolation(error: ErrorObject, context: Context): Violation {
  const params: Record<string, unknown> = error.params;
  let pointer = error.instancePath;
  const child = params.missingProperty ?? params.additionalProperty ?? params.unevaluatedProperty;
  if (typeof child === 'string') pointer += `/${child.replace(/~/g, '~0').replace(/\//g, '~1')}`;
  const keyword = error.keyword === 'type' && error.data === null ? 'null' : error.keyword;
  const violation: Violation = {
    location: context.location,
    pointer,
    keyword,
    message: describeError(error),
  };
  if (context.parameter !== undefined) violation.parameter = context.parameter;
  return violation;
}
