// The one function that puts Sendcloud requests on the wire: auth, Accept, timeout, the shared
// rate limiter, the retry loop and the classification of every failure into a SendcloudError.
import type { z } from 'zod';
import type { Clock } from '../clock';
import {
  SendcloudError,
  SendcloudServerError,
  classify,
  parseErrorDetails,
  parseRetryAfter,
  sendcloudError,
  SendcloudNetworkError,
  SendcloudTimeoutError,
} from './errors';
import type { RateLimiter, RequestPriority } from './rate-limit';
import { backoffMs, shouldRetry, type HttpMethod, type RetryOptions } from './retry';
import { shipmentSchema, type Shipment } from './v3/schemas';

export type ApiVersion = 'v2' | 'v3';

export interface ApiRequest {
  /** Default v3. */
  api?: ApiVersion;
  method: HttpMethod;
  /** Path under `/api/v3` or `/api/v2`, starting with a slash. */
  path: string;
  query?: URLSearchParams;
  body?: unknown;
  /** Default `application/json`. */
  accept?: string;
  /** `bulk`: a batch's request, which lets a packer's scan take the next free slot first. */
  priority?: RequestPriority;
}

export interface ApiResponse {
  status: number;
  headers: Headers;
  body: Buffer;
}

export interface JsonResponse<T> {
  data: T;
  status: number;
  headers: Headers;
}

export interface SenderOptions {
  baseUrl: string;
  publicKey: string;
  secretKey: string;
  fetch: typeof fetch;
  timeoutMs: number;
  clock: Clock;
  limiter: RateLimiter;
  retry: RetryOptions;
  random: () => number;
  /** Called when Sendcloud answers 401: the keys were changed or revoked. */
  onKeysRefused?: () => void;
}

export interface Sender {
  /** `<origin>/api/v3` or `<origin>/api/v2`. */
  root(api: ApiVersion): string;
  send(request: ApiRequest): Promise<ApiResponse>;
  json<T>(schema: z.ZodType<T>, request: ApiRequest): Promise<JsonResponse<T>>;
}

const requestIdHeaders = [
  'sendcloud-request-id',
  'x-sendcloud-request-id',
  'x-request-id',
  'request-id',
  'x-correlation-id',
];

export function createSender(opts: SenderOptions): Sender {
  const origin = opts.baseUrl
    .trim()
    .replace(/\/+$/, '')
    .replace(/\/api\/v[23]$/, '');
  const root = (api: ApiVersion) => `${origin}/api/${api}`;
  // Built once and kept in this closure only: never in a message, a log line or an error.
  const authorization = `Basic ${Buffer.from(`${opts.publicKey}:${opts.secretKey}`).toString('base64')}`;

  async function sendOnce(request: ApiRequest, what: string): Promise<ApiResponse> {
    const url = new URL(root(request.api ?? 'v3') + request.path);
    if (request.query) url.search = request.query.toString();
    const headers: Record<string, string> = {
      Authorization: authorization,
      Accept: request.accept ?? 'application/json',
    };
    if (request.body !== undefined) headers['Content-Type'] = 'application/json';

    // Node's fetch keeps connections alive between requests by default; nothing here closes them.
    const signal = AbortSignal.timeout(opts.timeoutMs);
    let response: Response;
    let body: Buffer;
    try {
      response = await opts.fetch(url, {
        method: request.method,
        headers,
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        signal,
      });
      body = Buffer.from(await response.arrayBuffer());
    } catch (error) {
      throw transportError(error, signal.aborted, what, opts.timeoutMs);
    }
    if (response.status < 200 || response.status > 299) {
      throw httpError(request, response, body, what, opts.clock.now());
    }
    return { status: response.status, headers: response.headers, body };
  }

  async function send(request: ApiRequest): Promise<ApiResponse> {
    const what = describe(request);
    const kind = request.method === 'GET' ? 'read' : 'write';
    for (let attempt = 1; ; attempt++) {
      await opts.limiter.acquire(kind, undefined, request.priority);
      let error: unknown;
      let sent = true;
      try {
        return await sendOnce(request, what);
      } catch (failure) {
        error = failure;
        sent = !neverSent(failure);
      } finally {
        // Sendcloud counts the request at some moment before its answer is in: so does the limiter.
        // A connection that was never made sent nothing, and spends nothing of the budget.
        if (sent || !opts.limiter.withdrawn) opts.limiter.settled?.(kind);
        else opts.limiter.withdrawn(kind);
      }
      if (
        !(error instanceof SendcloudError) ||
        !shouldRetry(error, attempt, request.method, opts.retry.maxAttempts)
      ) {
        if (error instanceof SendcloudError && error.status === 401) opts.onKeysRefused?.();
        throw error;
      }
      const delay = backoffMs(attempt, {
        baseMs: opts.retry.baseMs,
        capMs: opts.retry.capMs,
        random: opts.random,
        retryAfterMs: error.kind === 'rate-limited' ? error.retryAfterMs : undefined,
      });
      // A 429 is about the account, not this request: every caller holds back.
      if (error.kind === 'rate-limited') opts.limiter.pause(delay);
      await opts.clock.sleep(delay);
    }
  }

  async function json<T>(schema: z.ZodType<T>, request: ApiRequest): Promise<JsonResponse<T>> {
    return parseAnswer(schema, await send(request), describe(request));
  }

  return { root, send, json };
}

/** An answer's body through JSON.parse and the schema: what `json` does once the answer is in. */
export function parseAnswer<T>(
  schema: z.ZodType<T>,
  response: ApiResponse,
  what: string,
): JsonResponse<T> {
  const meta = { status: response.status, requestId: requestIdOf(response.headers) };
  let parsedJson: unknown;
  try {
    parsedJson = JSON.parse(response.body.toString('utf8'));
  } catch (error) {
    throw new SendcloudServerError(`Sendcloud answered ${what} with something that is not JSON.`, {
      ...meta,
      cause: error,
    });
  }
  const parsed = schema.safeParse(parsedJson);
  if (!parsed.success) {
    throw new SendcloudServerError(
      `Sendcloud answered ${what} in a shape Packdesk does not understand: ${summarizeIssues(parsed.error)}`,
      meta,
    );
  }
  return { data: parsed.data, headers: response.headers, status: response.status };
}

function describe(request: ApiRequest): string {
  return `${request.api === 'v2' ? 'v2 ' : ''}${request.method} ${request.path}`;
}

export function requestIdOf(headers: Headers): string | undefined {
  for (const name of requestIdHeaders) {
    const value = headers.get(name);
    if (value) return value;
  }
  return undefined;
}

function httpError(
  request: ApiRequest,
  response: Response,
  body: Buffer,
  what: string,
  now: number,
): SendcloudError {
  let json: unknown = undefined;
  try {
    json = JSON.parse(body.toString('utf8'));
  } catch {
    // Not every error has a JSON body (a 429 may be empty); the status still classifies it.
  }
  const details = parseErrorDetails(json);
  const summary = details.length ? `: ${details.map((d) => d.detail).join('; ')}` : '.';
  const kind = classify(response.status);
  const isOrder = (request.api ?? 'v3') === 'v3' && request.path.startsWith('/orders');
  return sendcloudError(kind, `Sendcloud answered ${response.status} to ${what}${summary}`, {
    status: response.status,
    requestId: requestIdOf(response.headers),
    details,
    retryAfterMs: parseRetryAfter(response.headers.get('retry-after'), now),
    uiCode: kind === 'not-found' && isOrder ? 'order-not-found' : undefined,
    existingShipment: kind === 'conflict' ? existingShipmentOf(json) : undefined,
  });
}

/**
 * A repeated external_reference_id gets 409 "and the associated object". The spec does not show
 * that body, so accept the shipment under `data` (as every v3 answer) or as the body itself.
 */
function existingShipmentOf(json: unknown): Shipment | undefined {
  if (typeof json !== 'object' || json === null) return undefined;
  const wrapped = 'data' in json ? shipmentSchema.safeParse(json.data) : undefined;
  if (wrapped?.success) return wrapped.data;
  const bare = shipmentSchema.safeParse(json);
  return bare.success ? bare.data : undefined;
}

function transportError(
  error: unknown,
  timedOut: boolean,
  what: string,
  timeoutMs: number,
): SendcloudError {
  const name = error instanceof Error ? error.name : '';
  if (timedOut || name === 'TimeoutError') {
    return new SendcloudTimeoutError(`Sendcloud did not answer ${what} within ${timeoutMs} ms.`, {
      cause: error,
    });
  }
  // undici reports "fetch failed" and keeps the reason (ECONNREFUSED, ENOTFOUND…) in `cause`.
  const cause = error instanceof Error ? error.cause : undefined;
  const code =
    cause && typeof cause === 'object' && 'code' in cause && typeof cause.code === 'string'
      ? cause.code
      : error instanceof Error
        ? error.message
        : 'unknown error';
  return new SendcloudNetworkError(`Could not reach Sendcloud for ${what} (${code}).`, {
    cause: error,
  });
}

/** Failures to open the connection: the request never left this machine. */
const CONNECT_FAILURES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);

function neverSent(error: unknown): boolean {
  if (!(error instanceof SendcloudNetworkError)) return false;
  const cause = error.cause instanceof Error ? error.cause.cause : undefined;
  return (
    typeof cause === 'object' &&
    cause !== null &&
    'code' in cause &&
    typeof cause.code === 'string' &&
    CONNECT_FAILURES.has(cause.code)
  );
}

function summarizeIssues(error: z.ZodError): string {
  const issues = error.issues.slice(0, 3).map((issue) => {
    const path = issue.path.map(String).join('.');
    return path ? `${path}: ${issue.message}` : issue.message;
  });
  const more = error.issues.length > 3 ? ` (and ${error.issues.length - 3} more)` : '';
  return issues.join('; ') + more;
}

/** A 2xx whose content Packdesk cannot use, e.g. an empty document or a label that is not base64. */
export function badAnswer(
  what: string,
  problem: string,
  response: ApiResponse | JsonResponse<unknown>,
) {
  return new SendcloudServerError(`Sendcloud answered ${what} with ${problem}`, {
    status: response.status,
    requestId: requestIdOf(response.headers),
  });
}
