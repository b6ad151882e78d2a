// The warehouse database's schema: numbered migrations, applied in order, each once, like the
// station's SQLite (store/migrations.ts). A database whose schema is newer than this build knows
// is refused: an older station must not write to tables it does not understand.
import type { Pool, PoolClient } from 'pg';

export interface WarehouseMigration {
  version: number;
  name: string;
  sql: string;
}

/**
 * Every migration, in order. Each area of the warehouse owns its own: 1 the stations, 2 claims,
 * 3 the write budget, 4 the ledger, 5 tracking statuses and webhooks, 6 the settings every station
 * shares (packers, account settings, routing rules).
 */
export const warehouseMigrations: readonly WarehouseMigration[] = [
  {
    version: 1,
    name: 'stations',
    sql: `
      create table stations (
        id text primary key,
        name text not null,
        joined_at timestamptz not null default now(),
        last_seen timestamptz not null default now()
      );
    `,
  },
  {
    version: 2,
    name: 'claims',
    // One row per order in the warehouse: who labels it (or did), so no second station does.
    // The order is named by what every station agrees on, Sendcloud's integration and order
    // id; a station's liveness is its heartbeat in `stations`. `taken_from_*` keep the last
    // station a stale claim was taken from, for the taker's look-up and for the record.
    sql: `
      create table claims (
        order_key text primary key,
        order_number text not null,
        station_id text not null,
        station_name text not null,
        state text not null check (state in ('labelling', 'labelled', 'released')),
        parcel_id bigint,
        tracking_number text,
        claimed_at timestamptz not null default now(),
        labelled_at timestamptz,
        verified boolean not null default true,
        taken_from_station text,
        taken_from_claimed_at timestamptz
      );
      create index claims_parcel on claims (parcel_id) where parcel_id is not null;
      create index claims_station_state on claims (station_id, state);
    `,
  },
  {
    version: 3,
    name: 'write budget',
    // One token bucket per Sendcloud account, shared by every station on it (write-budget.ts).
    // `account` is a hash of the Sendcloud origin and public key: it names the account, never
    // holds its key. Times are the stations' clocks in ms (not now()), so a benchmark's scaled
    // clock drives the bucket as it drives the stations.
    sql: `
      create table write_budgets (
        account text primary key,
        capacity double precision not null check (capacity >= 1),
        per_minute double precision not null check (per_minute > 0),
        tokens double precision not null,
        at_ms bigint not null,
        grants bigint not null default 0
      );
    `,
  },
  {
    version: 4,
    name: 'ledger',
    sql: `
      -- Every row of every station's outbox, once: (station, id) is the station's own order.
      create table ledger_events (
        station_id text not null,
        id bigint not null,
        kind text not null check (kind in ('shipment', 'scan', 'shipment-event', 'batch')),
        ref text not null,
        body jsonb not null,
        made_at timestamptz not null,
        received_at timestamptz not null default now(),
        primary key (station_id, id)
      );
      -- Each record as its newest event left it (event_id), for the screens to read quickly.
      create table ledger_shipments (
        station_id text not null,
        parcel_id bigint not null,
        event_id bigint not null,
        created_at timestamptz not null,
        body jsonb not null,
        primary key (station_id, parcel_id)
      );
      create index ledger_shipments_created on ledger_shipments (created_at);
      create index ledger_shipments_station_created on ledger_shipments (station_id, created_at);
      create table ledger_scans (
        station_id text not null,
        scan_id text not null,
        event_id bigint not null,
        started_at timestamptz not null,
        body jsonb not null,
        primary key (station_id, scan_id)
      );
      create index ledger_scans_started on ledger_scans (started_at);
      create table ledger_shipment_events (
        station_id text not null,
        seq bigint not null,
        parcel_id bigint not null,
        at timestamptz not null,
        body jsonb not null,
        primary key (station_id, seq)
      );
      create index ledger_shipment_events_at on ledger_shipment_events (at);
      create table ledger_batches (
        station_id text not null,
        batch_id text not null,
        event_id bigint not null,
        created_at timestamptz not null,
        body jsonb not null,
        primary key (station_id, batch_id)
      );
    `,
  },
  {
    version: 5,
    name: 'tracking statuses and webhooks',
    // tracking_statuses: the newest status of each parcel, one row a parcel, keyed by Sendcloud's
    // parcel id so the ledger's shipments join on it. `changed_at` is the webhook's own timestamp
    // (Sendcloud's delivery order is not guaranteed: the newest by it wins). `status` is the
    // station's word for it, so a screen needs no table of Sendcloud's ids.
    // webhook_deliveries: each signed body once (by its SHA-256), for as long as the hub's replay
    // window: a redelivery finds its digest and changes nothing.
    // hubs: each running hub says it is alive; stations read tracking from here while one is.
    sql: `
      create table tracking_statuses (
        parcel_id bigint primary key,
        status text not null,
        status_id integer not null,
        status_message text not null,
        tracking_number text,
        changed_at timestamptz not null,
        received_at timestamptz not null default now()
      );
      create index tracking_statuses_received on tracking_statuses (received_at);
      create table webhook_deliveries (
        digest bytea primary key,
        action text not null,
        parcel_id bigint,
        webhook_at timestamptz not null,
        received_at timestamptz not null default now()
      );
      create index webhook_deliveries_webhook_at on webhook_deliveries (webhook_at);
      create table hubs (
        id text primary key,
        name text not null,
        started_at timestamptz not null default now(),
        last_seen timestamptz not null default now()
      );
    `,
  },
  {
    version: 6,
    name: 'shared settings',
    // Packers (the PIN only as its salted hash), the accounts' settings (never a key: an account
    // is known by a hash of Sendcloud's origin and its integration id) and the routing rules.
    // Each row carries the station time of its last change and who made it: the newest change
    // wins. `seq` is given under one lock, so a station reading `seq > last` misses nothing.
    sql: `
      create sequence shared_settings_seq;

      create table shared_packers (
        id text primary key,
        name text not null,
        role text not null check (role in ('packer', 'supervisor')),
        badge text not null,
        pin_hash text not null check (pin_hash like 'scrypt$%'),
        created_at text not null,
        removed_at text,
        changed_ms bigint not null,
        changed_by text not null,
        updated_at timestamptz not null default now(),
        seq bigint not null
      );
      create index shared_packers_seq on shared_packers (seq);

      create table shared_accounts (
        account_key text primary key,
        name text not null,
        api text not null check (api in ('v3', 'v2')),
        integration_id bigint not null,
        sender_address_id bigint,
        brand_id bigint,
        shipping_option_code text,
        test_mode boolean not null,
        routing jsonb not null,
        removed boolean not null default false,
        changed_ms bigint not null,
        changed_by text not null,
        updated_at timestamptz not null default now(),
        seq bigint not null
      );
      create index shared_accounts_seq on shared_accounts (seq);

      create table shared_rules (
        id text primary key,
        rules jsonb not null,
        changed_ms bigint not null,
        changed_by text not null,
        updated_at timestamptz not null default now(),
        seq bigint not null
      );
      create index shared_rules_seq on shared_rules (seq);
    `,
  },
];

export const latestWarehouseSchema = warehouseMigrations.at(-1)?.version ?? 0;

export class WarehouseSchemaError extends Error {
  override name = 'WarehouseSchemaError';
  constructor(
    readonly found: number,
    readonly known: number,
  ) {
    super(`The warehouse database has schema ${found}; this station knows up to ${known}.`);
  }
}

// Any fixed number: every station takes the same lock, so two that start together migrate in turn.
const MIGRATION_LOCK = 7_241_009;

/**
 * Bring the warehouse database up to this build's schema. Stations that start at once take turns
 * (an advisory lock held for the transaction); a schema newer than `migrations` throws
 * WarehouseSchemaError and changes nothing. Returns the version the database now has.
 */
export async function migrateWarehouse(
  pool: Pool,
  migrations: readonly WarehouseMigration[] = warehouseMigrations,
): Promise<number> {
  const client = await pool.connect();
  // Dropped between statements, the connection reports on the client; the next statement fails.
  let lost: Error | null = null;
  const onLost = (error: Error) => {
    lost = error;
  };
  client.on('error', onLost);
  try {
    await client.query('begin');
    await client.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query(`
      create table if not exists warehouse_schema (
        version integer primary key,
        name text not null,
        applied_at timestamptz not null default now()
      )`);
    const found = await currentVersion(client);
    const known = migrations.at(-1)?.version ?? 0;
    if (found > known) throw new WarehouseSchemaError(found, known);
    for (const migration of migrations) {
      if (migration.version <= found) continue;
      await client.query(migration.sql);
      await client.query('insert into warehouse_schema (version, name) values ($1, $2)', [
        migration.version,
        migration.name,
      ]);
    }
    await client.query('commit');
    return Math.max(found, known);
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.off('error', onLost);
    client.release(lost ?? undefined);
  }
}

async function currentVersion(client: PoolClient): Promise<number> {
  const { rows } = await client.query<{ version: number | null }>(
    'select max(version) as version from warehouse_schema',
  );
  return rows[0]?.version ?? 0;
}
