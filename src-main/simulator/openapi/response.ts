// A response against its operation: documented status, content type, then the JSON schema.
import type { SchemaCompiler } from './compiler';
import { resolve, type OperationEntry } from './documents';
import { explain } from './explain';
import { genericErrorSchema, isGenericStatus, mayBeEmpty } from './genericErrors';
import { findMediaType, isJsonMediaType, normalizeMediaType, schemaOf } from './media';
import { isObject, type ResponseInput, type Violation } from './types';

export function validateResponse(
  compiler: SchemaCompiler,
  entry: OperationEntry,
  res: ResponseInput,
): Violation[] {
  const documented = documentedResponse(entry, res.status);
  if (!documented) {
    if (isGenericStatus(res.status)) return validateGeneric(compiler, entry, res);
    return [
      {
        location: 'body',
        pointer: '',
        keyword: 'status',
        message: `Status ${res.status} is not documented for ${entry.method} ${entry.pathTemplate}.`,
      },
    ];
  }
  const content = isObject(documented.content) ? documented.content : {};
  if (Object.keys(content).length === 0) {
    // Documented without content: nothing to check, except that a 204 has no body at all.
    if (res.status === 204 && !isEmpty(res.body)) {
      return [bodyViolation('contentType', 'A 204 response has no body.')];
    }
    return [];
  }
  const mediaType = normalizeMediaType(res.contentType);
  const key = findMediaType(content, mediaType);
  if (key === undefined) {
    const listed = Object.keys(content).join(', ');
    return [
      bodyViolation(
        'contentType',
        `Content type "${mediaType ?? ''}" is not documented for status ${res.status} (documented: ${listed}).`,
      ),
    ];
  }
  if (Buffer.isBuffer(res.body)) {
    if (mediaType !== undefined || !isJsonMediaType(normalizeMediaType(key) ?? '')) return [];
    return [bodyViolation('contentType', 'A binary body needs its content type.')];
  }
  const schema = schemaOf(content, key);
  if (!schema || !isJsonMediaType(normalizeMediaType(key) ?? '')) return [];
  if (res.body === undefined) {
    return [bodyViolation('required', `Status ${res.status} documents a body, but there is none.`)];
  }
  const compiled = compiler.forSchema(entry.document, schema, 'response');
  if (compiled.validate(res.body)) return [];
  return explain(compiled.validate.errors ?? [], {
    compiler,
    root: compiled.schema,
    location: 'body',
  });
}

/** The response keys the operation documents, e.g. ["200", "400", "404"]. */
export function documentedStatuses(entry: OperationEntry): string[] {
  return isObject(entry.operation.responses) ? Object.keys(entry.operation.responses) : [];
}

function documentedResponse(entry: OperationEntry, status: number) {
  const responses = isObject(entry.operation.responses) ? entry.operation.responses : {};
  const range = `${Math.floor(status / 100)}xx`;
  const key =
    Object.keys(responses).find((k) => k === String(status)) ??
    Object.keys(responses).find((k) => k.toLowerCase() === range) ??
    Object.keys(responses).find((k) => k === 'default');
  return key === undefined ? null : resolve(entry.document, responses[key]);
}

function validateGeneric(
  compiler: SchemaCompiler,
  entry: OperationEntry,
  res: ResponseInput,
): Violation[] {
  if (isEmpty(res.body)) {
    if (mayBeEmpty(res.status)) return [];
    return [bodyViolation('required', `A ${res.status} response carries Sendcloud's error body.`)];
  }
  const mediaType = normalizeMediaType(res.contentType);
  if (mediaType !== undefined && !isJsonMediaType(mediaType)) {
    return [bodyViolation('contentType', `Error bodies are JSON, not "${mediaType}".`)];
  }
  const schema = genericErrorSchema(entry.version);
  const validate = compiler.forPlain(schema);
  if (validate(res.body)) return [];
  return explain(validate.errors ?? [], { compiler, root: schema, location: 'body' });
}

function isEmpty(body: unknown): boolean {
  if (body === undefined || body === null || body === '') return true;
  return Buffer.isBuffer(body) && body.length === 0;
}

function bodyViolation(keyword: string, message: string): Violation {
  return { location: 'body', pointer: '', keyword, message };
}
