// An embedded Sendcloud that speaks API v3 over real HTTP: the demo backend when no account is
// set, and the server every test talks to.
import type { AddressInfo } from 'node:net';
import { createLogger } from '../log';
import type { Country } from './carriers';
import { createRandom } from './prng';
import { seedAccount, type V3Order } from './seed';
import {
  createSimulatorServer,
  type Faults,
  type LedgerEntry,
  type SimulatorState,
} from './server';

export type { Faults, LedgerEntry } from './server';
export type { V3Order } from './seed';
export { OPEN_STATUS } from './seed';

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

export interface Simulator {
  /** Origin, e.g. `http://127.0.0.1:43123`; the API lives under `/api/v3`. */
  url: string;
  keys: { publicKey: string; secretKey: string };
  integrationId: number;
  orders(): SimOrder[];
  /** Every label the simulator created, oldest first. */
  ledger: LedgerEntry[];
  faults: { set(faults: Partial<Faults>): void; reset(): void };
  close(): Promise<void>;
}

const log = createLogger('simulator');
const noFaults: Faults = { latencyMs: 0, failStatus: null, failRate: 1 };

export async function startSimulator(opts: SimulatorOptions = {}): Promise<Simulator> {
  const seed = opts.seed ?? 1;
  const account = seedAccount({ seed, orderCount: opts.orderCount ?? 50, now: new Date() });
  const state: SimulatorState = {
    account,
    ledger: [],
    faults: { ...noFaults },
    random: createRandom(seed * 7919 + 1),
    faultRandom: createRandom(seed * 104729 + 7),
    labelResponse: opts.labelResponse ?? 'example',
    parcels: new Map(),
    nextParcelId: 412_000_001,
    nextShipmentId: 1_850_001,
  };
  const { server, cancelPending } = createSimulatorServer(state);
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
  log.debug('simulator listening', { url, orders: account.orders.length });

  let closed: Promise<void> | null = null;
  return {
    url,
    keys: { ...account.keys },
    integrationId: account.integration.id,
    orders: () =>
      account.orders.map((order) => ({
        id: order.id,
        order_id: order.order_id,
        order_number: order.order_number,
        country: order.shipping_address.country_code as Country,
        shipping_option_code: order.shipping_details.ship_with.properties.shipping_option_code,
        order: structuredClone(order),
      })),
    ledger: state.ledger,
    faults: {
      set(faults) {
        const next = { ...state.faults, ...faults };
        if (!Number.isFinite(next.latencyMs) || next.latencyMs < 0) {
          throw new RangeError('latencyMs must be a finite number of milliseconds, 0 or more.');
        }
        if (!(next.failRate >= 0 && next.failRate <= 1)) {
          throw new RangeError('failRate must be between 0 and 1.');
        }
        state.faults = next;
      },
      reset() {
        state.faults = { ...noFaults };
      },
    },
    close() {
      closed ??= new Promise<void>((resolve, reject) => {
        cancelPending();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }).then(() => log.debug('simulator stopped', { url }));
      return closed;
    },
  };
}
