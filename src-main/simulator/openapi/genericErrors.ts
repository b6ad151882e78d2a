// The error bodies Sendcloud can send from any endpoint (auth, routing, rate limit, outages),
// whether or not the operation documents that status. Shapes from API.md section 2.
import type { ApiVersion, JsonObject } from './types';

/** Statuses any endpoint may answer, documented for the operation or not. */
export function isGenericStatus(status: number): boolean {
  return status === 401 || status === 404 || status === 405 || status === 429 || status >= 500;
}

/** Statuses that may come without a body (429 "Throttled", 405, outages). */
export function mayBeEmpty(status: number): boolean {
  return status === 405 || status === 429 || status >= 500;
}

const v3ErrorObject: JsonObject = {
  type: 'object',
  required: ['status', 'code', 'detail'],
  properties: {
    id: { type: 'string' },
    // The one documented 429 body has a numeric status.
    status: { type: ['string', 'integer'] },
    code: { type: 'string' },
    title: { type: 'string' },
    detail: { type: 'string' },
    source: {
      type: 'object',
      properties: {
        pointer: { type: 'string' },
        parameter: { type: 'string' },
        header: { type: 'string' },
      },
    },
    links: { type: 'object' },
    meta: { type: 'object' },
  },
};

const shapes: Record<ApiVersion, JsonObject> = {
  v3: {
    type: 'object',
    required: ['errors'],
    properties: { errors: { type: 'array', minItems: 1, items: v3ErrorObject } },
  },
  v2: {
    type: 'object',
    required: ['error'],
    properties: {
      error: {
        type: 'object',
        required: ['code', 'request', 'message'],
        properties: {
          code: { type: 'integer' },
          request: { type: 'string' },
          message: { type: 'string' },
        },
      },
    },
  },
};

export function genericErrorSchema(version: ApiVersion): JsonObject {
  return shapes[version];
}
