import { msg, type AppErrorData } from '../../src-shared';
import type { SendcloudClient } from '../sendcloud/client';
import type { Order } from '../sendcloud/schemas';
import type { Db } from '../store/db';
import { upsertOrders, type CachedOrder } from '../store/orders';
import { readSetting, writeSetting } from '../store/settings';
import { AppError } from '../errors';
import { describeFailure } from '../describe-error';
import { createLogger } from '../log';

const log = createLogger('orders');

/** The station's view of a Sendcloud order: what a scan needs to find it and label it. */
export function toCachedOrder(order: Order, accountId: string): CachedOrder & { body: unknown } {
  return {
    id: String(order.id),
    accountId,
    orderId: order.order_id,
    orderNumber: order.order_number,
    integrationId: order.order_details.integration.id,
    status: order.order_details.status?.code ?? null,
    countryCode: order.shipping_address?.country_code ?? null,
    shippingOptionCode: order.shipping_details?.ship_with?.properties?.shipping_option_code ?? null,
    updatedAt: order.modified_at ?? order.order_details.order_updated_at ?? null,
    body: order,
  };
}

/**
 * How far back the cache reaches. An account's full history can hold years of shipped orders;
 * a scan of an older open order still resolves, with one lookup call.
 */
export const SYNC_WINDOW_DAYS = 30;

/** Where the next incremental sync starts: the calendar day the last good one started. */
const syncFromKey = (accountId: string) =>
  accountId === 'env' ? 'orders.syncFrom' : `orders.syncFrom:${accountId}`;

export interface OrderSyncDeps {
  db: Db;
  /** The station's account whose orders this keeps. */
  accountId: string;
  sendcloud: () => SendcloudClient;
  /** PACKDESK_INTEGRATION_ID, or null to use the first integration Sendcloud lists. */
  configuredIntegrationId: number | null;
  now: () => Date;
}

/**
 * Keeps the local order cache filled so a scan resolves without a network call.
 * One sync runs at a time; a second request while one runs waits for the same run.
 */
export function createOrderSync(deps: OrderSyncDeps) {
  let integration: { id: number; name: string } | null = null;
  let lastError: AppErrorData | null = null;
  let running: Promise<void> | null = null;

  async function resolveIntegration(): Promise<{ id: number; name: string }> {
    if (integration) return integration;
    const integrations = await deps.sendcloud().listIntegrations();
    const chosen =
      deps.configuredIntegrationId === null
        ? integrations[0]
        : integrations.find((candidate) => candidate.id === deps.configuredIntegrationId);
    if (!chosen) {
      throw deps.configuredIntegrationId === null
        ? new AppError('sendcloud-error', msg('sendcloud.noIntegrations'), {
            log: 'This Sendcloud account has no integrations.',
          })
        : new AppError(
            'sendcloud-error',
            msg('sendcloud.noIntegration', { id: deps.configuredIntegrationId }),
            { log: `Sendcloud has no integration ${deps.configuredIntegrationId}.` },
          );
    }
    integration = { id: chosen.id, name: chosen.shop_name ?? `Integration ${chosen.id}` };
    return integration;
  }

  async function syncOnce(): Promise<void> {
    try {
      const { id } = await resolveIntegration();
      const startedAt = deps.now();
      // The spec types this filter as a calendar day; a date-time is refused.
      const window = new Date(startedAt.getTime() - SYNC_WINDOW_DAYS * 86_400_000)
        .toISOString()
        .slice(0, 10);
      // Incremental: only orders changed since the day the last good sync started. That day is
      // fetched again (the filter has no time of day); the upsert makes that harmless.
      const previous = readSetting(deps.db, syncFromKey(deps.accountId));
      const from = previous && previous > window ? previous : window;
      const orders = await deps
        .sendcloud()
        .listAllOrders({ integrationIds: [id], updatedAtMin: from });
      upsertOrders(
        deps.db,
        orders.map((order) => toCachedOrder(order, deps.accountId)),
        startedAt.toISOString(),
      );
      writeSetting(deps.db, syncFromKey(deps.accountId), startedAt.toISOString().slice(0, 10));
      lastError = null;
    } catch (error) {
      lastError = describeFailure(error);
      throw error;
    }
  }

  return {
    integration: () => integration,
    lastError: () => lastError,
    run(): Promise<void> {
      running ??= syncOnce().finally(() => {
        running = null;
      });
      return running;
    },
    /** Wait for a sync in progress to end, so the database can be closed under it. */
    async idle(): Promise<void> {
      await running?.catch(() => undefined);
    },
  };
}

/** Where a lookup may search: one entry per usable account. */
export interface OrderSource {
  accountId: string;
  sendcloud: () => SendcloudClient;
  integrationId: number | null;
}

/**
 * Ask Sendcloud once per account for the open order a scanned code names, and keep it in the
 * cache. Throws `order-not-found` when no account has it, or an account's error when none found
 * it and one could not answer (so an outage is not mistaken for an unknown order).
 */
export async function lookUpOrder(deps: {
  db: Db;
  sources: () => OrderSource[];
  now: () => number;
  /** Sendcloud answered: it is reachable. */
  reached: () => void;
  code: string;
}): Promise<CachedOrder> {
  let failure: unknown = null;
  for (const source of deps.sources()) {
    try {
      const page = await source.sendcloud().listOrders({
        orderNumber: deps.code,
        ...(source.integrationId !== null ? { integrationIds: [source.integrationId] } : {}),
        pageSize: 5,
      });
      deps.reached();
      // Sendcloud's filter is not a promise: a list may hold orders the scan does not name, and
      // a scan must only ever become a label for the order it names.
      const found = page.orders.map((order) => toCachedOrder(order, source.accountId));
      if (found.length > 0) upsertOrders(deps.db, found, new Date(deps.now()).toISOString());
      const order = found.find((candidate) => namesOrder(deps.code, candidate));
      if (order) return order;
      if (found.length > 0) {
        log.warn('order look-up answered with orders the scan does not name', {
          code: deps.code,
          account: source.accountId,
          returned: found.map((other) => ({
            orderNumber: other.orderNumber,
            orderId: other.orderId,
          })),
        });
      }
    } catch (error) {
      failure ??= error;
    }
  }
  if (failure) throw failure;
  throw new AppError('order-not-found', msg('error.orderNotFound', { code: deps.code }), {
    log: `No open order matches "${deps.code}".`,
  });
}

/** A scanned code names an order by its number (case-insensitively, as Sendcloud filters) or id. */
function namesOrder(code: string, order: CachedOrder): boolean {
  const scanned = code.trim();
  return order.orderNumber.toLowerCase() === scanned.toLowerCase() || order.orderId === scanned;
}
