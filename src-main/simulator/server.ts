// The simulator's HTTP front: auth, the per-account rate limit, injected faults, body parsing and
// validation against the official OpenAPI documents, then the route. Every step answers in the
// shape of the API version the request was for.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Clock } from '../clock';
import { createLogger } from '../log';
import { errorForStatus, v3Errors } from './errors';
import { faultApplies, planFaults, type Faults } from './faults';
import { ApiError, json, v2ErrorReply, type Reply, type Route, type RouteContext } from './http';
import type { ApiVersion, MatchedOperation, SpecSet, Violation } from './openapi/types';
import type { Random } from './prng';
import type { RateLimiter } from './rate-limit';
import type { AccountState, SimulatorState } from './state';

export interface RequestRecord {
  method: string;
  /** Path as requested, without the query, e.g. `/api/v3/orders`. */
  path: string;
  /** Clock ms when the request arrived. */
  at: number;
  /** 0 when no answer was sent: a timeout, a reset or a lost response. */
  status: number;
  /** Null when the credentials matched no account. */
  publicKey: string | null;
  /** The JSON body as sent, when there was one: what a test asserts the station asked. */
  body?: unknown;
}

export interface ViolationRecord {
  /** A request the client sent that the spec refuses, or an answer the simulator gave. */
  direction: 'request' | 'response';
  method: string;
  path: string;
  status: number;
  violations: Violation[];
}

export interface Validation {
  specs: SpecSet;
  v3ErrorBody(violations: Violation[]): unknown;
  v2ErrorBody(violations: Violation[], requestPath: string): unknown;
}

export interface ServerDeps {
  state: SimulatorState;
  clock: Clock;
  routes: Record<ApiVersion, readonly Route[]>;
  validation: Validation;
  validateResponses: boolean;
  rateLimiter: RateLimiter | null;
  faults(): Faults;
  faultRandom: Random;
  requests: RequestRecord[];
  violations: ViolationRecord[];
}

const log = createLogger('simulator');
const MAX_BODY_BYTES = 5_000_000;

interface CompiledRoute {
  route: Route;
  pattern: RegExp;
  names: string[];
  literals: number;
}

function compile(routes: readonly Route[]): CompiledRoute[] {
  return routes
    .map((route) => {
      const names: string[] = [];
      const segments = route.path.split('/').filter(Boolean);
      const source = segments
        .map((segment) => {
          const name = /^\{(\w+)\}$/.exec(segment)?.[1];
          if (name === undefined) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
          names.push(name);
          return '([^/]+)';
        })
        .join('/');
      return {
        route,
        pattern: new RegExp(`^/${source}$`),
        names,
        literals: segments.length - names.length,
      };
    })
    .sort((a, b) => b.literals - a.literals);
}

function findRoute(
  compiled: readonly CompiledRoute[],
  method: string,
  path: string,
): { route: Route; params: Record<string, string> } | 'wrong-method' | null {
  let wrongMethod = false;
  for (const candidate of compiled) {
    const match = candidate.pattern.exec(path);
    if (!match) continue;
    if (candidate.route.method !== method) {
      wrongMethod = true;
      continue;
    }
    const params: Record<string, string> = {};
    candidate.names.forEach((name, index) => {
      params[name] = decodeURIComponent(match[index + 1] ?? '');
    });
    return { route: candidate.route, params };
  }
  return wrongMethod ? 'wrong-method' : null;
}

export function createSimulatorServer(deps: ServerDeps): { server: Server; stop(): void } {
  const { state, clock, validation } = deps;
  const compiled = { v2: compile(deps.routes.v2), v3: compile(deps.routes.v3) };
  const stopping = new AbortController();

  const server = createServer((req, res) => {
    const started = performance.now();
    res.setHeader('X-Request-Id', randomUUID());
    handle(req, res)
      .catch((error: unknown) => {
        log.error('simulator request failed', { error, path: req.url });
        if (!res.headersSent && !res.destroyed)
          send(res, json(500, { errors: [errorForStatus(500)] }));
      })
      .finally(() =>
        log.debug('request', {
          method: req.method,
          path: req.url,
          status: res.statusCode,
          ms: Math.round(performance.now() - started),
        }),
      );
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const at = clock.now();
    const url = new URL(req.url ?? '/', 'http://simulator');
    const method = (req.method ?? 'GET').toUpperCase();
    const apiMatch = /^\/api\/(v2|v3)(\/.*)?$/.exec(url.pathname);
    const version: ApiVersion = apiMatch?.[1] === 'v2' ? 'v2' : 'v3';
    const path = (apiMatch?.[2] ?? '/').replace(/\/+$/, '') || '/';
    const record: RequestRecord = { method, path: url.pathname, at, status: 0, publicKey: null };
    const finish = (reply: Reply | null) => {
      if (reply) {
        record.status = reply.status;
        send(res, reply);
      }
      deps.requests.push(record);
    };
    const errorReply = (status: number, v3: object, v2Message: string): Reply =>
      version === 'v2' ? v2ErrorReply(status, v2Message, path) : json(status, { errors: [v3] });

    const auth = authenticate(req.headers.authorization, state.accounts);
    if (auth === 'missing' || auth === 'invalid') {
      const reply = errorReply(
        401,
        auth === 'missing' ? v3Errors.noCredentials : v3Errors.invalidCredentials,
        auth === 'missing'
          ? 'Authentication credentials were not provided.'
          : 'Invalid username/password.',
      );
      reply.headers = { 'WWW-Authenticate': 'Basic realm="api"' };
      return finish(reply);
    }
    const account = auth;
    record.publicKey = account.data.keys.publicKey;

    if (!apiMatch) return finish(json(404, { errors: [v3Errors.pageNotFound] }));

    if (deps.rateLimiter) {
      // Keys of one account share its budget: the limit is per account, not per key.
      const decision = deps.rateLimiter.take(account.id, method, at);
      if (!decision.ok) {
        const retryAfter = {
          'Retry-After': String(Math.max(1, Math.ceil(decision.retryAfterMs / 1000))),
        };
        // v2 answers a 429 with an empty body (v2 tracking spec); v3 with the documented one.
        return finish(
          version === 'v2'
            ? { status: 429, headers: retryAfter }
            : json(
                429,
                { errors: [{ ...v3Errors.rateLimited, detail: decision.detail }] },
                retryAfter,
              ),
        );
      }
    }

    const faults = deps.faults();
    let loseResponse = false;
    if (faultApplies(faults, method, url.pathname)) {
      const plan = planFaults(faults, deps.faultRandom);
      if (plan.latencyMs > 0) {
        const slept = await clock.sleep(plan.latencyMs, stopping.signal).then(
          () => true,
          () => false,
        );
        if (!slept) return finish(null);
      }
      switch (plan.kind) {
        case 'timeout':
          // Hold the socket until the client gives up (or the simulator closes).
          await new Promise<void>((resolve) => {
            if (res.destroyed || req.socket.destroyed) return resolve();
            req.socket.once('close', () => resolve());
          });
          return finish(null);
        case 'reset':
          req.socket.destroy();
          return finish(null);
        case 'error': {
          const reply =
            version === 'v2'
              ? v2ErrorReply(plan.status, errorForStatus(plan.status).detail, path)
              : json(plan.status, { errors: [errorForStatus(plan.status)] });
          if (plan.status === 429) reply.headers = { 'Retry-After': '1' };
          return finish(reply);
        }
        case 'none':
          loseResponse = plan.loseResponse;
      }
    }

    let body: unknown;
    try {
      body = await readJson(req);
      if (body !== undefined) record.body = body;
    } catch (error) {
      const tooLarge = error instanceof BodyTooLarge;
      return finish(
        errorReply(
          tooLarge ? 413 : 400,
          tooLarge
            ? errorForStatus(413)
            : {
                status: '400',
                code: 'parse_error',
                title: 'Parse error',
                detail: 'JSON parse error',
              },
          tooLarge ? 'Request body is too large.' : 'JSON parse error',
        ),
      );
    }

    const found = findRoute(compiled[version], method, path);
    const op = validation.specs.match(version, method, path);
    if (found === null || found === 'wrong-method') {
      if (op) {
        return finish(
          errorReply(
            501,
            {
              status: '501',
              code: 'not_implemented',
              title: 'Not implemented',
              detail: `The simulator does not serve ${method} ${url.pathname}.`,
            },
            `The simulator does not serve ${method} ${url.pathname}.`,
          ),
        );
      }
      if (found === 'wrong-method' || validation.specs.pathExists(version, path)) {
        return finish(
          errorReply(
            405,
            {
              status: '405',
              code: 'method_not_allowed',
              title: 'Method not allowed',
              detail: `Method "${method}" not allowed.`,
            },
            `Method "${method}" not allowed.`,
          ),
        );
      }
      return finish(
        version === 'v2'
          ? v2ErrorReply(404, 'Not found.', path)
          : json(404, { errors: [v3Errors.pageNotFound] }),
      );
    }

    const ctx: RouteContext = {
      state,
      account,
      clock,
      now: at,
      version,
      method,
      path,
      params: found.params,
      query: url.searchParams,
      headers: req.headers,
      body,
      bodyViolations: [],
      origin: `http://${req.headers.host ?? '127.0.0.1'}`,
    };

    let reply: Reply;
    try {
      if (found.route.check) found.route.check(ctx);
      if (op) {
        const violations = validation.specs.validateRequest(op, {
          query: url.searchParams,
          headers: req.headers,
          body,
          ...(req.headers['content-type'] ? { contentType: req.headers['content-type'] } : {}),
        });
        if (deps.validateResponses && violations.length > 0) {
          deps.violations.push({
            direction: 'request',
            method,
            path: url.pathname,
            status: 400,
            violations,
          });
        }
        const partial = found.route.partialBody?.(ctx) === true;
        if (partial) ctx.bodyViolations = violations.filter((v) => v.location === 'body');
        const refusing = partial ? violations.filter((v) => v.location !== 'body') : violations;
        if (refusing.length > 0) {
          return finish(
            json(
              400,
              version === 'v2'
                ? validation.v2ErrorBody(inBodyOrder(refusing, body), `api/v2${path}`)
                : validation.v3ErrorBody(
                    inBodyOrder(refusing, body).map((violation) =>
                      restyle(violation, found.route.pointers ?? 'plain'),
                    ),
                  ),
            ),
          );
        }
      }
      reply = await found.route.handle(ctx);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      reply = error.reply;
    }

    if (loseResponse) {
      // The write is applied; the client never hears about it.
      req.socket.destroy();
      return finish(null);
    }
    if (deps.validateResponses && op) recordViolations(op, url.pathname, method, reply);
    finish(reply);
  }

  function recordViolations(op: MatchedOperation, path: string, method: string, reply: Reply) {
    const violations = validation.specs.validateResponse(op, {
      status: reply.status,
      ...(reply.binary
        ? { contentType: reply.binary.contentType, body: reply.binary.bytes }
        : reply.json !== undefined
          ? { contentType: 'application/json', body: reply.json }
          : { body: undefined }),
    });
    if (violations.length > 0) {
      deps.violations.push({
        direction: 'response',
        method,
        path,
        status: reply.status,
        violations,
      });
    }
  }

  return {
    server,
    stop() {
      stopping.abort(new Error('simulator closed'));
    },
  };
}

/** Errors in the order of the fields in the request, as a reader of the body meets them. */
function inBodyOrder(violations: Violation[], body: unknown): Violation[] {
  const keys = body !== null && typeof body === 'object' ? Object.keys(body) : [];
  const rank = (violation: Violation) => {
    if (violation.location !== 'body') return -1;
    const index = keys.indexOf(violation.pointer.split('/')[1] ?? '');
    return index < 0 ? keys.length : index;
  };
  return violations
    .map((violation, index) => ({ violation, index, rank: rank(violation) }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map(({ violation }) => violation);
}

function restyle(violation: Violation, style: 'plain' | 'attributes'): Violation {
  if (style === 'plain' || violation.location !== 'body') return violation;
  let bracketed = false;
  const parts = violation.pointer
    .split('/')
    .slice(1)
    .map((part) => {
      if (bracketed || !/^\d+$/.test(part)) return part;
      bracketed = true;
      return `[${part}]`;
    });
  return { ...violation, pointer: ['/data/attributes', ...parts].join('/') };
}

function authenticate(
  header: string | undefined,
  accounts: readonly AccountState[],
): AccountState | 'missing' | 'invalid' {
  const match = /^Basic\s+(\S+)$/i.exec(header ?? '');
  if (!match?.[1]) return 'missing';
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return 'invalid';
  const publicKey = decoded.slice(0, colon);
  const secretKey = decoded.slice(colon + 1);
  // Revoked keys are as good as wrong ones: Sendcloud no longer knows them.
  return (
    accounts.find(
      (account) =>
        !account.keysRevoked &&
        account.data.keys.publicKey === publicKey &&
        account.data.keys.secretKey === secretKey,
    ) ?? 'invalid'
  );
}

class BodyTooLarge extends Error {}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new BodyTooLarge();
    chunks.push(buffer);
  }
  if (size === 0) return undefined;
  return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
}

function send(res: ServerResponse, reply: Reply): void {
  if (res.headersSent || res.destroyed) return;
  const headers: Record<string, string | number> = { ...reply.headers };
  if (reply.binary) {
    headers['Content-Type'] = reply.binary.contentType;
    headers['Content-Length'] = reply.binary.bytes.length;
    if (reply.binary.filename) {
      headers['Content-Disposition'] = `inline; filename="${reply.binary.filename}"`;
    }
    res.writeHead(reply.status, headers);
    res.end(reply.binary.bytes);
    return;
  }
  if (reply.json === undefined) {
    headers['Content-Length'] = 0;
    res.writeHead(reply.status, headers);
    res.end();
    return;
  }
  const text = JSON.stringify(reply.json);
  headers['Content-Type'] = 'application/json';
  headers['Content-Length'] = Buffer.byteLength(text);
  res.writeHead(reply.status, headers);
  res.end(text);
}
