// An embedded Sendcloud that speaks API v3 and v2 over real HTTP: the demo backend when no
// account is set, and the server every test talks to. One in-memory state per instance.
import type { AddressInfo } from 'node:net';
import { systemClock, type Clock } from '../clock';
import { createLogger } from '../log';
import type { Country } from './carriers';
import { mergeFaults, NO_FAULTS, type Faults } from './faults';
import { CARRIER_TIMELINE } from './lifecycle';
import { loadSpecs, v2ErrorBody, v3ErrorBody } from './openapi/index';
import { createRandom } from './prng';
import { createRateLimiter, DOCUMENTED_LIMITS, type RateLimits } from './rate-limit';
import { v2Routes } from './routes/v2/index';
import { v3Routes } from './routes/v3/index';
import { accountIdentity, seedAccount } from './seed';
import { routingOrders } from './seed-routing';
import { customsOrders } from './customs';
import type { V3Order } from './wire';
import { createSimulatorServer, type RequestRecord, type ViolationRecord } from './server';
import type { AccountState, LedgerEntry, SimulatorState } from './state';
import { servicePointOrders } from './service-point-orders';
import { CLOSED_POINT_IDS } from './service-point-catalogue';
import { createWebhooks, type WebhookOptions, type Webhooks } from './webhooks';

export type { Faults, Latency } from './faults';
export type { LedgerEntry } from './state';
export type { RateLimits } from './rate-limit';
export type { RequestRecord, ViolationRecord } from './server';
export type { V3Order } from './wire';
export type { WebhookDelivery, WebhookOptions, Webhooks } from './webhooks';
export { OPEN_STATUS } from './seed';

export interface AccountSpec {
  /** Keys default to ones drawn from the seed. */
  publicKey?: string;
  secretKey?: string;
  /** Seeds this account's orders and keys; default: the simulator's seed plus the account's index. */
  seed?: number;
  /** Default: the simulator's `orderCount`. */
  orderCount?: number;
  /**
   * Carrier codes the seeded orders take in turn (`['postnl', 'dhl', 'colissimo']`), each to a
   * country the carrier serves; default: drawn per destination.
   */
  carriers?: readonly string[];
  /**
   * Seeded order numbers are this plus a number: `PD-10001`… for the first account, `MK-20001`…
   * for the second, and so on, so no two accounts share an order number.
   */
  orderNumberPrefix?: string;
  /**
   * Accounts created from 13 April 2026 on may not create v2 parcels (`POST /api/v2/parcels` is
   * closed to new users). Default false: an older account.
   */
  v2ParcelsClosed?: boolean;
}

export interface SimulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Same seed, same orders, keys and tracking numbers. Default 1. */
  seed?: number;
  /** Default 50. */
  orderCount?: number;
  /**
   * Shape of the create-label-sync answer. `example` (default): `data` an array with `label`, as
   * the published example; `schema`: `data` an object with `label_details`, as the spec's schema.
   */
  labelResponse?: 'example' | 'schema';
  /** Simulated time: statuses, windows, delays and rate limits follow it. Default: the system clock. */
  clock?: Clock;
  /** Several accounts, each with its own keys; default one demo account. */
  accounts?: AccountSpec[];
  /**
   * Record every request the spec refuses and every answer that breaks the spec in `violations`.
   * Default false; tests turn it on (requests are checked and refused either way).
   */
  validateResponses?: boolean;
  /** Per-account limits; default the documented 1000 reads/min, 100 writes/min, 15 writes/s. */
  rateLimits?: RateLimits | false;
  /** How long create-labels-async takes until its labels can be fetched. Default 3000 ms. */
  asyncLabelDelayMs?: number;
  /** How long after an upsert an order shows in list and get. Default 2000 ms. */
  orderVisibilityDelayMs?: number;
  /**
   * Append the routing rules' orders (seed-routing.ts: NL, BE, DE, FR, a heavy NL, GB) to each
   * account's default orders, numbered 90001…. Default false: the default seed alone.
   */
  routingOrders?: boolean;
  /**
   * Append customs orders (GB, CH, NO, US; two with an item missing its HS code) after the first
   * account's seeded orders (simulator/customs.ts); a number asks for that many, the complete
   * ones repeated past the first six. Default false: the seed as it always was.
   */
  customsOrders?: boolean | number;
  /**
   * Seed service-point orders after each account's default orders (`PD-SP1` open point,
   * `PD-SP2` a closed point, `PD-SP3` an unknown one), with more Dutch points and some closed.
   * Default false: the default seed stays as it is.
   */
  servicePoints?: boolean;
  /**
   * Send signed `parcel_status_changed` webhooks to a URL whenever a parcel takes a new status,
   * as Sendcloud does for an integration with webhook feedback on. Default: none (`webhooks.set`
   * turns them on later).
   */
  webhooks?: WebhookOptions;
}

/** A seeded order, with the fields tests reach for first and the full v3 order. */
export interface SimOrder {
  id: string;
  order_id: string;
  order_number: string;
  country: Country;
  shipping_option_code: string;
  order: V3Order;
}

export interface SimAccount {
  /** The keys valid now: they change when a test rotates them. */
  readonly publicKey: string;
  readonly secretKey: string;
  integrationId: number;
  /** The default sender address. */
  senderAddressId: number;
  /** Every sender address id, the default first. */
  senderAddressIds: number[];
  /** The account's brands (v2 `GET /brands`), the main one first. */
  brandIds: number[];
  /** Its seeded orders are numbered after this, e.g. `PD-`. */
  orderNumberPrefix: string;
  v2ParcelsClosed: boolean;
  /** The account's orders visible now, on the simulator's clock. */
  orders(): SimOrder[];
}

export interface ApiKeys {
  publicKey: string;
  secretKey: string;
}

export interface Simulator {
  /** Origin, e.g. `http://127.0.0.1:43123`; the APIs live under `/api/v3` and `/api/v2`. */
  url: string;
  /** The first account's keys, as they are now. */
  readonly keys: ApiKeys;
  /** The first account's API integration. */
  integrationId: number;
  /** The first account's visible orders. */
  orders(): SimOrder[];
  accounts: SimAccount[];
  clock: Clock;
  /** Every label the simulator made, oldest first, for every account. */
  ledger: LedgerEntry[];
  /** The ledger entries of one order (by order number), oldest first. */
  labelsFor(orderNumber: string): LedgerEntry[];
  /** Every request that passed auth or failed it, in arrival order. */
  requests: RequestRecord[];
  /** Requests and answers that did not match the spec (only with `validateResponses`). */
  violations: ViolationRecord[];
  faults: { set(faults: Partial<Faults>): void; reset(): void; current(): Faults };
  /**
   * The merchant revokes the account's keys in the Sendcloud panel: every request with them
   * answers 401 from now on. Orders, integrations and labels stay with the account.
   */
  revokeKeys(publicKey: string): void;
  /**
   * New keys for the account (drawn, or the given ones); the old keys answer 401 from now on,
   * revoked or not. The account keeps its orders, integrations, labels and rate budget.
   */
  rotateKeys(publicKey: string, next?: ApiKeys): ApiKeys;
  /**
   * The carrier picks the parcel up now (its first scan): it shows en route from here on, as a
   * day after it was ready, and can no longer be cancelled. For a run without a moved clock.
   */
  handToCarrier(parcelId: number): void;
  /**
   * The carrier (`postnl`) refuses every label asked of it from now on, as Sendcloud passes a
   * carrier's refusal on (400, `parcel_announcement_error`); `false` takes it back.
   */
  carrierRefuses(carrierCode: string, refuses?: boolean): void;
  /** Sendcloud's webhooks: where they go, and `flush()` to send what is due now. */
  webhooks: Webhooks;
  close(): Promise<void>;
}

const log = createLogger('simulator');

function simOrders(account: AccountState, now: number): SimOrder[] {
  const byId = new Map<string, V3Order>();
  for (const record of account.orders) {
    if (record.visibleAt <= now) byId.set(record.order.id, record.order);
  }
  return [...byId.values()].map((order) => ({
    id: order.id,
    order_id: order.order_id,
    order_number: order.order_number,
    country: order.shipping_address.country_code as Country,
    shipping_option_code: order.shipping_details.ship_with.properties.shipping_option_code,
    order: structuredClone(order),
  }));
}

export async function startSimulator(opts: SimulatorOptions = {}): Promise<Simulator> {
  const seed = opts.seed ?? 1;
  const clock = opts.clock ?? systemClock;
  const started = clock.now();
  const specs = (opts.accounts?.length ?? 0) > 0 ? (opts.accounts ?? []) : [{}];
  const accounts: AccountState[] = specs.map((spec, index) => {
    const identity = accountIdentity(index, spec.orderNumberPrefix);
    const data = seedAccount({
      seed: spec.seed ?? seed + index,
      orderCount: spec.orderCount ?? opts.orderCount ?? 50,
      now: new Date(started),
      identity,
      carriers: spec.carriers,
    });
    const template = data.orders[0];
    if (opts.routingOrders && template) {
      const firstId = Math.max(...data.orders.map((order) => Number(order.id))) + 1;
      data.orders.push(...routingOrders(template, identity.orderNumberPrefix, firstId));
    }
    if (opts.customsOrders && index === 0) {
      const lastId = Math.max(identity.firstOrderId, ...data.orders.map((o) => Number(o.id)));
      const after = { count: data.orders.length, lastId };
      const count = opts.customsOrders === true ? undefined : opts.customsOrders;
      data.orders.push(...customsOrders(identity, after, started, spec.seed ?? seed, count));
    }
    if (opts.servicePoints) data.orders.push(...servicePointOrders(identity, started));
    if (spec.publicKey !== undefined) data.keys.publicKey = spec.publicKey;
    if (spec.secretKey !== undefined) data.keys.secretKey = spec.secretKey;
    return {
      id: `account-${index + 1}`,
      orderNumberPrefix: identity.orderNumberPrefix,
      data,
      keysRevoked: false,
      v2ParcelsClosed: spec.v2ParcelsClosed ?? false,
      // Seeded orders were saved long ago: visible from the start.
      orders: data.orders.map((order) => ({ order, visibleAt: -Infinity })),
      shipments: [],
      returns: [],
    };
  });
  const keys = new Set(accounts.map((account) => account.data.keys.publicKey));
  if (keys.size !== accounts.length)
    throw new RangeError('Every account needs its own public key.');
  const prefixes = new Set(accounts.map((account) => account.orderNumberPrefix));
  if (prefixes.size !== accounts.length)
    throw new RangeError('Every account needs its own order number prefix.');

  const maxOrderId = Math.max(
    7_012_400,
    ...accounts.flatMap((account) => account.data.orders.map((order) => Number(order.id))),
  );
  const state: SimulatorState = {
    accounts,
    ledger: [],
    random: createRandom(seed * 7919 + 1),
    keyRandom: createRandom(seed * 15_485_863 + 3),
    labelResponse: opts.labelResponse ?? 'example',
    asyncLabelDelayMs: opts.asyncLabelDelayMs ?? 3_000,
    orderVisibilityDelayMs: opts.orderVisibilityDelayMs ?? 2_000,
    nextParcelId: 412_000_001,
    nextShipmentId: 1_850_001,
    nextOrderId: maxOrderId + 1,
    nextReturnId: 56_001,
    trackingNumbers: new Set(),
    refusingCarriers: new Set(),
    ...(opts.servicePoints ? { servicePoints: { closed: new Set(CLOSED_POINT_IDS) } } : {}),
  };
  let faults: Faults = { ...NO_FAULTS };
  const requests: RequestRecord[] = [];
  const violations: ViolationRecord[] = [];
  const limits = opts.rateLimits === undefined ? DOCUMENTED_LIMITS : opts.rateLimits;
  const { server, stop } = createSimulatorServer({
    state,
    clock,
    routes: { v2: v2Routes, v3: v3Routes },
    validation: { specs: loadSpecs(), v3ErrorBody, v2ErrorBody },
    validateResponses: opts.validateResponses ?? false,
    rateLimiter: limits === false ? null : createRateLimiter(limits),
    faults: () => faults,
    faultRandom: createRandom(seed * 104729 + 7),
    requests,
    violations,
  });

  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  log.debug('simulator listening', { url, accounts: accounts.length });

  const first = accounts[0];
  if (!first) throw new Error('no account');
  const accountOf = (publicKey: string) => {
    const account = accounts.find((candidate) => candidate.data.keys.publicKey === publicKey);
    if (!account) throw new RangeError(`No simulator account has the public key ${publicKey}.`);
    return account;
  };
  const webhooks = createWebhooks({
    state,
    clock,
    origin: () => url,
    ...(opts.webhooks ? { options: opts.webhooks } : {}),
  });
  let closed: Promise<void> | null = null;
  return {
    url,
    webhooks,
    get keys() {
      return { ...first.data.keys };
    },
    integrationId: first.data.integration.id,
    orders: () => simOrders(first, clock.now()),
    accounts: accounts.map((account) => ({
      get publicKey() {
        return account.data.keys.publicKey;
      },
      get secretKey() {
        return account.data.keys.secretKey;
      },
      integrationId: account.data.integration.id,
      senderAddressId: account.data.senderAddress.id,
      senderAddressIds: account.data.senderAddresses.map((address) => address.id),
      brandIds: account.data.brands.map((brand) => brand.id),
      orderNumberPrefix: account.orderNumberPrefix,
      v2ParcelsClosed: account.v2ParcelsClosed,
      orders: () => simOrders(account, clock.now()),
    })),
    clock,
    ledger: state.ledger,
    labelsFor: (orderNumber) => state.ledger.filter((entry) => entry.orderNumber === orderNumber),
    requests,
    violations,
    faults: {
      set(change) {
        faults = mergeFaults(faults, change);
      },
      reset() {
        faults = { ...NO_FAULTS };
      },
      current: () => faults,
    },
    revokeKeys(publicKey) {
      const account = accountOf(publicKey);
      account.keysRevoked = true;
      log.debug('simulator keys revoked', { account: account.id });
    },
    handToCarrier(parcelId) {
      const parcel = state.accounts
        .flatMap((account) => account.shipments.flatMap((shipment) => shipment.parcels))
        .find((p) => p.id === parcelId && !p.deleted);
      if (!parcel) throw new RangeError(`No parcel ${parcelId}.`);
      const now = clock.now();
      // The carrier's timeline runs from readyAt: move it back to the first carrier scan.
      parcel.readyAt = Math.min(parcel.readyAt, now - (CARRIER_TIMELINE[0]?.afterMs ?? 0));
      parcel.updatedAt = now;
    },
    carrierRefuses(carrierCode, refuses = true) {
      if (refuses) state.refusingCarriers.add(carrierCode);
      else state.refusingCarriers.delete(carrierCode);
    },
    rotateKeys(publicKey, next) {
      const account = accountOf(publicKey);
      const fresh = next ?? {
        publicKey: state.keyRandom.letters(32, '0123456789abcdef'),
        secretKey: state.keyRandom.letters(32, '0123456789abcdef'),
      };
      if (
        accounts.some((other) => other !== account && other.data.keys.publicKey === fresh.publicKey)
      ) {
        throw new RangeError('Every account needs its own public key.');
      }
      account.data.keys = { ...fresh };
      account.keysRevoked = false;
      log.debug('simulator keys rotated', { account: account.id });
      return { ...fresh };
    },
    close() {
      closed ??= webhooks
        .stop()
        .then(
          () =>
            new Promise<void>((resolve, reject) => {
              stop();
              server.close((error) => (error ? reject(error) : resolve()));
              server.closeAllConnections();
            }),
        )
        .then(() => log.debug('simulator stopped', { url }));
      return closed;
    },
  };
}
