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
 * 3 the write budget, 4 the ledger, 5 tracking statuses and webhooks.
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
    client.release();
  }
}

async function currentVersion(client: PoolClient): Promise<number> {
  const { rows } = await client.query<{ version: number | null }>(
    'select max(version) as version from warehouse_schema',
  );
  return rows[0]?.version ?? 0;
}
