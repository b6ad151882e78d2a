// Reads the vendored OpenAPI documents and lists their operations, one entry per method + path.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { isObject, type ApiVersion, type Json, type JsonObject } from './types';

export interface SpecDocument {
  /** Relative to the spec folder, e.g. "sendcloud-dev/v3-orders.yaml". */
  source: string;
  version: ApiVersion;
  /** OpenAPI 3.0 documents need `nullable` and boolean `exclusiveMinimum` translated. */
  openapi30: boolean;
  root: JsonObject;
}

export interface OperationEntry {
  version: ApiVersion;
  method: string;
  pathTemplate: string;
  operationId: string | null;
  document: SpecDocument;
  pathItem: JsonObject;
  operation: JsonObject;
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

// Raw sendcloud.dev snapshots first: they win over the merged bundles for the same operation.
const FOLDERS = ['sendcloud-dev', 'toppynl-merged'];

export function readDocuments(dir: string): SpecDocument[] {
  const documents: SpecDocument[] = [];
  for (const folder of FOLDERS) {
    if (!existsSync(join(dir, folder))) continue;
    const names = readdirSync(join(dir, folder))
      .filter((name) => /\.(ya?ml|json)$/.test(name))
      .sort();
    for (const name of names) {
      const text = readFileSync(join(dir, folder, name), 'utf8');
      const parsed: unknown = name.endsWith('.json')
        ? JSON.parse(text)
        : parse(text, { maxAliasCount: -1 });
      if (!isObject(parsed)) throw new Error(`${folder}/${name} is not an OpenAPI document`);
      const version = versionOf(parsed, name);
      if (!version) continue;
      const openapi = typeof parsed.openapi === 'string' ? parsed.openapi : '';
      documents.push({
        source: `${folder}/${name}`,
        version,
        openapi30: openapi.startsWith('3.0'),
        root: parsed,
      });
    }
  }
  return documents;
}

/** Webhook-only documents (servers on the shop's own host) have no version and are skipped. */
function versionOf(root: JsonObject, fileName: string): ApiVersion | null {
  const servers = Array.isArray(root.servers) ? root.servers : [];
  for (const server of servers) {
    const url = isObject(server) && typeof server.url === 'string' ? server.url : '';
    if (/\/api\/v3\/?$/.test(url)) return 'v3';
    if (/\/api\/v2\/?$/.test(url) || url.includes('servicepoints.sendcloud.sc')) return 'v2';
  }
  if (!isObject(root.paths) || Object.keys(root.paths).length === 0) return null;
  if (fileName.startsWith('v2-')) return 'v2';
  if (fileName.startsWith('v3-')) return 'v3';
  return null;
}

export function listOperations(document: SpecDocument): OperationEntry[] {
  const entries: OperationEntry[] = [];
  const paths = isObject(document.root.paths) ? document.root.paths : {};
  for (const [pathTemplate, rawItem] of Object.entries(paths)) {
    const pathItem = resolve(document, rawItem);
    for (const method of METHODS) {
      const operation = pathItem[method];
      if (!isObject(operation)) continue;
      entries.push({
        version: document.version,
        method: method.toUpperCase(),
        pathTemplate,
        operationId: typeof operation.operationId === 'string' ? operation.operationId : null,
        document,
        pathItem,
        operation,
      });
    }
  }
  return entries;
}

/** Follows a local `$ref` (for parameters, request bodies, responses, path items). */
export function resolve(document: SpecDocument, node: Json | undefined): JsonObject {
  let current: Json | undefined = node;
  for (let hops = 0; hops < 20; hops += 1) {
    if (!isObject(current)) return {};
    const ref = current.$ref;
    if (typeof ref !== 'string') return current;
    current = pointerGet(document.root, ref);
  }
  throw new Error(`${document.source}: $ref chain too long`);
}

/** Looks up a local reference such as "#/components/schemas/Order". */
export function pointerGet(root: Json, ref: string): Json | undefined {
  if (!ref.startsWith('#')) throw new Error(`Only local $refs are supported, got ${ref}`);
  let current: Json | undefined = root;
  const fragment = decodeURIComponent(ref.slice(1));
  if (fragment === '') return current;
  for (const raw of fragment.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(current)) current = current[Number(key)];
    else if (isObject(current)) current = current[key];
    else return undefined;
  }
  return current;
}
