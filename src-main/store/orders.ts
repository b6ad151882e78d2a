import { statement, type Db } from './db';

/** An open order as the station keeps it, so a scan resolves without a network call. */
export interface CachedOrder {
  id: string;
  /** The station's Sendcloud account the order lives in. */
  accountId: string;
  orderId: string;
  orderNumber: string;
  integrationId: number;
  status: string | null;
  countryCode: string | null;
  shippingOptionCode: string | null;
  updatedAt: string | null;
}

interface OrderRow {
  id: string;
  account_id: string;
  order_id: string;
  order_number: string;
  integration_id: number;
  status: string | null;
  country_code: string | null;
  shipping_option_code: string | null;
  updated_at: string | null;
}

const fromRow = (row: OrderRow): CachedOrder => ({
  id: row.id,
  accountId: row.account_id,
  orderId: row.order_id,
  orderNumber: row.order_number,
  integrationId: row.integration_id,
  status: row.status,
  countryCode: row.country_code,
  shippingOptionCode: row.shipping_option_code,
  updatedAt: row.updated_at,
});

/** Insert or refresh orders in one transaction; `body` keeps Sendcloud's full order JSON. */
export function upsertOrders(
  db: Db,
  orders: readonly (CachedOrder & { body: unknown })[],
  syncedAt: string,
): void {
  const upsert = statement(
    db,
    `
    INSERT INTO orders (id, account_id, order_id, order_number, integration_id, status,
                        country_code, shipping_option_code, updated_at, synced_at, body)
    VALUES (@id, @accountId, @orderId, @orderNumber, @integrationId, @status, @countryCode,
            @shippingOptionCode, @updatedAt, @syncedAt, @body)
    ON CONFLICT (id) DO UPDATE SET account_id = excluded.account_id,
      order_id = excluded.order_id, order_number = excluded.order_number,
      integration_id = excluded.integration_id, status = excluded.status,
      country_code = excluded.country_code, shipping_option_code = excluded.shipping_option_code,
      updated_at = excluded.updated_at, synced_at = excluded.synced_at, body = excluded.body`,
  );
  db.transaction(() => {
    for (const order of orders) {
      upsert.run({
        id: order.id,
        accountId: order.accountId,
        orderId: order.orderId,
        orderNumber: order.orderNumber,
        integrationId: order.integrationId,
        status: order.status,
        countryCode: order.countryCode,
        shippingOptionCode: order.shippingOptionCode,
        updatedAt: order.updatedAt,
        syncedAt,
        body: JSON.stringify(order.body),
      });
    }
  })();
}

/**
 * Find an order by what a packer scans: the order number, or the shop's order id, in any of
 * the accounts given (null: any account).
 */
export function findOrderByCode(
  db: Db,
  code: string,
  accountIds: readonly string[] | null = null,
): CachedOrder | null {
  const rows = statement(
    db,
    `SELECT id, account_id, order_id, order_number, integration_id, status, country_code,
              shipping_option_code, updated_at
       FROM orders WHERE order_number = @code OR order_id = @code
       ORDER BY (order_number = @code) DESC, updated_at DESC`,
  ).all({ code }) as OrderRow[];
  const row = rows.find((r) => accountIds === null || accountIds.includes(r.account_id));
  return row ? fromRow(row) : null;
}

/** A cached order by the station's id for it. */
export function getOrder(db: Db, id: string): CachedOrder | null {
  const row = statement(
    db,
    `SELECT id, account_id, order_id, order_number, integration_id, status, country_code,
              shipping_option_code, updated_at
       FROM orders WHERE id = @id`,
  ).get({ id }) as OrderRow | undefined;
  return row ? fromRow(row) : null;
}

/**
 * The full order as it was given to upsertOrders (what a hand-over to another account sends on).
 * The store keeps it as JSON and does not know its shape: the caller names the type it stored.
 */
export function orderBody<Body>(db: Db, id: string): Body | null {
  const row = statement(db, 'SELECT body FROM orders WHERE id = @id').get({ id }) as
    { body: string } | undefined;
  return row ? (JSON.parse(row.body) as Body) : null;
}

/** Forget the cached orders of an account that was removed. */
export function deleteOrdersOfAccount(db: Db, accountId: string): void {
  statement(db, 'DELETE FROM orders WHERE account_id = @accountId').run({ accountId });
}

export function countOrders(db: Db): number {
  return (statement(db, 'SELECT count(*) AS n FROM orders').get() as { n: number }).n;
}

export function lastOrderSync(db: Db): string | null {
  const row = statement(db, 'SELECT max(synced_at) AS at FROM orders').get() as {
    at: string | null;
  };
  return row.at;
}

/** Who a cached order ships to, read inside SQLite rather than parsing the whole body. */
export function orderRecipient(
  db: Db,
  id: string,
): { name: string | null; postcode: string | null } | null {
  return (
    (statement(
      db,
      `SELECT coalesce(json_extract(body, '$.shipping_address.name'),
             json_extract(body, '$.shipping_address.company_name')) AS name,
           json_extract(body, '$.shipping_address.postal_code') AS postcode
         FROM orders WHERE id = @id`,
    ).get({ id }) as { name: string | null; postcode: string | null } | undefined) ?? null
  );
}
