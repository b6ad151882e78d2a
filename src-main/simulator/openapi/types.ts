export type ApiVersion = 'v2' | 'v3';

export interface Violation {
  location: 'path' | 'query' | 'header' | 'body';
  /** JSON pointer into the body, e.g. "/to_address/name" or "/parcels/0/weight"; "" for the whole body. */
  pointer: string;
  /** For query/path/header problems: the parameter's name. */
  parameter?: string;
  /** ajv's keyword, e.g. required, type, enum, additionalProperties, minimum, maxItems, format. */
  keyword: string;
  /** Human text, e.g. "This field is required." / "Input should be a valid string". */
  message: string;
}

export interface MatchedOperation {
  version: ApiVersion;
  /** Upper case. */
  method: string;
  /** E.g. "/orders/{id}", relative to /api/v3 or /api/v2. */
  pathTemplate: string;
  operationId: string | null;
  pathParams: Record<string, string>;
  /** Which document, e.g. "sendcloud-dev/v3-orders.yaml". */
  source: string;
}

export interface RequestInput {
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
  /** Parsed JSON, or undefined when there is none. */
  body: unknown;
  contentType?: string;
}

export interface ResponseInput {
  status: number;
  contentType?: string;
  /** Parsed JSON, or a Buffer for binary. */
  body: unknown;
}

export interface SpecSet {
  /** `path` is relative to the API root, e.g. "/orders/7012401" for /api/v3/orders/7012401. Null if the spec has no such operation. */
  match(version: ApiVersion, method: string, path: string): MatchedOperation | null;
  /** Whether some operation exists for this path with another method (for a 405). */
  pathExists(version: ApiVersion, path: string): boolean;
  validateRequest(op: MatchedOperation, req: RequestInput): Violation[];
  validateResponse(op: MatchedOperation, res: ResponseInput): Violation[];
}

/** A JSON value as parsed from the documents. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
