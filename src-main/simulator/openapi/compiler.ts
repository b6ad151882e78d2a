// One ajv instance for every document; each schema is compiled on first use and kept.
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { toJsonSchema, type Direction } from './convert';
import type { SpecDocument } from './documents';
import { isObject, type JsonObject } from './types';

export interface SchemaValidator {
  validate: ValidateFunction;
  /** The converted schema, with its `$defs`, so failing oneOf branches can be re-checked alone. */
  schema: JsonObject;
}

export class SchemaCompiler {
  private readonly ajv = createAjv();
  private readonly cache = new Map<Direction, WeakMap<object, SchemaValidator>>([
    ['request', new WeakMap()],
    ['response', new WeakMap()],
  ]);
  private readonly branchCache = new WeakMap<object, ValidateFunction>();
  private readonly plainCache = new WeakMap<object, ValidateFunction>();

  /** `schema` must be an object of the parsed document: its identity is the cache key. */
  forSchema(document: SpecDocument, schema: JsonObject, direction: Direction): SchemaValidator {
    const cache = this.cache.get(direction) ?? new WeakMap<object, SchemaValidator>();
    const known = cache.get(schema);
    if (known) return known;
    const converted = toJsonSchema(document, schema, direction);
    const compiled = { validate: this.ajv.compile(converted), schema: converted };
    cache.set(schema, compiled);
    return compiled;
  }

  /** Compiles a free-standing schema (generic error shapes, parameter schemas built here). */
  forPlain(schema: JsonObject): ValidateFunction {
    const known = this.plainCache.get(schema);
    if (known) return known;
    const validate = this.ajv.compile(schema);
    this.plainCache.set(schema, validate);
    return validate;
  }

  /** Validates `data` against one branch of a oneOf/anyOf, resolving refs in the root's $defs. */
  branchErrors(root: JsonObject, branch: unknown, data: unknown): ErrorObject[] {
    const key = isObject(branch) ? branch : null;
    let validate = key ? this.branchCache.get(key) : undefined;
    if (!validate) {
      const defs = isObject(root.$defs) ? root.$defs : {};
      const schema = isObject(branch) ? { ...branch, $defs: defs } : { $defs: defs };
      validate = this.ajv.compile(branch === false ? { not: {} } : schema);
      if (key) this.branchCache.set(key, validate);
    }
    return validate(data) ? [] : [...(validate.errors ?? [])];
  }
}

function createAjv(): Ajv2020 {
  // `verbose` puts the failing schema and data on each error, which explain.ts needs for oneOf.
  const ajv = new Ajv2020({ strict: false, allErrors: true, verbose: true, logger: false });
  addFormats(ajv);
  // OpenAPI's "decimal" is a number written as a string, e.g. "10.20".
  ajv.addFormat('decimal', { type: 'string', validate: (s: string) => /^-?\d+(\.\d+)?$/.test(s) });
  return ajv;
}
