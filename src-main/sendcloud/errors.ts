// Everything the Sendcloud client throws: one base class with a `kind` callers branch on, and one
// subclass per meaning. `message` is English for the log and `details` hold Sendcloud's own
// texts, never keys or raw bodies; what a packer reads comes from describeSendcloudError
// (src-main/describe-error.ts), with Sendcloud's detail as a parameter of a translated message.
import type { ErrorCode } from '../../src-shared';
import { errorBodySchema, v2ErrorEnvelopeSchema } from './schemas';
import type { Shipment } from './v3/schemas';

export type SendcloudErrorKind =
  | 'auth'
  | 'validation'
  | 'not-found'
  | 'conflict'
  | 'rate-limited'
  | 'server'
  | 'network'
  | 'timeout';

export interface SendcloudErrorDetail {
  code?: string;
  detail: string;
  /** JSON pointer into the request body, when Sendcloud names one. */
  pointer?: string;
  /** Query parameter that caused the error, when Sendcloud names one. */
  parameter?: string;
}

export interface FieldError {
  pointer: string;
  detail: string;
}

export interface SendcloudErrorOptions {
  status?: number;
  requestId?: string;
  details?: SendcloudErrorDetail[];
  retryAfterMs?: number;
  cause?: unknown;
  /** The code to show in the app; defaults by kind. */
  uiCode?: ErrorCode;
}

const defaultUiCode: Record<SendcloudErrorKind, ErrorCode> = {
  auth: 'auth-failed',
  validation: 'sendcloud-error',
  'not-found': 'sendcloud-error',
  conflict: 'sendcloud-error',
  'rate-limited': 'rate-limited',
  server: 'sendcloud-error',
  network: 'offline',
  timeout: 'offline',
};

export class SendcloudError extends Error {
  readonly kind: SendcloudErrorKind;
  readonly status?: number;
  /** Sendcloud's request id, when a response header carried one: quote it to their support. */
  readonly requestId?: string;
  readonly details: SendcloudErrorDetail[];
  /** From a `Retry-After` header, if Sendcloud sent one (not documented, but honoured). */
  readonly retryAfterMs?: number;
  /** What the app shows for this failure, from the contract's closed union. */
  readonly uiCode: ErrorCode;

  constructor(kind: SendcloudErrorKind, message: string, options: SendcloudErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'SendcloudError';
    this.kind = kind;
    this.status = options.status;
    this.requestId = options.requestId;
    this.details = options.details ?? [];
    this.retryAfterMs = options.retryAfterMs;
    this.uiCode = options.uiCode ?? defaultUiCode[kind];
  }
}

/** 401/403: the keys are wrong, revoked, or lack the scope. */
export class SendcloudAuthError extends SendcloudError {
  constructor(message: string, options: SendcloudErrorOptions = {}) {
    super('auth', message, options);
    this.name = 'SendcloudAuthError';
  }
}

/** 400/422 and other 4xx: the request was refused as it is; `fields` point at what to fix. */
export class SendcloudValidationError extends SendcloudError {
  readonly fields: FieldError[];
  constructor(message: string, options: SendcloudErrorOptions & { fields?: FieldError[] } = {}) {
    super('validation', message, options);
    this.name = 'SendcloudValidationError';
    this.fields =
      options.fields ??
      this.details.flatMap((d) => (d.pointer ? [{ pointer: d.pointer, detail: d.detail }] : []));
  }
}

export class SendcloudNotFoundError extends SendcloudError {
  constructor(message: string, options: SendcloudErrorOptions = {}) {
    super('not-found', message, options);
    this.name = 'SendcloudNotFoundError';
  }
}

/** 409: a shipment with this external_reference_id exists, or a cancel is already under way. */
export class SendcloudConflictError extends SendcloudError {
  /** The shipment that already holds the external_reference_id, when Sendcloud sent it back. */
  readonly existingShipment?: Shipment;
  constructor(
    message: string,
    options: SendcloudErrorOptions & { existingShipment?: Shipment } = {},
  ) {
    super('conflict', message, {
      ...options,
      uiCode: options.uiCode ?? (options.existingShipment ? 'already-labelled' : undefined),
    });
    this.name = 'SendcloudConflictError';
    this.existingShipment = options.existingShipment;
  }
}

export class SendcloudRateLimitError extends SendcloudError {
  constructor(message: string, options: SendcloudErrorOptions = {}) {
    super('rate-limited', message, options);
    this.name = 'SendcloudRateLimitError';
  }
}

/** 5xx, or a 2xx whose body Packdesk cannot read. */
export class SendcloudServerError extends SendcloudError {
  constructor(message: string, options: SendcloudErrorOptions = {}) {
    super('server', message, options);
    this.name = 'SendcloudServerError';
  }
}

/** No answer at all: DNS, refused or reset connection. */
export class SendcloudNetworkError extends SendcloudError {
  constructor(message: string, options: SendcloudErrorOptions = {}) {
    super('network', message, options);
    this.name = 'SendcloudNetworkError';
  }
}

export class SendcloudTimeoutError extends SendcloudError {
  constructor(message: string, options: SendcloudErrorOptions = {}) {
    super('timeout', message, options);
    this.name = 'SendcloudTimeoutError';
  }
}

/** Map an HTTP status of a failed Sendcloud response to the kind callers act on. */
export function classify(status: number): SendcloudErrorKind {
  if (status === 401 || status === 403) return 'auth';
  if (status === 404 || status === 410) return 'not-found';
  if (status === 408) return 'timeout';
  if (status === 409) return 'conflict';
  if (status === 429) return 'rate-limited';
  if (status >= 400 && status < 500) return 'validation';
  return 'server';
}

/** The subclass for a kind; `existingShipment` only matters to a conflict. */
export function sendcloudError(
  kind: SendcloudErrorKind,
  message: string,
  options: SendcloudErrorOptions & { fields?: FieldError[]; existingShipment?: Shipment } = {},
): SendcloudError {
  switch (kind) {
    case 'auth':
      return new SendcloudAuthError(message, options);
    case 'validation':
      return new SendcloudValidationError(message, options);
    case 'not-found':
      return new SendcloudNotFoundError(message, options);
    case 'conflict':
      return new SendcloudConflictError(message, options);
    case 'rate-limited':
      return new SendcloudRateLimitError(message, options);
    case 'server':
      return new SendcloudServerError(message, options);
    case 'network':
      return new SendcloudNetworkError(message, options);
    case 'timeout':
      return new SendcloudTimeoutError(message, options);
  }
}

/**
 * Read the error details out of any body shape Sendcloud uses: v3 `{"errors": [...]}`, the v2
 * envelope `{"error": {code, request, message}}`, v2 field maps `{"field": ["msg"]}`, the v2
 * cancel/label `{"status"?, "message"}`, and the tracking API's `{"detail": ...}`.
 */
export function parseErrorDetails(body: unknown): SendcloudErrorDetail[] {
  const v3 = errorBodySchema.safeParse(body);
  if (v3.success) {
    const list = Array.isArray(v3.data.errors) ? v3.data.errors : [v3.data.errors];
    return list.map((error) => {
      // No words of our own here: an empty detail reads as "Sendcloud refused the request."
      const detail: SendcloudErrorDetail = { detail: error.detail ?? error.title ?? '' };
      if (error.code) detail.code = error.code;
      if (error.source?.pointer) detail.pointer = error.source.pointer;
      if (error.source?.parameter) detail.parameter = error.source.parameter;
      return detail;
    });
  }
  const v2 = v2ErrorEnvelopeSchema.safeParse(body);
  if (v2.success) {
    const { code, message } = v2.data.error;
    const fields = v2MessageFields(message);
    const codeText = code === undefined || code === null ? undefined : String(code);
    if (fields.length === 0) return [{ ...(codeText ? { code: codeText } : {}), detail: message }];
    return fields.map((f) => ({ ...(codeText ? { code: codeText } : {}), ...f }));
  }
  if (!isRecord(body)) return [];
  if (typeof body.detail === 'string') return [{ detail: body.detail }];
  if (Array.isArray(body.detail)) return fastApiDetails(body.detail);
  if (typeof body.message === 'string') {
    return [
      { ...(typeof body.status === 'string' ? { code: body.status } : {}), detail: body.message },
    ];
  }
  return fieldMapDetails(body, '');
}

/** v2 packs field errors into one message: `house_number: 'This field cannot be blank.'`. */
function v2MessageFields(message: string): SendcloudErrorDetail[] {
  const pattern = /([A-Za-z_][\w.]*):\s*(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)")/g;
  const fields: SendcloudErrorDetail[] = [];
  for (const match of message.matchAll(pattern)) {
    const name = match[1] ?? '';
    fields.push({ detail: match[2] ?? match[3] ?? '', pointer: fieldPointer(name.split('.')) });
  }
  return fields;
}

/** A DRF field map, possibly nested (`{"parcel": {"name": ["…"]}}`), as one detail per message. */
function fieldMapDetails(body: Record<string, unknown>, prefix: string): SendcloudErrorDetail[] {
  const details: SendcloudErrorDetail[] = [];
  for (const [key, value] of Object.entries(body)) {
    const pointer = key === 'non_field_errors' ? prefix || '/' : `${prefix}/${key}`;
    if (typeof value === 'string') details.push({ detail: value, pointer });
    else if (Array.isArray(value)) {
      value.forEach((item, index) => {
        if (typeof item === 'string') details.push({ detail: item, pointer });
        else if (isRecord(item)) details.push(...fieldMapDetails(item, `${pointer}/${index}`));
      });
    } else if (isRecord(value)) details.push(...fieldMapDetails(value, pointer));
  }
  return details;
}

function fastApiDetails(list: unknown[]): SendcloudErrorDetail[] {
  return list.flatMap((item) => {
    if (!isRecord(item) || typeof item.msg !== 'string') return [];
    const loc = Array.isArray(item.loc) ? item.loc.map(String) : [];
    const path = loc[0] === 'body' || loc[0] === 'query' || loc[0] === 'path' ? loc.slice(1) : loc;
    const detail: SendcloudErrorDetail = { detail: item.msg };
    if (typeof item.type === 'string') detail.code = item.type;
    if (loc[0] === 'query' || loc[0] === 'path') detail.parameter = path.join('.');
    else if (path.length) detail.pointer = fieldPointer(path);
    return [detail];
  });
}

function fieldPointer(path: string[]): string {
  if (path.length === 1 && path[0] === 'non_field_errors') return '/';
  return '/' + path.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `Retry-After` is either delay-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
