import type Database from 'better-sqlite3';
import { messageOf } from './legacy-messages';

type Db = Database.Database;

interface Migration {
  version: number;
  name: string;
  sql: string;
  /** Work SQL cannot do, run after `sql` in the same transaction. */
  run?: (db: Db) => void;
}

// Numbered, append-only. Never edit a migration that has shipped: add the next one.
export const migrations: readonly Migration[] = [
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
  {
    version: 2,
    name: 'the durable outbox, station settings, and queued scans',
    sql: `
      CREATE TABLE jobs (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL CHECK (kind IN ('create-label', 'print', 'sync-orders')),
        state TEXT NOT NULL CHECK (state IN
          ('queued', 'in-flight', 'waiting', 'held', 'needs-attention', 'done', 'cancelled')),
        parent_id TEXT,
        order_ref TEXT,
        order_number TEXT,
        code TEXT,
        parcel_id INTEGER,
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at INTEGER,
        first_attempt_at INTEGER,
        last_error_code TEXT,
        last_error_message TEXT,
        reason TEXT,
        approved_at INTEGER,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX jobs_active ON jobs(kind, state, seq);
      -- The database itself refuses a second live label job for one order.
      CREATE UNIQUE INDEX jobs_one_label_per_order ON jobs(order_ref)
        WHERE kind = 'create-label' AND order_ref IS NOT NULL AND state NOT IN ('cancelled');

      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      -- scan_audit gains the queued state and its link to the outbox: rebuild, as SQLite cannot
      -- change a CHECK constraint in place.
      CREATE TABLE scan_audit_v2 (
        id TEXT PRIMARY KEY,
        code TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('working', 'queued', 'printed', 'failed')),
        step TEXT NOT NULL,
        order_number TEXT,
        tracking_number TEXT,
        carrier TEXT,
        error_code TEXT,
        error_message TEXT,
        reprint INTEGER NOT NULL DEFAULT 0,
        started_at TEXT NOT NULL,
        finished_at TEXT,
        job_id TEXT,
        waiting_reason TEXT
      ) STRICT;
      INSERT INTO scan_audit_v2 (id, code, state, step, order_number, tracking_number, carrier,
        error_code, error_message, reprint, started_at, finished_at)
      SELECT id, code, state, step, order_number, tracking_number, carrier, error_code,
        error_message, reprint, started_at, finished_at FROM scan_audit;
      DROP TABLE scan_audit;
      ALTER TABLE scan_audit_v2 RENAME TO scan_audit;
      CREATE INDEX scan_audit_started_at ON scan_audit(started_at);
      CREATE INDEX scan_audit_job ON scan_audit(job_id);
    `,
  },
  {
    version: 3,
    name: 'printers, which printer takes which document, and print confirmation',
    sql: `
      CREATE TABLE printers (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        transport TEXT NOT NULL CHECK (transport IN ('tcp', 'usb', 'cups', 'windows')),
        address TEXT NOT NULL UNIQUE,
        language TEXT NOT NULL CHECK (language IN ('zpl', 'pdf')),
        dpi INTEGER NOT NULL CHECK (dpi IN (203, 300, 600)),
        paper TEXT NOT NULL CHECK (paper IN ('A6', 'A4')),
        position INTEGER NOT NULL DEFAULT 0 CHECK (position BETWEEN 0 AND 3),
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE printer_routes (
        document TEXT PRIMARY KEY CHECK (document IN ('zpl-label', 'pdf-label', 'a4-document')),
        printer_id TEXT NOT NULL
      ) STRICT;

      -- A print job the printer took while reporting a fault is not sent again: it is confirmed.
      ALTER TABLE jobs ADD COLUMN sent_at INTEGER;
      ALTER TABLE scan_audit ADD COLUMN warning TEXT;
    `,
  },
  {
    version: 4,
    name: 'Sendcloud accounts and marketplace merchants; orders, shipments and jobs carry them',
    sql: `
      -- Never a key here: keys live in the OS keychain, one entry per account id.
      CREATE TABLE accounts (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        api TEXT NOT NULL CHECK (api IN ('v3', 'v2')),
        integration_id INTEGER NOT NULL,
        sender_address_id INTEGER,
        brand_id INTEGER,
        shipping_option_code TEXT,
        test_mode INTEGER NOT NULL DEFAULT 0 CHECK (test_mode IN (0, 1)),
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE merchants (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        order_prefix TEXT NOT NULL UNIQUE,
        mode TEXT NOT NULL CHECK (mode IN ('centralised', 'decentralised')),
        account_id TEXT,
        created_at TEXT NOT NULL
      ) STRICT;

      -- Rows from before accounts came from the one account of the environment.
      ALTER TABLE orders ADD COLUMN account_id TEXT NOT NULL DEFAULT 'env';
      CREATE INDEX orders_account ON orders(account_id);
      ALTER TABLE shipments ADD COLUMN account_id TEXT NOT NULL DEFAULT 'env';
      ALTER TABLE shipments ADD COLUMN merchant_id TEXT;
      ALTER TABLE shipments ADD COLUMN cost_value REAL;
      ALTER TABLE shipments ADD COLUMN cost_currency TEXT;

      -- A label job carries the account of its order: a job of an account waiting for a
      -- reconnect is passed over, not a block for every other account's jobs.
      ALTER TABLE jobs ADD COLUMN account_id TEXT;
      UPDATE jobs SET account_id = 'env' WHERE kind = 'create-label' AND order_ref IS NOT NULL;
    `,
  },
  {
    version: 5,
    name: 'stored messages are keys with params, not sentences; scans keep their shipping option',
    sql: `
      ALTER TABLE scan_audit ADD COLUMN shipping_option_code TEXT;
      ALTER TABLE scan_audit ADD COLUMN shipping_option_name TEXT;
    `,
    run: (db) => {
      // Every sentence today's columns hold becomes {"key", "params"} JSON; one no pattern
      // knows keeps its words as legacy.text, so no history is lost.
      const convert = (text: string | null) =>
        text === null ? null : JSON.stringify(messageOf(text));
      const rewrite = (table: string, key: string, columns: readonly string[]) => {
        const rows = db
          .prepare(`SELECT ${key} AS rowKey, ${columns.join(', ')} FROM ${table}`)
          .all() as Record<string, string | number | null>[];
        const update = db.prepare(
          `UPDATE ${table} SET ${columns.map((c) => `${c} = @${c}`).join(', ')} WHERE ${key} = @rowKey`,
        );
        for (const row of rows) {
          const next: Record<string, string | number | null> = { rowKey: row.rowKey ?? null };
          for (const column of columns) {
            const value = row[column];
            next[column] = convert(typeof value === 'string' ? value : null);
          }
          update.run(next);
        }
      };
      rewrite('scan_audit', 'id', ['step', 'error_message', 'waiting_reason', 'warning']);
      rewrite('jobs', 'seq', ['reason', 'last_error_message']);
    },
  },
  {
    version: 6,
    name: "Sendcloud's names for shipping options, kept once an account's keys have shown them",
    sql: `
      CREATE TABLE shipping_option_names (
        code TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        learnt_at TEXT NOT NULL
      ) STRICT;
    `,
  },
  {
    version: 7,
    name: 'packers and who did what, the history of each shipment, voids, step timings, tracking',
    sql: `
      -- Packers sign in by badge or by name and PIN; the PIN is kept only as a salted scrypt hash.
      CREATE TABLE packers (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('packer', 'supervisor')),
        badge TEXT NOT NULL UNIQUE,
        pin_hash TEXT NOT NULL,
        created_at TEXT NOT NULL,
        removed_at TEXT
      ) STRICT;
      CREATE UNIQUE INDEX packers_name ON packers(name) WHERE removed_at IS NULL;

      ALTER TABLE scan_audit ADD COLUMN packer_id TEXT;
      ALTER TABLE scan_audit ADD COLUMN station_id TEXT;

      -- shipments: a label found only in Sendcloud (made in the panel or at another station) is
      -- kept without its bytes until a reprint fetches them, so the label becomes nullable:
      -- rebuild, as SQLite cannot drop NOT NULL in place.
      CREATE TABLE shipments_v7 (
        parcel_id INTEGER PRIMARY KEY,
        shipment_id TEXT NOT NULL,
        order_ref TEXT NOT NULL,
        order_number TEXT NOT NULL,
        tracking_number TEXT NOT NULL,
        tracking_url TEXT,
        carrier TEXT NOT NULL,
        label BLOB,
        label_format TEXT NOT NULL CHECK (label_format IN ('zpl', 'pdf', 'png')),
        label_dpi INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        printed_at TEXT,
        print_count INTEGER NOT NULL DEFAULT 0,
        account_id TEXT NOT NULL DEFAULT 'env',
        merchant_id TEXT,
        cost_value REAL,
        cost_currency TEXT,
        source TEXT NOT NULL DEFAULT 'station' CHECK (source IN ('station', 'sendcloud')),
        shipping_option_code TEXT,
        recipient_name TEXT,
        recipient_postcode TEXT,
        packer_id TEXT,
        station_id TEXT,
        reprint_count INTEGER NOT NULL DEFAULT 0,
        void_state TEXT CHECK (void_state IN ('requested', 'voided', 'refused')),
        void_requested_at TEXT,
        voided_at TEXT,
        tracking_status TEXT CHECK (tracking_status IN
          ('announced', 'in-transit', 'delivered', 'exception', 'returned', 'cancelled', 'unknown')),
        tracking_status_text TEXT,
        tracking_checked_at TEXT,
        lookup_ms INTEGER,
        sendcloud_ms INTEGER,
        render_ms INTEGER,
        printer_ms INTEGER
      ) STRICT;
      INSERT INTO shipments_v7 (parcel_id, shipment_id, order_ref, order_number, tracking_number,
        tracking_url, carrier, label, label_format, label_dpi, created_at, printed_at,
        print_count, account_id, merchant_id, cost_value, cost_currency, reprint_count)
      SELECT parcel_id, shipment_id, order_ref, order_number, tracking_number, tracking_url,
        carrier, label, label_format, label_dpi, created_at, printed_at, print_count, account_id,
        merchant_id, cost_value, cost_currency, max(print_count - 1, 0) FROM shipments;
      DROP TABLE shipments;
      ALTER TABLE shipments_v7 RENAME TO shipments;
      CREATE INDEX shipments_tracking_number ON shipments(tracking_number);
      CREATE INDEX shipments_order_ref ON shipments(order_ref);
      CREATE INDEX shipments_order_number ON shipments(order_number);
      CREATE INDEX shipments_created_at ON shipments(created_at);
      CREATE INDEX shipments_packer_day ON shipments(packer_id, created_at);
      CREATE INDEX shipments_carrier_day ON shipments(carrier, created_at);
      CREATE INDEX shipments_tracking_due ON shipments(created_at, tracking_status);

      -- What happened to each shipment, by whom, where: its history, and the day's counts.
      CREATE TABLE shipment_events (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        parcel_id INTEGER NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('scanned', 'made', 'printed', 'reprinted',
          'void-requested', 'voided', 'void-refused', 'returned')),
        at TEXT NOT NULL,
        packer_id TEXT,
        station_id TEXT,
        detail TEXT
      ) STRICT;
      CREATE INDEX shipment_events_parcel ON shipment_events(parcel_id, seq);
      CREATE INDEX shipment_events_day ON shipment_events(at, kind);
      INSERT INTO shipment_events (parcel_id, kind, at)
        SELECT parcel_id, 'made', created_at FROM shipments;
      INSERT INTO shipment_events (parcel_id, kind, at)
        SELECT parcel_id, 'printed', printed_at FROM shipments WHERE printed_at IS NOT NULL;

      -- jobs gain the void kind and who started them: rebuild, as SQLite cannot change a CHECK
      -- constraint in place. A voided label frees its order to be labelled again.
      CREATE TABLE jobs_v7 (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL CHECK (kind IN ('create-label', 'print', 'sync-orders', 'void')),
        state TEXT NOT NULL CHECK (state IN
          ('queued', 'in-flight', 'waiting', 'held', 'needs-attention', 'done', 'cancelled')),
        parent_id TEXT,
        order_ref TEXT,
        order_number TEXT,
        code TEXT,
        parcel_id INTEGER,
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at INTEGER,
        first_attempt_at INTEGER,
        last_error_code TEXT,
        last_error_message TEXT,
        reason TEXT,
        approved_at INTEGER,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        sent_at INTEGER,
        account_id TEXT,
        packer_id TEXT,
        station_id TEXT,
        printer_id TEXT,
        detail TEXT,
        voided_at INTEGER
      ) STRICT;
      INSERT INTO jobs_v7 (seq, id, kind, state, parent_id, order_ref, order_number, code,
        parcel_id, attempts, next_attempt_at, first_attempt_at, last_error_code,
        last_error_message, reason, approved_at, created_at, updated_at, sent_at, account_id)
      SELECT seq, id, kind, state, parent_id, order_ref, order_number, code, parcel_id, attempts,
        next_attempt_at, first_attempt_at, last_error_code, last_error_message, reason,
        approved_at, created_at, updated_at, sent_at, account_id FROM jobs;
      DROP TABLE jobs;
      ALTER TABLE jobs_v7 RENAME TO jobs;
      CREATE INDEX jobs_active ON jobs(kind, state, seq);
      CREATE INDEX jobs_parcel ON jobs(parcel_id);
      CREATE UNIQUE INDEX jobs_one_label_per_order ON jobs(order_ref)
        WHERE kind = 'create-label' AND order_ref IS NOT NULL AND state NOT IN ('cancelled')
          AND voided_at IS NULL;
      -- One live void per label: a retried or repeated void joins it, never a second request.
      CREATE UNIQUE INDEX jobs_one_void_per_parcel ON jobs(parcel_id)
        WHERE kind = 'void' AND state NOT IN ('cancelled', 'done');
    `,
  },
  {
    version: 8,
    name: 'the tracking poll finds the shipments due in an index of those whose status can move',
    sql: `
      -- Only shipments whose status can still move, by day: the poll's pick of the 14-day window
      -- stays a few milliseconds at 100,000 shipments, and delivered ones drop out of it.
      -- The condition is store/tracking.ts's LIVE, word for word, so SQLite can use the index.
      CREATE INDEX shipments_tracking_poll ON shipments(created_at, tracking_checked_at)
        WHERE (void_state IS NULL OR void_state != 'voided')
          AND (tracking_status IS NULL
            OR tracking_status NOT IN ('delivered', 'cancelled', 'returned')
            OR void_state = 'requested');
      -- Voids Sendcloud queued (202), of labels of any age up to 42 days: followed until settled.
      CREATE INDEX shipments_void_requested ON shipments(tracking_checked_at)
        WHERE void_state = 'requested';
    `,
  },
  {
    version: 9,
    name: 'label bytes beside the shipment, so a list of thousands never reads through them',
    sql: `
      -- A label of 10-100 KB in the shipments row pushes every column after it onto overflow
      -- pages: listing 20,000 rows read them all. New labels are kept here; those kept before
      -- stay in shipments.label, read as the fallback, and age out of the 14 days listed.
      CREATE TABLE shipment_labels (
        parcel_id INTEGER PRIMARY KEY,
        bytes BLOB NOT NULL
      ) STRICT;
    `,
  },
  {
    version: 10,
    name: "the Day screen's figures from a rollup and indexes alone",
    sql: `
      -- The day's labels counted as they are made, per UTC quarter hour (every time zone's
      -- midnight falls on one) and per carrier, account, merchant and packer: the Day screen
      -- reads a few hundred rows of this instead of a day's shipments. Kept by the triggers
      -- below, so every writer of shipments keeps it right; '' stands for none (a NULL would
      -- not meet itself in the primary key).
      CREATE TABLE day_labels (
        quarter TEXT NOT NULL,
        carrier TEXT NOT NULL,
        account_id TEXT NOT NULL,
        merchant_id TEXT NOT NULL,
        packer_id TEXT NOT NULL,
        labels INTEGER NOT NULL,
        PRIMARY KEY (quarter, carrier, account_id, merchant_id, packer_id)
      ) STRICT, WITHOUT ROWID;
      INSERT INTO day_labels (quarter, carrier, account_id, merchant_id, packer_id, labels)
        SELECT substr(created_at, 1, 14) || (CAST(substr(created_at, 15, 2) AS INTEGER) / 15),
          carrier, account_id, coalesce(merchant_id, ''), coalesce(packer_id, ''), count(*)
        FROM shipments WHERE source = 'station'
        GROUP BY 1, 2, 3, 4, 5;
      CREATE TRIGGER day_labels_made AFTER INSERT ON shipments WHEN NEW.source = 'station'
      BEGIN
        INSERT INTO day_labels (quarter, carrier, account_id, merchant_id, packer_id, labels)
        VALUES (substr(NEW.created_at, 1, 14) || (CAST(substr(NEW.created_at, 15, 2) AS INTEGER) / 15),
          NEW.carrier, NEW.account_id, coalesce(NEW.merchant_id, ''), coalesce(NEW.packer_id, ''), 1)
        ON CONFLICT DO UPDATE SET labels = labels + 1;
      END;
      CREATE TRIGGER day_labels_gone AFTER DELETE ON shipments WHEN OLD.source = 'station'
      BEGIN
        UPDATE day_labels SET labels = labels - 1
        WHERE quarter = substr(OLD.created_at, 1, 14) || (CAST(substr(OLD.created_at, 15, 2) AS INTEGER) / 15)
          AND carrier = OLD.carrier AND account_id = OLD.account_id
          AND merchant_id = coalesce(OLD.merchant_id, '') AND packer_id = coalesce(OLD.packer_id, '');
      END;
      CREATE TRIGGER day_labels_moved_from AFTER UPDATE OF created_at, carrier, account_id,
        merchant_id, packer_id, source ON shipments WHEN OLD.source = 'station'
      BEGIN
        UPDATE day_labels SET labels = labels - 1
        WHERE quarter = substr(OLD.created_at, 1, 14) || (CAST(substr(OLD.created_at, 15, 2) AS INTEGER) / 15)
          AND carrier = OLD.carrier AND account_id = OLD.account_id
          AND merchant_id = coalesce(OLD.merchant_id, '') AND packer_id = coalesce(OLD.packer_id, '');
      END;
      CREATE TRIGGER day_labels_moved_to AFTER UPDATE OF created_at, carrier, account_id,
        merchant_id, packer_id, source ON shipments WHEN NEW.source = 'station'
      BEGIN
        INSERT INTO day_labels (quarter, carrier, account_id, merchant_id, packer_id, labels)
        VALUES (substr(NEW.created_at, 1, 14) || (CAST(substr(NEW.created_at, 15, 2) AS INTEGER) / 15),
          NEW.carrier, NEW.account_id, coalesce(NEW.merchant_id, ''), coalesce(NEW.packer_id, ''), 1)
        ON CONFLICT DO UPDATE SET labels = labels + 1;
      END;

      -- The rest of the day's figures are range scans that find what they count in an index.
      CREATE INDEX shipments_tracking_day ON shipments(tracking_status, created_at);
      CREATE INDEX shipments_tracking_checked ON shipments(tracking_checked_at);
      CREATE INDEX shipment_events_kind_day ON shipment_events(kind, at, parcel_id, packer_id);
      CREATE INDEX scan_audit_packer_day ON scan_audit(packer_id, started_at);
      CREATE INDEX scan_audit_failed ON scan_audit(started_at, packer_id) WHERE state = 'failed';
      CREATE INDEX jobs_day ON jobs(kind, state, created_at, last_error_code);
    `,
  },
  {
    version: 11,
    name: 'batches of labels: the batch, its orders in print order, and the batch job kind',
    sql: `
      -- What the Batch screen lists and sorts by, read from the cached order's body once per
      -- row by SQLite itself: virtual columns cost nothing to store.
      ALTER TABLE orders ADD COLUMN ordered_at TEXT GENERATED ALWAYS AS
        (coalesce(json_extract(body, '$.order_details.order_created_at'),
                  json_extract(body, '$.created_at'))) VIRTUAL;
      ALTER TABLE orders ADD COLUMN customer_name TEXT GENERATED ALWAYS AS
        (coalesce(json_extract(body, '$.shipping_address.name'),
                  json_extract(body, '$.customer_details.name'))) VIRTUAL;
      ALTER TABLE orders ADD COLUMN first_sku TEXT GENERATED ALWAYS AS
        (json_extract(body, '$.order_details.order_items[0].sku')) VIRTUAL;
      ALTER TABLE orders ADD COLUMN service_point INTEGER GENERATED ALWAYS AS
        (json_type(body, '$.service_point_details') = 'object') VIRTUAL;

      CREATE TABLE batches (
        id TEXT PRIMARY KEY,
        -- The outbox job running it now: the first pass, or a reprint of the whole batch.
        job_id TEXT NOT NULL UNIQUE,
        sort_field TEXT NOT NULL,
        sort_direction TEXT NOT NULL CHECK (sort_direction IN ('asc', 'desc')),
        layout TEXT NOT NULL CHECK (layout IN ('a6', 'a4-four-up')),
        chunk_size INTEGER NOT NULL CHECK (chunk_size > 0),
        printer_id TEXT,
        packer_id TEXT,
        station_id TEXT,
        created_at INTEGER NOT NULL,
        finished_at INTEGER,
        cancelled_at INTEGER,
        -- 0: the first print; n: the n-th reprint of the whole batch.
        pass INTEGER NOT NULL DEFAULT 0,
        -- The positions whose print the printer confirmed, this pass: every one below it.
        print_cursor INTEGER NOT NULL DEFAULT 0,
        -- The chunk after the cursor was sent at this time and not yet confirmed (never resent).
        chunk_sent_at INTEGER,
        chunk_end INTEGER,
        -- Milliseconds of clock time spent waiting for labels to be ready, and printing: the
        -- estimate of what is left learns from them.
        label_wait_ms INTEGER NOT NULL DEFAULT 0,
        labels_waited INTEGER NOT NULL DEFAULT 0,
        print_ms INTEGER NOT NULL DEFAULT 0,
        chunks_printed INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX batches_created ON batches(created_at);

      CREATE TABLE batch_orders (
        batch_id TEXT NOT NULL REFERENCES batches(id),
        position INTEGER NOT NULL,
        order_ref TEXT NOT NULL,
        order_number TEXT NOT NULL,
        account_id TEXT NOT NULL,
        integration_id INTEGER NOT NULL,
        order_id TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('pending', 'sending', 'made', 'labelled', 'printed',
          'failed', 'left-out', 'cancelled')),
        -- When the request that may have made its label went out: an answer not in by a
        -- restart means "ask Sendcloud first".
        sent_at INTEGER,
        made_at INTEGER,
        parcel_id INTEGER,
        shipment_id TEXT,
        carrier TEXT,
        error_code TEXT,
        error_message TEXT,
        printed_at INTEGER,
        PRIMARY KEY (batch_id, position)
      ) STRICT;
      -- An order is in at most one batch until its label is here: a second batch, or a scan,
      -- is refused while it is.
      CREATE UNIQUE INDEX batch_orders_live ON batch_orders(order_ref)
        WHERE state IN ('pending', 'sending', 'made');
      CREATE INDEX batch_orders_state ON batch_orders(batch_id, state, position);
      -- Every scan asks whether a batch holds its order (labelled ones too): one index look-up.
      CREATE INDEX batch_orders_order ON batch_orders(order_ref, state);
      CREATE INDEX batch_orders_parcel ON batch_orders(parcel_id) WHERE parcel_id IS NOT NULL;

      -- jobs gain the batch kind: rebuilt, as SQLite cannot change a CHECK constraint in place.
      CREATE TABLE jobs_v11 (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL CHECK (kind IN ('create-label', 'print', 'sync-orders', 'void', 'batch')),
        state TEXT NOT NULL CHECK (state IN
          ('queued', 'in-flight', 'waiting', 'held', 'needs-attention', 'done', 'cancelled')),
        parent_id TEXT,
        order_ref TEXT,
        order_number TEXT,
        code TEXT,
        parcel_id INTEGER,
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at INTEGER,
        first_attempt_at INTEGER,
        last_error_code TEXT,
        last_error_message TEXT,
        reason TEXT,
        approved_at INTEGER,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        sent_at INTEGER,
        account_id TEXT,
        packer_id TEXT,
        station_id TEXT,
        printer_id TEXT,
        detail TEXT,
        voided_at INTEGER
      ) STRICT;
      INSERT INTO jobs_v11 SELECT seq, id, kind, state, parent_id, order_ref, order_number, code,
        parcel_id, attempts, next_attempt_at, first_attempt_at, last_error_code,
        last_error_message, reason, approved_at, created_at, updated_at, sent_at, account_id,
        packer_id, station_id, printer_id, detail, voided_at FROM jobs;
      DROP TABLE jobs;
      ALTER TABLE jobs_v11 RENAME TO jobs;
      CREATE INDEX jobs_active ON jobs(kind, state, seq);
      CREATE INDEX jobs_parcel ON jobs(parcel_id);
      CREATE UNIQUE INDEX jobs_one_label_per_order ON jobs(order_ref)
        WHERE kind = 'create-label' AND order_ref IS NOT NULL AND state NOT IN ('cancelled')
          AND voided_at IS NULL;
      CREATE UNIQUE INDEX jobs_one_void_per_parcel ON jobs(parcel_id)
        WHERE kind = 'void' AND state NOT IN ('cancelled', 'done');
      CREATE INDEX jobs_day ON jobs(kind, state, created_at, last_error_code);
    `,
  },
  {
    version: 12,
    name: 'every kind of parcel: customs documents, service points, boxes, returns, choices',
    sql: `
      -- jobs gain the documents kind (a label's customs documents, printed on the A4 route) and
      -- the packer's choices for one label (boxes, a one-off option, a replacement point).
      CREATE TABLE jobs_v12 (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL CHECK (kind IN
          ('create-label', 'print', 'sync-orders', 'void', 'batch', 'documents')),
        state TEXT NOT NULL CHECK (state IN
          ('queued', 'in-flight', 'waiting', 'held', 'needs-attention', 'done', 'cancelled')),
        parent_id TEXT,
        order_ref TEXT,
        order_number TEXT,
        code TEXT,
        parcel_id INTEGER,
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at INTEGER,
        first_attempt_at INTEGER,
        last_error_code TEXT,
        last_error_message TEXT,
        reason TEXT,
        approved_at INTEGER,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        sent_at INTEGER,
        account_id TEXT,
        packer_id TEXT,
        station_id TEXT,
        printer_id TEXT,
        detail TEXT,
        voided_at INTEGER,
        choices TEXT
      ) STRICT;
      INSERT INTO jobs_v12 SELECT seq, id, kind, state, parent_id, order_ref, order_number, code,
        parcel_id, attempts, next_attempt_at, first_attempt_at, last_error_code,
        last_error_message, reason, approved_at, created_at, updated_at, sent_at, account_id,
        packer_id, station_id, printer_id, detail, voided_at, NULL FROM jobs;
      DROP TABLE jobs;
      ALTER TABLE jobs_v12 RENAME TO jobs;
      CREATE INDEX jobs_active ON jobs(kind, state, seq);
      CREATE INDEX jobs_parcel ON jobs(parcel_id);
      CREATE UNIQUE INDEX jobs_one_label_per_order ON jobs(order_ref)
        WHERE kind = 'create-label' AND order_ref IS NOT NULL AND state NOT IN ('cancelled')
          AND voided_at IS NULL;
      CREATE UNIQUE INDEX jobs_one_void_per_parcel ON jobs(parcel_id)
        WHERE kind = 'void' AND state NOT IN ('cancelled', 'done');
      CREATE INDEX jobs_day ON jobs(kind, state, created_at, last_error_code);

      -- A shipment in several boxes is one row per parcel (box n of count), sharing its
      -- shipment_id; a label to a service point keeps the point it went to (JSON).
      ALTER TABLE shipments ADD COLUMN collo_nr INTEGER NOT NULL DEFAULT 1;
      ALTER TABLE shipments ADD COLUMN collo_count INTEGER NOT NULL DEFAULT 1;
      ALTER TABLE shipments ADD COLUMN service_point TEXT;
      CREATE INDEX shipments_shipment_id ON shipments(shipment_id);

      -- A label's customs documents: fetched once, printed on the A4 route in the copies the
      -- carrier needs. Waiting (no bytes or no printer yet) is a row without printed_at.
      CREATE TABLE shipment_documents (
        parcel_id INTEGER NOT NULL,
        type TEXT NOT NULL CHECK (type IN ('customs-declaration', 'air-waybill')),
        copies INTEGER NOT NULL DEFAULT 1 CHECK (copies > 0),
        bytes BLOB,
        fetched_at TEXT,
        printed_at TEXT,
        PRIMARY KEY (parcel_id, type)
      ) STRICT;

      -- Returns made from a shipment (Returns API v3): the return label, or its portal link.
      CREATE TABLE returns (
        return_id INTEGER PRIMARY KEY,
        parcel_id INTEGER NOT NULL,
        return_parcel_id INTEGER,
        order_number TEXT NOT NULL,
        account_id TEXT NOT NULL,
        status TEXT NOT NULL,
        tracking_number TEXT,
        portal_url TEXT,
        label BLOB,
        created_at TEXT NOT NULL,
        printed_at TEXT,
        packer_id TEXT,
        station_id TEXT
      ) STRICT;
      CREATE INDEX returns_parcel ON returns(parcel_id);
      CREATE INDEX returns_created ON returns(created_at);
    `,
  },
  {
    version: 13,
    name: "why a scan's option was chosen; the spooler's job a print left there",
    sql: `
      -- A message column (key and params as JSON), as the audit's step and warning are.
      ALTER TABLE scan_audit ADD COLUMN shipping_option_why TEXT;

      -- A print a spooler (CUPS) took but had not finished printing: after a kill, the job is
      -- asked about by its id instead of being sent again. Gone once the print settles.
      CREATE TABLE spooled_prints (
        job_id TEXT PRIMARY KEY,
        printer_id TEXT NOT NULL,
        spool_ref TEXT NOT NULL,
        spooled_at INTEGER NOT NULL
      ) STRICT;
    `,
  },
  {
    version: 14,
    name: 'warehouse claims made while the warehouse database could not be reached',
    sql: `
      -- A claim's change the warehouse's PostgreSQL does not have yet: written in the same
      -- transaction as the label or void, pushed after it, so a crash in between loses nothing.
      -- Unverified (verified = 0): claimed while working alone. The order is named as the
      -- warehouse names it.
      CREATE TABLE warehouse_claims_pending (
        order_key TEXT PRIMARY KEY,
        order_number TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('labelling', 'labelled', 'released')),
        parcel_id INTEGER,
        tracking_number TEXT,
        claimed_at TEXT NOT NULL,
        verified INTEGER NOT NULL DEFAULT 0 CHECK (verified IN (0, 1))
      ) STRICT;

      -- What reconciling found: another station labelled the same order meanwhile. Kept for
      -- the supervisor; the detail is a message (key and params as JSON).
      CREATE TABLE warehouse_claim_conflicts (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        order_key TEXT NOT NULL,
        order_number TEXT NOT NULL,
        parcel_id INTEGER,
        tracking_number TEXT,
        other_station TEXT NOT NULL,
        other_tracking TEXT,
        found_at TEXT NOT NULL,
        detail TEXT NOT NULL
      ) STRICT;
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
      m.run?.(db);
      db.pragma(`user_version = ${m.version}`);
    }
  })();
  return latestVersion;
}
