import { errorBodySchema } from './schemas';

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

/**
 * Everything the Sendcloud client throws. `kind` is what callers branch on; the message is safe
 * to log (it never holds keys or raw bodies, only Sendcloud's own error texts).
 */
export class SendcloudError extends Error {
  readonly kind: SendcloudErrorKind;
  readonly status?: number;
  readonly requestId?: string;
  readonly details: SendcloudErrorDetail[];
  /** From a `Retry-After` header, if Sendcloud sent one (not documented, but honoured). */
  readonly retryAfterMs?: number;

  constructor(
    kind: SendcloudErrorKind,
    message: string,
    options: {
      status?: number;
      requestId?: string;
      details?: SendcloudErrorDetail[];
      retryAfterMs?: number;
      cause?: unknown;
    } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'SendcloudError';
    this.kind = kind;
    this.status = options.status;
    this.requestId = options.requestId;
    this.details = options.details ?? [];
    this.retryAfterMs = options.retryAfterMs;
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

/** Read the `details` out of a v3 `{"errors": [...]}` body; anything else yields none. */
export function parseErrorDetails(body: unknown): SendcloudErrorDetail[] {
  const parsed = errorBodySchema.safeParse(body);
  if (!parsed.success) return [];
  const list = Array.isArray(parsed.data.errors) ? parsed.data.errors : [parsed.data.errors];
  return list.map((error) => {
    const detail: SendcloudErrorDetail = {
      detail: error.detail ?? error.title ?? 'No detail given.',
    };
    if (error.code) detail.code = error.code;
    if (error.source?.pointer) detail.pointer = error.source.pointer;
    if (error.source?.parameter) detail.parameter = error.source.parameter;
    return detail;
  });
}

/** `Retry-After` is either delay-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
