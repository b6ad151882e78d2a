// Contract testing: the real Sendcloud client against a simulator that checks every request it
// receives and every answer it gives against Sendcloud's official OpenAPI documents.
import { afterEach } from 'vitest';
import { createSendcloudClient, type SendcloudClient } from '../../src-main/sendcloud/client';
import type { RateLimiter } from '../../src-main/sendcloud/rate-limit';
import {
  startSimulator,
  type RequestRecord,
  type Simulator,
  type SimulatorOptions,
  type ViolationRecord,
} from '../../src-main/simulator/index';
import { loadSpecs } from '../../src-main/simulator/openapi/index';
import { manualClock, type ManualClock } from './clock';

export type ContractOptions = Omit<
  SimulatorOptions,
  'validateResponses' | 'labelResponse' | 'clock' | 'rateLimits'
> & {
  /** Default: a fresh manual clock, shared by the simulator and the client. */
  clock?: ManualClock;
  /** Names of the client methods called (`listOrders`, `v2.getParcel`), for a coverage check. */
  calls?: Set<string>;
};

export interface ContractSimulator {
  sim: Simulator;
  /** The client of the first account. */
  client: SendcloudClient;
  /** A client with other keys (another account's), on the same clock, recording its calls too. */
  clientFor(keys: { publicKey: string; secretKey: string }): SendcloudClient;
  clock: ManualClock;
}

// Budgets and 429s belong to the resilience suite; here every call goes out at once, so a manual
// clock never leaves a request waiting on the limiter.
const unlimited: RateLimiter = { acquire: () => Promise.resolve(), pause: () => undefined };

/**
 * A simulator that records every spec violation, answering create-label-sync in the spec's schema
 * shape (the published example contradicts it), and the client bound to it on the same clock.
 */
export async function startContractSimulator(
  opts: ContractOptions = {},
): Promise<ContractSimulator> {
  const { clock = manualClock(), calls, ...simOptions } = opts;
  const sim = await startSimulator({
    ...simOptions,
    clock,
    validateResponses: true,
    labelResponse: 'schema',
    rateLimits: false,
  });
  const clientFor = (keys: { publicKey: string; secretKey: string }) => {
    const client = createSendcloudClient({
      baseUrl: sim.url,
      publicKey: keys.publicKey,
      secretKey: keys.secretKey,
      clock,
      limiter: unlimited,
      // One attempt: a retry would sleep on the manual clock, and would hide the first answer.
      retry: { maxAttempts: 1 },
      timeoutMs: 10_000,
    });
    return calls ? recording(client, calls) : client;
  };
  return { sim, client: clientFor(sim.keys), clientFor, clock };
}

/** Every method of the client by its call name: `listOrders`, `v2.createParcel`. */
export function clientMethodNames(client: SendcloudClient): string[] {
  const { v2, ...v3 } = client;
  return [...Object.keys(v3), ...Object.keys(v2).map((name) => `v2.${name}`)].sort();
}

function recording(client: SendcloudClient, calls: Set<string>): SendcloudClient {
  const wrap = <T extends object>(api: T, prefix: string): T => {
    const wrapped: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(api)) {
      wrapped[name] =
        typeof value === 'function'
          ? (...args: unknown[]) => {
              calls.add(prefix + name);
              return (value as (...args: unknown[]) => unknown)(...args);
            }
          : value;
    }
    return wrapped as T;
  };
  const { v2, ...v3 } = client;
  return { ...wrap(v3, ''), v2: wrap(v2, 'v2.') };
}

/** A violation the official documents force on a correct exchange, with the reason why. */
export interface AllowedViolation {
  direction: ViolationRecord['direction'];
  method: string;
  /** The request path, e.g. /^\/api\/v3\/shipments\/[^/]+\/cancel$/. */
  path: RegExp;
  status: number;
  /** Every message of the recorded violation must match. */
  message: RegExp;
  /** When given, every body pointer of the recorded violation must match too. */
  pointer?: RegExp;
  /** Where the spec contradicts itself, so that the answer can be right and still fail it. */
  reason: string;
}

export interface SpecCursor {
  violations: number;
  requests: number;
}

type Recorded = Pick<Simulator, 'violations' | 'requests'>;

function allowanceFor(
  record: ViolationRecord,
  allowed: readonly AllowedViolation[],
): AllowedViolation | undefined {
  return allowed.find(
    (entry) =>
      entry.direction === record.direction &&
      entry.method === record.method &&
      entry.status === record.status &&
      entry.path.test(record.path) &&
      record.violations.length > 0 &&
      record.violations.every(
        (violation) =>
          entry.message.test(violation.message) &&
          (entry.pointer === undefined || entry.pointer.test(violation.pointer)),
      ),
  );
}

function describeViolation(record: ViolationRecord): string {
  const head = `${record.direction} ${record.method} ${record.path} → ${record.status}`;
  const lines = record.violations.map((violation) => {
    const where =
      violation.location === 'body'
        ? `body ${violation.pointer || '/'}`
        : `${violation.location} ${violation.parameter ?? violation.pointer}`;
    return `    ${where}: ${violation.message} [${violation.keyword}]`;
  });
  return [`  ${head}`, ...lines].join('\n');
}

/** A request the spec has no operation for was checked by nothing: that is a failure too. */
function unchecked(requests: readonly RequestRecord[]): RequestRecord[] {
  const specs = loadSpecs();
  return requests.filter((request) => {
    const match = /^\/api\/(v2|v3)(\/.*)$/.exec(request.path);
    const version = match?.[1] === 'v2' ? 'v2' : 'v3';
    const path = (match?.[2] ?? '').replace(/\/+$/, '');
    return match === null || specs.match(version, request.method, path) === null;
  });
}

/**
 * Fail with a readable listing of every violation recorded after `from` that `allowed` does not
 * excuse, and of every request no operation of the official documents covers. Returns the
 * allowances that excused something.
 */
export function expectSpecClean(
  sim: Recorded,
  allowed: readonly AllowedViolation[] = [],
  from: SpecCursor = { violations: 0, requests: 0 },
): Set<AllowedViolation> {
  const used = new Set<AllowedViolation>();
  const broken = sim.violations.slice(from.violations).filter((record) => {
    const allowance = allowanceFor(record, allowed);
    if (allowance) used.add(allowance);
    return allowance === undefined;
  });
  const unknown = unchecked(sim.requests.slice(from.requests));
  const report = [
    ...(broken.length > 0
      ? [
          `${broken.length} exchange(s) broke the official OpenAPI documents:`,
          ...broken.map(describeViolation),
        ]
      : []),
    ...(unknown.length > 0
      ? [
          `${unknown.length} request(s) matched no documented operation, so nothing checked them:`,
          ...unknown.map((request) => `  ${request.method} ${request.path} → ${request.status}`),
        ]
      : []),
  ];
  // A plain Error, so the whole listing shows rather than a truncated diff.
  if (report.length > 0) throw new Error(report.join('\n'));
  return used;
}

/**
 * After every test of the enclosing suite, fail it on any violation or unchecked request that
 * test caused (a shared simulator is read from where the previous test left off). Allowances that
 * excused something are added to `used`, so a suite can check that none has gone stale.
 */
export function failOnSpecViolations(
  current: () => Recorded | undefined,
  allowed: readonly AllowedViolation[] = [],
  used?: Set<AllowedViolation>,
): void {
  const cursors = new WeakMap<Recorded, SpecCursor>();
  afterEach(() => {
    const sim = current();
    if (!sim) return;
    const from = cursors.get(sim) ?? { violations: 0, requests: 0 };
    cursors.set(sim, { violations: sim.violations.length, requests: sim.requests.length });
    for (const allowance of expectSpecClean(sim, allowed, from)) used?.add(allowance);
  });
}
