// Turns an OpenAPI 3.0 or 3.1 schema into plain JSON Schema 2020-12 for ajv, for one direction:
// readOnly properties are not required in requests, writeOnly ones not in responses.
// Every local $ref becomes an entry of the result's `$defs`, so recursive schemas still work.
// `oneOf` is read as `anyOf`: the documents use it for "one of these shapes" without making the
// branches exclusive (v2 POST /parcels: `{parcel}` and `{parcels}` require nothing, so every
// body matches both and a literal oneOf would reject them all). Where every branch is such a
// bag of optional properties, a branch only applies when one of its properties is present:
// that is how the authors tell the shapes apart, and without it anyOf would accept anything.
import { pointerGet, type SpecDocument } from './documents';
import { isObject, type Json, type JsonObject } from './types';

export type Direction = 'request' | 'response';

/** Marks the schema that tells oneOf shapes apart by which properties are present. */
export const PRESENCE_RULE = 'packdesk:presence';

// Documentation-only keywords, or OpenAPI ones ajv does not know; `nullable` is translated first.
const DROPPED = new Set([
  'nullable',
  'discriminator',
  'xml',
  'externalDocs',
  'example',
  'examples',
  'readOnly',
  'writeOnly',
  'deprecated',
  'description',
  'title',
  'default',
  '$comment',
  '$schema',
  '$id',
  '$anchor',
  'contentMediaType',
  'contentEncoding',
]);
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', 'dependentSchemas', '$defs']);
const SCHEMA_LISTS = new Set(['allOf', 'anyOf', 'prefixItems']);
const SCHEMA_VALUES = new Set([
  'items',
  'additionalItems',
  'additionalProperties',
  'unevaluatedProperties',
  'unevaluatedItems',
  'contains',
  'not',
  'if',
  'then',
  'else',
  'propertyNames',
]);

export function toJsonSchema(
  document: SpecDocument,
  schema: Json,
  direction: Direction,
): JsonObject {
  const converter = new Converter(document, direction);
  const root = converter.convert(schema);
  const defs = converter.drain();
  const base: JsonObject = isObject(root) ? root : root === false ? { not: {} } : {};
  return Object.keys(defs).length > 0 ? { ...base, $defs: { ...defs } } : base;
}

class Converter {
  private readonly keys = new Map<string, string>();
  private readonly pending: string[] = [];
  private readonly defs: JsonObject = {};

  constructor(
    private readonly document: SpecDocument,
    private readonly direction: Direction,
  ) {}

  drain(): JsonObject {
    for (let ref = this.pending.shift(); ref !== undefined; ref = this.pending.shift()) {
      const key = this.keys.get(ref);
      if (key === undefined) continue;
      const target = pointerGet(this.document.root, ref);
      if (target === undefined) throw new Error(`${this.document.source}: unresolved $ref ${ref}`);
      this.defs[key] = this.convert(target);
    }
    return this.defs;
  }

  /** `inherited`: for an allOf member, the properties its siblings declare. */
  convert(node: Json, inherited?: Map<string, Json>): Json {
    if (!isObject(node)) return node;
    const out: JsonObject = {};
    let oneOf: Json[] | undefined;
    for (const [key, value] of Object.entries(node)) {
      if (DROPPED.has(key) || key.startsWith('x-')) continue;
      if (key === '$ref' && typeof value === 'string') out.$ref = `#/$defs/${this.defKey(value)}`;
      else if (SCHEMA_MAPS.has(key) && isObject(value)) out[key] = this.convertMap(value);
      else if (key === 'oneOf' && Array.isArray(value)) oneOf = this.oneOfBranches(value);
      else if (key === 'allOf' && Array.isArray(value)) out.allOf = this.allOfMembers(node, value);
      else if (SCHEMA_LISTS.has(key) && Array.isArray(value))
        out[key] = value.map((v) => this.convert(v));
      else if (key === 'items' && Array.isArray(value))
        out.prefixItems = value.map((v) => this.convert(v));
      else if (SCHEMA_VALUES.has(key)) out[key] = this.convert(value);
      else if (key === 'required' && Array.isArray(value))
        out.required = this.required(node, value, inherited);
      else out[key] = value;
    }
    if (oneOf && out.anyOf === undefined) out.anyOf = oneOf;
    else if (oneOf) out.allOf = [...arrayOf(out.allOf), { anyOf: oneOf }];
    // In 3.0 the siblings of a $ref are ignored.
    if (this.document.openapi30 && typeof node.$ref === 'string') {
      return node.nullable === true
        ? nullable({ $ref: out.$ref ?? null })
        : { $ref: out.$ref ?? null };
    }
    if (this.document.openapi30) fixExclusiveBounds(node, out);
    return node.nullable === true ? nullable(out) : out;
  }

  private oneOfBranches(branches: Json[]): Json[] {
    const converted = branches.map((branch) => this.convert(branch));
    const keysPerBranch = branches.map((branch) => this.optionalPropertyBag(branch));
    if (keysPerBranch.some((keys) => keys === null)) return converted;
    return converted.map((branch, index) => {
      const keys = keysPerBranch[index] ?? [];
      const presence: JsonObject = {
        $comment: PRESENCE_RULE,
        anyOf: keys.map((key) => ({ required: [key] })),
      };
      return isObject(branch) ? { ...branch, allOf: [...arrayOf(branch.allOf), presence] } : branch;
    });
  }

  /** The property names of an object schema that requires none of them, else null. */
  private optionalPropertyBag(node: Json): string[] | null {
    const schema =
      isObject(node) && typeof node.$ref === 'string'
        ? pointerGet(this.document.root, node.$ref)
        : node;
    if (!isObject(schema) || !isObject(schema.properties)) return null;
    if (schema.type !== undefined && schema.type !== 'object') return null;
    if (arrayOf(schema.required).length > 0) return null;
    if (['allOf', 'anyOf', 'oneOf', '$ref'].some((key) => schema[key] !== undefined)) return null;
    const keys = Object.keys(schema.properties);
    return keys.length > 0 ? keys : null;
  }

  private convertMap(map: JsonObject): JsonObject {
    const out: JsonObject = {};
    for (const [name, schema] of Object.entries(map)) out[name] = this.convert(schema);
    return out;
  }

  /** allOf members may require properties that a sibling member declares (and marks readOnly). */
  private allOfMembers(node: JsonObject, members: Json[]): Json[] {
    const declared = this.collectProperties(node, new Map(), 0);
    return members.map((member) => this.convert(member, declared));
  }

  /** Drops properties the other side owns: readOnly ones from requests, writeOnly from responses. */
  private required(node: JsonObject, names: Json[], inherited?: Map<string, Json>): Json[] {
    const properties = this.collectProperties(node, new Map(inherited), 0);
    const flag = this.direction === 'request' ? 'readOnly' : 'writeOnly';
    return names.filter((name) => {
      const property = typeof name === 'string' ? properties.get(name) : undefined;
      return property === undefined || !this.isMarked(property, flag, 0);
    });
  }

  /** Property schemas declared by a schema, its $ref target and its allOf members. */
  private collectProperties(node: Json, into: Map<string, Json>, depth: number): Map<string, Json> {
    if (!isObject(node) || depth > 8) return into;
    if (isObject(node.properties)) {
      for (const [name, schema] of Object.entries(node.properties)) into.set(name, schema);
    }
    if (typeof node.$ref === 'string') {
      const target = pointerGet(this.document.root, node.$ref);
      if (target !== undefined) this.collectProperties(target, into, depth + 1);
    }
    for (const member of arrayOf(node.allOf)) this.collectProperties(member, into, depth + 1);
    return into;
  }

  private isMarked(schema: Json, flag: string, depth: number): boolean {
    if (!isObject(schema) || depth > 8) return false;
    if (schema[flag] === true) return true;
    if (typeof schema.$ref === 'string') {
      const target = pointerGet(this.document.root, schema.$ref);
      if (target !== undefined && this.isMarked(target, flag, depth + 1)) return true;
    }
    const parts = Array.isArray(schema.allOf) ? schema.allOf : [];
    return parts.some((part) => this.isMarked(part, flag, depth + 1));
  }

  private defKey(ref: string): string {
    const known = this.keys.get(ref);
    if (known !== undefined) return known;
    const name = (ref.split('/').pop() ?? 'def').replace(/[^A-Za-z0-9_.-]/g, '_');
    const used = new Set(this.keys.values());
    let key = name;
    for (let n = 2; used.has(key); n += 1) key = `${name}_${n}`;
    this.keys.set(ref, key);
    this.pending.push(ref);
    return key;
  }
}

function arrayOf(value: Json | undefined): Json[] {
  return Array.isArray(value) ? value : [];
}

/** OpenAPI 3.0 `nullable: true` as JSON Schema: null joins the type (and the enum, if any). */
function nullable(schema: JsonObject): JsonObject {
  const type = schema.type;
  if (typeof type === 'string' || Array.isArray(type)) {
    const types = Array.isArray(type) ? type : [type];
    const out: JsonObject = {
      ...schema,
      type: types.includes('null') ? types : [...types, 'null'],
    };
    if (Array.isArray(schema.enum) && !schema.enum.includes(null))
      out.enum = [...schema.enum, null];
    return out;
  }
  return { anyOf: [schema, { type: 'null' }] };
}

/** OpenAPI 3.0 has boolean exclusiveMinimum/Maximum modifying minimum/maximum. */
function fixExclusiveBounds(node: JsonObject, out: JsonObject): void {
  for (const [exclusive, bound] of [
    ['exclusiveMinimum', 'minimum'],
    ['exclusiveMaximum', 'maximum'],
  ] as const) {
    if (typeof node[exclusive] !== 'boolean') continue;
    delete out[exclusive];
    const limit = node[bound];
    if (node[exclusive] === true && typeof limit === 'number') {
      out[exclusive] = limit;
      delete out[bound];
    }
  }
}
