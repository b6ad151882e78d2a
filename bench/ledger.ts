// Replication lag: a station's label to its row in the warehouse's PostgreSQL. A real SQLite
// file takes labels at a steady packing pace (the outbox trigger writes each in the label's own
// transaction); the replicator runs in the background as in the station, kicked as the station
// kicks it on `shipment.changed`; a throwaway PostgreSQL cluster on loopback receives them. The
// lag of each label is PostgreSQL's receiving time less the outbox row's time (one machine, one
// clock). `npx tsx bench/ledger.ts` runs it alone.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { systemClock } from '../src-main/clock';
import { openDatabase } from '../src-main/store/db';
import { createWarehouseLink } from '../src-main/warehouse/link';
import { createReplicator } from '../src-main/warehouse/replication';
// @ts-expect-error: plain JS shared with the test runner
import { startCluster } from '../scripts/pg-cluster.mjs';
import { percentile, round, writeResults, type BenchResult } from './stats';

const LABELS = 300;
/** A busy table: a label every 50 ms is 72,000 an hour, far past any packer. */
const EVERY_MS = 50;

export async function benchLedger(): Promise<BenchResult[]> {
  const dir = fs.mkdtempSync(path.join(fs.realpathSync(os.tmpdir()), 'packdesk-bench-ledger-'));
  const pgDir = fs.mkdtempSync(path.join(fs.realpathSync(os.tmpdir()), 'packdesk-bench-pg-'));
  const cluster = (await startCluster(pgDir)) as {
    url: string;
    destroy(): void;
  };
  const db = openDatabase(path.join(dir, 'packdesk.sqlite'));
  const link = createWarehouseLink({
    url: cluster.url,
    stationId: 'bench-station',
    stationName: 'Bench',
    clock: systemClock,
    heartbeatMs: 5_000,
  });
  await link.start();
  const replicator = createReplicator({ db, link, clock: systemClock });
  replicator.start();
  const insert = db.prepare(
    `INSERT INTO shipments (parcel_id, shipment_id, order_ref, order_number, tracking_number,
       carrier, label_format, label_dpi, created_at, station_id)
     VALUES (@id, @shipment, @ref, @order, @tracking, 'postnl', 'zpl', 203, @at, 'bench-station')`,
  );
  const pool = new pg.Pool({ connectionString: cluster.url });
  try {
    for (let i = 1; i <= LABELS; i++) {
      insert.run({
        id: i,
        shipment: `sh-${i}`,
        ref: `ref-${i}`,
        order: `PD-${i}`,
        tracking: `3S${String(i).padStart(10, '0')}`,
        at: new Date().toISOString(),
      });
      replicator.kick();
      await new Promise((resolve) => setTimeout(resolve, EVERY_MS));
    }
    const end = Date.now() + 30_000;
    while (replicator.pending() > 0 && Date.now() < end) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const { rows } = await pool.query<{ lag: number }>(
      `select extract(epoch from received_at - made_at) * 1000 as lag
         from ledger_events where kind = 'shipment'`,
    );
    if (rows.length !== LABELS) throw new Error(`only ${rows.length} of ${LABELS} replicated`);
    const lags = rows.map((r) => Math.max(0, Number(r.lag)));
    return [
      {
        name: `ledger: a label to its row in PostgreSQL (${LABELS} labels, one per ${EVERY_MS} ms)`,
        unit: 'ms',
        p50: round(percentile(lags, 50)),
        p95: round(percentile(lags, 95)),
        goal: 'p95 < 1000 ms',
      },
    ];
  } finally {
    await pool.end();
    await replicator.stop();
    await link.stop();
    db.close();
    cluster.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const results = await benchLedger();
  writeResults(results);
  for (const r of results) console.log(`${r.name}: p50 ${r.p50} ms, p95 ${r.p95} ms`);
}
