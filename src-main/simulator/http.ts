// What a route sees and gives back. Routes return a Reply instead of writing to the socket, so
// the server can validate it, record it, or lose it on purpose after the write was applied.
import type { IncomingHttpHeaders } from 'node:http';
import type { Clock } from '../clock';
import type { ApiVersion, Violation } from './openapi/types';
import type { V3Error } from './errors';
import type { AccountState, SimulatorState } from './state';

export interface Reply {
  status: number;
  /** JSON body; omitted for 204 and binary replies. */
  json?: unknown;
  /** Binary body with its content type. */
  binary?: { bytes: Buffer; contentType: string; filename?: string };
  headers?: Record<string, string>;
}

export interface RouteContext {
  state: SimulatorState;
  account: AccountState;
  clock: Clock;
  /** Clock ms when the request arrived. */
  now: number;
  version: ApiVersion;
  method: string;
  /** Relative to the API root, e.g. `/orders/7012401`. */
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: unknown;
  /** Body violations the route asked to handle itself (see `Route.partialBody`). */
  bodyViolations: Violation[];
  /** `http://host:port`, for links in answers. */
  origin: string;
}

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Relative to the API root, with `{name}` for parameters, e.g. `/orders/{id}`. */
  path: string;
  /**
   * Refusals Sendcloud documents with a body of their own, checked before the generic spec
   * validation so that body wins (e.g. "Invalid document type.").
   */
  check?(ctx: RouteContext): void;
  /**
   * True when this request reports invalid items one by one instead of refusing the whole body
   * (v2 `POST /parcels?errors=verbose`): the spec's body violations go to `ctx.bodyViolations`.
   */
  partialBody?(ctx: RouteContext): boolean;
  /**
   * How this operation's error pointers look in Sendcloud's examples: `plain` JSON pointers
   * (`/to_address/name`, the default) or under `/data/attributes` with the first index in
   * brackets (`/data/attributes/[1]/order_details/integration`, orders and ship-an-order).
   */
  pointers?: 'plain' | 'attributes';
  handle(ctx: RouteContext): Reply | Promise<Reply>;
}

/** A business-rule refusal a route throws; the server answers it as it is. */
export class ApiError extends Error {
  constructor(readonly reply: Reply) {
    super(`HTTP ${reply.status}`);
  }
}

export const json = (status: number, body: unknown, headers?: Record<string, string>): Reply => ({
  status,
  json: body,
  ...(headers ? { headers } : {}),
});

export function v3Fail(status: number, ...errors: V3Error[]): ApiError {
  return new ApiError(json(status, { errors }));
}

/** v2's envelope: `{"error":{"code":404,"request":"api/v2/parcels/1","message":"..."}}`. */
export function v2ErrorReply(status: number, message: string, path: string): Reply {
  return json(status, {
    error: { code: status, request: `api/v2${path.replace(/\/$/, '')}`, message },
  });
}

export function v2Fail(ctx: RouteContext, status: number, message: string): ApiError {
  return new ApiError(v2ErrorReply(status, message, ctx.path));
}

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function int(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) ? value : undefined;
}

/** ISO 8601 with milliseconds, as v3 answers. */
export const iso = (ms: number) => new Date(ms).toISOString();

/** v2's `dd-mm-YYYY HH:MM:SS`, in UTC. */
export function v2Date(ms: number): string {
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(d.getUTCDate())}-${two(d.getUTCMonth() + 1)}-${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
}

/** Values of a repeated or comma-separated query parameter. */
export function listParam(query: URLSearchParams, name: string): string[] {
  return query
    .getAll(name)
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter((value) => value !== '');
}

/** Opaque cursors as Sendcloud makes them: base64 of a tiny query string (`p=<position>`). */
export function encodeCursor(position: number): string {
  return Buffer.from(`p=${position}`).toString('base64');
}

export function decodeCursor(cursor: string): number | null {
  const decoded = /^[A-Za-z0-9+/]+={0,2}$/.test(cursor)
    ? Buffer.from(cursor, 'base64').toString('utf8')
    : '';
  const match = /^p=(\d+)$/.exec(decoded);
  return match ? Number(match[1]) : null;
}

/**
 * One page of `items` (sorted by descending key) after the cursor, and the URL of the next page
 * with the other query parameters kept; null when this is the last page.
 */
export function paginate<T>(
  ctx: RouteContext,
  items: readonly T[],
  key: (item: T) => number,
  pageSize: number,
  onBadCursor: () => ApiError,
): { page: T[]; next: string | null; previous: string | null } {
  let rest = items;
  const cursor = ctx.query.get('cursor');
  if (cursor !== null) {
    const position = decodeCursor(cursor);
    if (position === null) throw onBadCursor();
    rest = items.filter((item) => key(item) < position);
  }
  const page = rest.slice(0, pageSize);
  const last = page[page.length - 1];
  const link = (position: number) => {
    const url = new URL(`${ctx.origin}/api/${ctx.version}${ctx.path}`);
    ctx.query.forEach((value, name) => {
      if (name !== 'cursor') url.searchParams.append(name, value);
    });
    url.searchParams.set('cursor', encodeCursor(position));
    return url.toString();
  };
  const next = rest.length > pageSize && last !== undefined ? link(key(last)) : null;
  // The previous page starts after the item just before this page began.
  const first = page[0];
  const before = first === undefined ? -1 : items.indexOf(first) - pageSize;
  const previous =
    cursor === null || first === undefined
      ? null
      : before <= 0
        ? link(Number.MAX_SAFE_INTEGER)
        : link(key(items[before - 1] as T));
  return { page, next, previous };
}

/** RFC 8288 `Link` header value, or undefined without links. */
export function linkHeader(links: { next: string | null; previous: string | null }) {
  const parts: string[] = [];
  if (links.next) parts.push(`<${links.next}>; rel="next"`);
  if (links.previous) parts.push(`<${links.previous}>; rel="prev"`);
  return parts.length > 0 ? { Link: parts.join(', ') } : undefined;
}
