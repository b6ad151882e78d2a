// Path, query and header parameters: strings coerced by their schema, then validated.
import type { SchemaCompiler } from './compiler';
import { pointerGet, resolve, type OperationEntry } from './documents';
import { explain } from './explain';
import { REQUIRED_MESSAGE } from './messages';
import { isObject, type Json, type JsonObject, type Violation } from './types';

type Location = 'path' | 'query' | 'header';

export interface Parameter {
  name: string;
  location: Location;
  required: boolean;
  schema: JsonObject | null;
  /** The JSON types the schema allows, to know how to read the string. */
  types: Set<string>;
  itemTypes: Set<string>;
}

// Accept and Content-Type are negotiated elsewhere; Authorization is the auth layer's.
const UNCHECKED_HEADERS = new Set(['accept', 'content-type', 'authorization']);

const cache = new WeakMap<OperationEntry, Parameter[]>();

export function parametersOf(entry: OperationEntry): Parameter[] {
  const known = cache.get(entry);
  if (known) return known;
  const byKey = new Map<string, Parameter>();
  const declared = [
    ...(Array.isArray(entry.pathItem.parameters) ? entry.pathItem.parameters : []),
    ...(Array.isArray(entry.operation.parameters) ? entry.operation.parameters : []),
  ];
  for (const raw of declared) {
    const param = resolve(entry.document, raw);
    const location = param.in;
    if (typeof param.name !== 'string') continue;
    if (location !== 'path' && location !== 'query' && location !== 'header') continue;
    const schema = isObject(param.schema) ? param.schema : null;
    const types = schema ? typesOf(entry, schema, 0) : new Set<string>();
    const items = schema && types.has('array') ? itemsOf(entry, schema, 0) : null;
    // Operation-level parameters override path-level ones with the same name and location.
    byKey.set(`${location}:${param.name.toLowerCase()}`, {
      name: param.name,
      location,
      required: location === 'path' || param.required === true,
      schema,
      types,
      itemTypes: items ? typesOf(entry, items, 0) : new Set(),
    });
  }
  const parameters = [...byKey.values()];
  cache.set(entry, parameters);
  return parameters;
}

export function validateParameters(
  compiler: SchemaCompiler,
  entry: OperationEntry,
  input: {
    pathParams: Record<string, string>;
    query: URLSearchParams;
    headers: Record<string, string | string[] | undefined>;
  },
): Violation[] {
  const violations: Violation[] = [];
  for (const param of parametersOf(entry)) {
    if (
      param.location === 'header' &&
      (!param.required || UNCHECKED_HEADERS.has(param.name.toLowerCase()))
    ) {
      continue;
    }
    const raw = rawValues(param, input);
    if (raw.length === 0) {
      if (param.required) {
        violations.push({
          location: param.location,
          pointer: '',
          parameter: param.name,
          keyword: 'required',
          message: REQUIRED_MESSAGE,
        });
      }
      continue;
    }
    if (!param.schema) continue;
    const value = param.types.has('array')
      ? raw.flatMap((v) => v.split(',')).map((v) => coerce(v, param.itemTypes))
      : coerce(raw[raw.length - 1] ?? '', param.types);
    const { validate, schema } = compiler.forSchema(entry.document, param.schema, 'request');
    if (validate(value)) continue;
    violations.push(
      ...explain(validate.errors ?? [], {
        compiler,
        root: schema,
        location: param.location,
        parameter: param.name,
      }),
    );
  }
  return violations;
}

function rawValues(
  param: Parameter,
  input: {
    pathParams: Record<string, string>;
    query: URLSearchParams;
    headers: Record<string, string | string[] | undefined>;
  },
): string[] {
  if (param.location === 'path') {
    const value = input.pathParams[param.name];
    return value === undefined ? [] : [value];
  }
  if (param.location === 'query') {
    // `?page_size=` is how a form leaves a filter out; only string parameters keep it.
    return input.query.getAll(param.name).filter((v) => v !== '' || isStringOnly(param.types));
  }
  const wanted = param.name.toLowerCase();
  for (const [name, value] of Object.entries(input.headers)) {
    if (name.toLowerCase() !== wanted || value === undefined) continue;
    return Array.isArray(value) ? value : [value];
  }
  return [];
}

function isStringOnly(types: Set<string>): boolean {
  return types.size === 0 || (types.has('string') && !types.has('array'));
}

/** Reads a string as the first type it fits; otherwise leaves it a string for ajv to reject. */
export function coerce(value: string, types: Set<string>): Json {
  const trimmed = value.trim();
  if (types.has('integer') && /^[-+]?\d+$/.test(trimmed)) return Number(trimmed);
  if (types.has('number') && /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(trimmed)) {
    return Number(trimmed);
  }
  if (types.has('boolean')) {
    const lower = trimmed.toLowerCase();
    if (lower === 'true' || lower === '1') return true;
    if (lower === 'false' || lower === '0') return false;
  }
  if (types.has('null') && !types.has('string') && trimmed === 'null') return null;
  return value;
}

function typesOf(entry: OperationEntry, schema: JsonObject, depth: number): Set<string> {
  const types = new Set<string>();
  if (depth > 8) return types;
  const type = schema.type;
  for (const t of Array.isArray(type) ? type : [type]) if (typeof t === 'string') types.add(t);
  if (schema.nullable === true) types.add('null');
  if (typeof schema.$ref === 'string') {
    const target = pointerGet(entry.document.root, schema.$ref);
    if (isObject(target)) for (const t of typesOf(entry, target, depth + 1)) types.add(t);
  }
  for (const key of ['allOf', 'anyOf', 'oneOf']) {
    const parts = schema[key];
    if (!Array.isArray(parts)) continue;
    for (const part of parts) {
      if (isObject(part)) for (const t of typesOf(entry, part, depth + 1)) types.add(t);
    }
  }
  if (types.size === 0 && Array.isArray(schema.enum)) {
    for (const v of schema.enum) types.add(Number.isInteger(v) ? 'integer' : typeof v);
  }
  return types;
}

function itemsOf(entry: OperationEntry, schema: JsonObject, depth: number): JsonObject | null {
  if (depth > 8) return null;
  if (isObject(schema.items)) return schema.items;
  if (typeof schema.$ref === 'string') {
    const target = pointerGet(entry.document.root, schema.$ref);
    if (isObject(target)) return itemsOf(entry, target, depth + 1);
  }
  for (const key of ['allOf', 'anyOf', 'oneOf']) {
    const parts = schema[key];
    if (!Array.isArray(parts)) continue;
    for (const part of parts) {
      const found = isObject(part) ? itemsOf(entry, part, depth + 1) : null;
      if (found) return found;
    }
  }
  return null;
}
