// The request body: its presence, its content type and its JSON schema.
import type { SchemaCompiler } from './compiler';
import { resolve, type OperationEntry } from './documents';
import { explain } from './explain';
import { findMediaType, isJsonMediaType, normalizeMediaType, schemaOf } from './media';
import { REQUIRED_MESSAGE } from './messages';
import { isObject, type Violation } from './types';

export function validateRequestBody(
  compiler: SchemaCompiler,
  entry: OperationEntry,
  body: unknown,
  contentType: string | undefined,
): Violation[] {
  const requestBody = resolve(entry.document, entry.operation.requestBody);
  const content = isObject(requestBody.content) ? requestBody.content : {};
  if (Object.keys(content).length === 0) return [];
  if (body === undefined) {
    if (requestBody.required !== true) return [];
    return [{ location: 'body', pointer: '', keyword: 'required', message: REQUIRED_MESSAGE }];
  }
  const mediaType = normalizeMediaType(contentType);
  const key = findMediaType(content, mediaType);
  if (key === undefined) {
    return [
      {
        location: 'header',
        pointer: '',
        parameter: 'Content-Type',
        keyword: 'contentType',
        message: `Unsupported media type "${mediaType ?? ''}" in request.`,
      },
    ];
  }
  const schema = schemaOf(content, key);
  if (!schema || !isJsonMediaType(normalizeMediaType(key) ?? '')) return [];
  const compiled = compiler.forSchema(entry.document, schema, 'request');
  if (compiled.validate(body)) return [];
  return explain(compiled.validate.errors ?? [], {
    compiler,
    root: compiled.schema,
    location: 'body',
  });
}
