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
