// Sendcloud's `parcel_status_changed` webhooks, as the simulator sends them: when a parcel takes
// a new status on the simulator's clock, a POST to the integration's webhook URL with the body
// shaped as Sendcloud's real example, signed (`Sendcloud-Signature`, HMAC-SHA256 of the raw
// bytes) with the account's secret key. A delivery that does not get a 2xx is tried again, as
// Sendcloud does: 10 more times, 5 minutes after the first, doubling to an hour. A test can ask
// for every webhook to come more than once, and for each round's to come newest first.
import { createHmac } from 'node:crypto';
import type { Clock } from '../clock';
import { createLogger } from '../log';
import { countryInfo, isCountry, productForOption } from './carriers';
import { v2Date } from './http';
import { statusHistory, type ParcelStatus } from './lifecycle';
import { v2LabelUrls, weightString } from './shipping';
import { parcelsOf, type ParcelRecord, type ShipmentRecord, type SimulatorState } from './state';

const log = createLogger('simulator');

export interface WebhookOptions {
  /** Where Sendcloud posts: the integration's `webhook_url`. */
  url: string;
  /** Send each webhook this many more times, byte for byte, as Sendcloud may. Default 0. */
  redeliveries?: number;
  /** Send each round's webhooks newest first: delivery order is not guaranteed. Default false. */
  outOfOrder?: boolean;
  /** How often, on the simulator's clock, to look for new statuses; default 1000; 0: only on flush. */
  intervalMs?: number;
}

export interface WebhookDelivery {
  parcelId: number;
  statusId: number;
  /** The webhook's `timestamp`: when the parcel took the status. */
  timestamp: number;
  /** 1 for the first try; a retry after a failure counts up. */
  attempt: number;
  /** The receiver's answer; null when it could not be reached. */
  httpStatus: number | null;
  /** Clock ms when it was sent. */
  sentAt: number;
}

export interface Webhooks {
  /** Turn webhooks on (statuses parcels have now are not sent), change them, or off (null). */
  set(options: WebhookOptions | null): void;
  /** Look for new statuses now and send them, and every retry that is due; resolves when answered. */
  flush(): Promise<WebhookDelivery[]>;
  /** Every delivery so far, in the order sent. */
  readonly deliveries: WebhookDelivery[];
  stop(): Promise<void>;
}

/** Sendcloud's schedule: 10 retries, the first after 5 minutes, doubling, at most an hour apart. */
const RETRIES = 10;
const FIRST_RETRY_MS = 5 * 60_000;
const MAX_RETRY_MS = 3_600_000;

interface Pending {
  parcelId: number;
  statusId: number;
  timestamp: number;
  raw: string;
  secret: string;
  attempt: number;
  dueAt: number;
}

/** The body of the real example (`webhook-parcel-status-changed.json`): its keys, in its order. */
export function webhookBody(
  origin: string,
  shipment: ShipmentRecord,
  parcel: ParcelRecord,
  status: ParcelStatus,
  timestamp: number,
) {
  const to = shipment.to;
  const country = isCountry(to.country_code) ? countryInfo[to.country_code] : undefined;
  const product = productForOption(shipment.shippingOptionCode);
  return {
    action: 'parcel_status_changed',
    timestamp,
    parcel: {
      id: parcel.id,
      name: to.name,
      company_name: to.company_name ?? '',
      address: `${to.address_line_1} ${to.house_number}`.trim(),
      address_2: to.address_line_2 ?? '',
      to_state: '',
      address_divided: { street: to.address_line_1, house_number: to.house_number },
      city: to.city,
      postal_code: to.postal_code,
      telephone: to.phone_number ?? '',
      email: to.email ?? '',
      date_created: v2Date(parcel.createdAt),
      tracking_number: parcel.trackingNumber,
      weight: weightString(parcel.weightKg),
      label: parcel.announcedAt === null ? {} : v2LabelUrls({ origin }, parcel.id),
      customs_declaration: {},
      status: { id: status.id, message: status.message },
      data: {},
      country: {
        iso_3: country?.iso3 ?? to.country_code,
        iso_2: to.country_code,
        name: country?.name ?? to.country_code,
      },
      shipment: { id: product?.methodId ?? 0, name: product?.name ?? '' },
      order_number: shipment.orderNumber,
      shipment_uuid: `00000000-0000-4000-8000-${String(shipment.id).padStart(12, '0')}`,
      external_order_id: shipment.orderId ?? '',
      external_shipment_id: shipment.externalReferenceId ?? shipment.id,
    },
  };
}

export function createWebhooks(deps: {
  state: SimulatorState;
  clock: Clock;
  /** The simulator's origin, for the label links in the body. */
  origin: () => string;
  options?: WebhookOptions;
}): Webhooks {
  const { state, clock } = deps;
  let options: WebhookOptions | null = null;
  /** `parcelId:statusId` of every status already told (or there before webhooks were set). */
  const told = new Set<string>();
  let retries: Pending[] = [];
  const deliveries: WebhookDelivery[] = [];
  let chain: Promise<unknown> = Promise.resolve();
  let loop: { abort: AbortController; done: Promise<void> } | null = null;

  /** Every status not told yet, oldest first; marks them told. */
  function newStatuses(): Pending[] {
    const now = clock.now();
    const found: Pending[] = [];
    for (const account of state.accounts) {
      for (const { shipment, parcel } of parcelsOf(account)) {
        for (const step of statusHistory(parcel, now)) {
          const key = `${parcel.id}:${step.status.id}`;
          if (told.has(key)) continue;
          told.add(key);
          const body = webhookBody(deps.origin(), shipment, parcel, step.status, step.at);
          found.push({
            parcelId: parcel.id,
            statusId: step.status.id,
            timestamp: step.at,
            raw: JSON.stringify(body),
            secret: account.data.keys.secretKey,
            attempt: 1,
            dueAt: now,
          });
        }
      }
    }
    return found.sort((a, b) => a.timestamp - b.timestamp);
  }

  async function post(url: string, pending: Pending): Promise<WebhookDelivery> {
    const signature = createHmac('sha256', pending.secret).update(pending.raw).digest('hex');
    const sentAt = clock.now();
    let httpStatus: number | null = null;
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'sendcloud-signature': signature },
        body: pending.raw,
        signal: AbortSignal.timeout(10_000),
      });
      httpStatus = response.status;
      await response.arrayBuffer().catch(() => undefined);
    } catch (error) {
      log.debug('simulator webhook not delivered', { error: (error as Error).message });
    }
    if (httpStatus === null || httpStatus < 200 || httpStatus > 299) {
      if (pending.attempt <= RETRIES) {
        const delay = Math.min(FIRST_RETRY_MS * 2 ** (pending.attempt - 1), MAX_RETRY_MS);
        retries.push({ ...pending, attempt: pending.attempt + 1, dueAt: sentAt + delay });
      }
    }
    const told: WebhookDelivery = {
      parcelId: pending.parcelId,
      statusId: pending.statusId,
      timestamp: pending.timestamp,
      attempt: pending.attempt,
      httpStatus,
      sentAt,
    };
    deliveries.push(told);
    return told;
  }

  async function round(): Promise<WebhookDelivery[]> {
    const current = options;
    if (!current) return [];
    const now = clock.now();
    const due = retries.filter((r) => r.dueAt <= now);
    retries = retries.filter((r) => r.dueAt > now);
    const fresh = newStatuses();
    const copies = current.redeliveries ?? 0;
    let batch = [...fresh.flatMap((p) => Array.from({ length: 1 + copies }, () => p)), ...due];
    if (current.outOfOrder) batch = batch.reverse();
    const sent: WebhookDelivery[] = [];
    for (const pending of batch) sent.push(await post(current.url, pending));
    return sent;
  }

  function flush(): Promise<WebhookDelivery[]> {
    const next = chain.then(round, round);
    chain = next.catch(() => undefined);
    return next;
  }

  async function stopLoop(): Promise<void> {
    const running = loop;
    loop = null;
    running?.abort.abort();
    await running?.done;
  }

  function startLoop(intervalMs: number): void {
    const abort = new AbortController();
    const done = (async () => {
      while (!abort.signal.aborted) {
        try {
          await clock.sleep(intervalMs, abort.signal);
        } catch {
          return;
        }
        await flush().catch(() => undefined);
      }
    })();
    loop = { abort, done };
  }

  function set(next: WebhookOptions | null): void {
    if (!options && next) {
      // Sendcloud tells of changes from the moment the URL is set, not of the statuses before.
      newStatuses();
    }
    options = next;
    void stopLoop();
    const intervalMs = next?.intervalMs ?? 1_000;
    if (next && intervalMs > 0) startLoop(intervalMs);
  }

  if (deps.options) set(deps.options);

  return {
    set,
    flush,
    deliveries,
    async stop() {
      options = null;
      await stopLoop();
      await chain;
    },
  };
}
