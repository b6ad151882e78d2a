// Every schema an operation can validate against, so they can all be compiled up front: the
// first request to an operation otherwise pays its compile (tens of ms for the large ones).
import type { Direction } from './convert';
import { resolve, type OperationEntry } from './documents';
import { isJsonMediaType, normalizeMediaType, schemaOf } from './media';
import { parametersOf } from './parameters';
import { isObject, type JsonObject } from './types';

export function schemasOf(entry: OperationEntry): { schema: JsonObject; direction: Direction }[] {
  const found: { schema: JsonObject; direction: Direction }[] = [];
  for (const param of parametersOf(entry)) {
    if (param.schema) found.push({ schema: param.schema, direction: 'request' });
  }
  const requestBody = resolve(entry.document, entry.operation.requestBody);
  for (const schema of jsonSchemas(requestBody.content))
    found.push({ schema, direction: 'request' });
  const responses = isObject(entry.operation.responses) ? entry.operation.responses : {};
  for (const raw of Object.values(responses)) {
    const response = resolve(entry.document, raw);
    for (const schema of jsonSchemas(response.content))
      found.push({ schema, direction: 'response' });
  }
  return found;
}

function jsonSchemas(content: unknown): JsonObject[] {
  if (!isObject(content)) return [];
  return Object.keys(content)
    .filter((key) => isJsonMediaType(normalizeMediaType(key) ?? ''))
    .map((key) => schemaOf(content, key))
    .filter((schema): schema is JsonObject => schema !== null);
}
