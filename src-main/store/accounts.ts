import { statement, type Db } from './db';

/**
 * A Sendcloud account as stored: its settings, never its keys (those are in the keychain). What
 * the screen shows (its state, whether it is fixed by the environment) is made from it elsewhere.
 */
export interface AccountRecord {
  id: string;
  name: string;
  /** The Sendcloud API generation its imports use. */
  api: 'v3' | 'v2';
  integrationId: number;
  senderAddressId: number | null;
  brandId: number | null;
  /** The default shipping option code, or null. */
  shippingOptionCode: string | null;
  /** Labels use Sendcloud's free unstamped letter. */
  testMode: boolean;
  createdAt: string;
}

interface AccountRow {
  id: string;
  name: string;
  api: 'v3' | 'v2';
  integration_id: number;
  sender_address_id: number | null;
  brand_id: number | null;
  shipping_option_code: string | null;
  test_mode: number;
  created_at: string;
}

const accountFromRow = (row: AccountRow): AccountRecord => ({
  id: row.id,
  name: row.name,
  api: row.api,
  integrationId: row.integration_id,
  senderAddressId: row.sender_address_id,
  brandId: row.brand_id,
  shippingOptionCode: row.shipping_option_code,
  testMode: row.test_mode === 1,
  createdAt: row.created_at,
});

export function listAccounts(db: Db): AccountRecord[] {
  const rows = statement(
    db,
    'SELECT * FROM accounts ORDER BY created_at, rowid',
  ).all() as AccountRow[];
  return rows.map(accountFromRow);
}

/** Insert an account, or update the one with this id. */
export function saveAccount(db: Db, account: AccountRecord): void {
  statement(
    db,
    `INSERT INTO accounts (id, name, api, integration_id, sender_address_id, brand_id,
       shipping_option_code, test_mode, created_at)
     VALUES (@id, @name, @api, @integrationId, @senderAddressId, @brandId, @shippingOptionCode,
       @testMode, @createdAt)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, api = excluded.api,
       integration_id = excluded.integration_id, sender_address_id = excluded.sender_address_id,
       brand_id = excluded.brand_id, shipping_option_code = excluded.shipping_option_code,
       test_mode = excluded.test_mode`,
  ).run({ ...account, testMode: account.testMode ? 1 : 0 });
}

export function deleteAccount(db: Db, id: string): void {
  statement(db, 'DELETE FROM accounts WHERE id = @id').run({ id });
}

/** How a merchant ships: through the marketplace's account, or its own. */
export type MerchantMode = 'centralised' | 'decentralised';

/** A merchant of a marketplace, as stored. */
export interface MerchantRecord {
  id: string;
  name: string;
  /** Orders whose number starts with this belong to the merchant. */
  orderPrefix: string;
  mode: MerchantMode;
  /** The merchant's own account (decentralised), or null. */
  accountId: string | null;
  createdAt: string;
}

interface MerchantRow {
  id: string;
  name: string;
  order_prefix: string;
  mode: MerchantMode;
  account_id: string | null;
  created_at: string;
}

const merchantFromRow = (row: MerchantRow): MerchantRecord => ({
  id: row.id,
  name: row.name,
  orderPrefix: row.order_prefix,
  mode: row.mode,
  accountId: row.account_id,
  createdAt: row.created_at,
});

export function listMerchants(db: Db): MerchantRecord[] {
  const rows = statement(db, 'SELECT * FROM merchants ORDER BY name').all() as MerchantRow[];
  return rows.map(merchantFromRow);
}

export function saveMerchant(db: Db, merchant: MerchantRecord): void {
  statement(
    db,
    `INSERT INTO merchants (id, name, order_prefix, mode, account_id, created_at)
     VALUES (@id, @name, @orderPrefix, @mode, @accountId, @createdAt)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, order_prefix = excluded.order_prefix,
       mode = excluded.mode, account_id = excluded.account_id`,
  ).run(merchant);
}

export function deleteMerchant(db: Db, id: string): void {
  statement(db, 'DELETE FROM merchants WHERE id = @id').run({ id });
}

/** The merchant an order number belongs to: the longest matching prefix wins. */
export function merchantForOrder(db: Db, orderNumber: string): MerchantRecord | null {
  return merchantOfOrder(listMerchants(db), orderNumber);
}

/** The same, among merchants already read (a list of orders reads them once). */
export function merchantOfOrder(
  merchants: readonly MerchantRecord[],
  orderNumber: string,
): MerchantRecord | null {
  return (
    merchants
      .filter((merchant) => orderNumber.startsWith(merchant.orderPrefix))
      .sort((a, b) => b.orderPrefix.length - a.orderPrefix.length)[0] ?? null
  );
}
