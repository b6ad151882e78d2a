import type Database from 'better-sqlite3';

type Db = Database.Database;

// Numbered, append-only. Never edit a migration that has shipped: add the next one.
export const migrations: readonly { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: 'orders, shipments and the scan audit log',
    sql: `
      CREATE TABLE orders (
        id TEXT PRIMARY KEY,
        order_id TEXT NOT NULL,
        order_number TEXT NOT NULL,
        integration_id INTEGER NOT NULL,
        status TEXT,
        country_code TEXT,
        shipping_option_code TEXT,
        updated_at TEXT,
        synced_at TEXT NOT NULL,
        body TEXT NOT NULL
      ) STRICT;
      CREATE INDEX orders_order_number ON orders(order_number);
      CREATE INDEX orders_order_id ON orders(order_id);

      CREATE TABLE shipments (
        parcel_id INTEGER PRIMARY KEY,
        shipment_id TEXT NOT NULL,
        order_ref TEXT NOT NULL,
        order_number TEXT NOT NULL,
        tracking_number TEXT NOT NULL,
        tracking_url TEXT,
        carrier TEXT NOT NULL,
        label BLOB NOT NULL,
        label_format TEXT NOT NULL CHECK (label_format IN ('zpl', 'pdf', 'png')),
        label_dpi INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        printed_at TEXT,
        print_count INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX shipments_tracking_number ON shipments(tracking_number);
      CREATE INDEX shipments_order_ref ON shipments(order_ref);

      CREATE TABLE scan_audit (
        id TEXT PRIMARY KEY,
        code TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('working', 'printed', 'failed')),
        step TEXT NOT NULL,
        order_number TEXT,
        tracking_number TEXT,
        carrier TEXT,
        error_code TEXT,
        error_message TEXT,
        reprint INTEGER NOT NULL DEFAULT 0,
        started_at TEXT NOT NULL,
        finished_at TEXT
      ) STRICT;
      CREATE INDEX scan_audit_started_at ON scan_audit(started_at);
    `,
  },
];

export const latestVersion = migrations.reduce((max, m) => Math.max(max, m.version), 0);

/**
 * Apply every migration newer than the database's `user_version`, all in one transaction.
 * Refuses a database written by a newer Packdesk rather than guessing at its schema.
 */
export function migrate(db: Db): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > latestVersion) {
    throw new Error(
      `This database was written by a newer Packdesk (schema ${current}, this build knows ${latestVersion}). ` +
        'Update Packdesk; the database was left untouched.',
    );
  }
  const pending = migrations.filter((m) => m.version > current);
  if (pending.length === 0) return current;
  db.transaction(() => {
    for (const m of pending) {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    }
  })();
  return latestVersion;
}
