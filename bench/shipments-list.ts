// The Shipments screen's main side on a busy fortnight: 20,000 labels in the station's SQLite
// file. How long shipments.list takes for the default 14 days (every row, up to the cap) and for
// one day, and shipments.details for one label. `npx tsx bench/shipments-list.ts` runs it alone.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { msg } from '../src-shared';
import type { Accounts } from '../src-main/accounts/accounts';
import type { PrinterRegistry } from '../src-main/printing/registry';
import { localDayOf } from '../src-main/local-days';
import { shipmentCommands } from '../src-main/shipping/shipment-commands';
import { openDatabase } from '../src-main/store/db';
import { recordShipmentEvent } from '../src-main/store/shipment-events';
import { insertShipment } from '../src-main/store/shipments';
import { percentile, round, writeResults, type BenchResult } from './stats';

const SHIPMENTS = 20_000;
const DAYS = 14;
const RUNS = 30;
const WARMUP = 5;
const NOW = Date.parse('2026-05-15T16:00:00Z');
const carriers = ['postnl', 'dhl', 'dpd', 'ups'];

async function timed(work: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  for (let i = 0; i < WARMUP; i++) await work();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await work();
    samples.push(performance.now() - start);
  }
  return { p50: round(percentile(samples, 50)), p95: round(percentile(samples, 95)) };
}

export async function benchShipmentsList(): Promise<BenchResult[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'packdesk-bench-shipments-'));
  const db = openDatabase(path.join(dir, 'packdesk.sqlite'));
  try {
    const label = Buffer.from('^XA^FO50,50^A0N,40,40^FDbench^FS^XZ');
    // From 04:00 local on the first of the 14 days to now (18:00 local on the last).
    const spanMs = (DAYS - 1) * 86_400_000 + 14 * 3_600_000;
    db.transaction(() => {
      for (let i = 1; i <= SHIPMENTS; i++) {
        const createdAt = new Date(NOW - Math.floor((spanMs * (i - 1)) / SHIPMENTS)).toISOString();
        insertShipment(
          db,
          {
            parcelId: i,
            shipmentId: `s-${i}`,
            orderRef: `o-${i}`,
            orderNumber: `PD-${100000 + i}`,
            trackingNumber: `3S${String(i).padStart(12, '0')}`,
            trackingUrl: null,
            carrier: carriers[i % carriers.length] ?? 'postnl',
            label,
            labelFormat: 'zpl',
            labelDpi: 203,
            createdAt,
            accountId: 'env',
            merchantId: null,
            cost: null,
          },
          {
            recipientName: `Recipient ${i}`,
            recipientPostcode: `${1000 + (i % 9000)} AB`,
            shippingOptionCode: 'postnl:standard',
            stationId: 'bench',
            lookupMs: 1,
            sendcloudMs: 150,
          },
        );
        for (const kind of ['scanned', 'made', 'printed'] as const) {
          recordShipmentEvent(db, {
            parcelId: i,
            kind,
            at: createdAt,
            packerId: null,
            stationId: 'bench',
            detail: null,
          });
        }
      }
    })();
    const commands = shipmentCommands({
      db,
      clock: { now: () => NOW, sleep: async () => undefined },
      newId: () => 'unused',
      accounts: {} as Pick<Accounts, 'client' | 'usableIds'>,
      printers: {} as PrinterRegistry,
      outbox: { enqueue: () => ({}) as never, kick: () => undefined },
      identity: { id: 'bench', name: 'Bench' },
      actor: () => ({ packerId: null, role: null, stationId: 'bench' }),
      voidRules: () => ({
        window: 'free',
        freeUntil: '',
        refundUntil: '',
        allowed: true,
        rule: msg('error.internal'),
        refusal: null,
      }),
      timeZone: 'Europe/Amsterdam',
    });
    const all = await commands['shipments.list']({});
    if (all.rows.length !== SHIPMENTS) {
      throw new Error(`listed ${all.rows.length} of ${SHIPMENTS} shipments`);
    }
    const today = localDayOf(NOW, 'Europe/Amsterdam');
    const fortnight = await timed(() => commands['shipments.list']({}));
    const oneDay = await timed(() => commands['shipments.list']({ from: today, to: today }));
    const details = await timed(() => commands['shipments.details']({ parcelId: SHIPMENTS / 2 }));
    return [
      {
        name: `shipments.list, 14 days (${SHIPMENTS.toLocaleString('en')} rows)`,
        unit: 'ms',
        ...fortnight,
        goal: 'p95 < 250 ms (the screen’s first render is 300 ms)',
      },
      { name: 'shipments.list, one day', unit: 'ms', ...oneDay, goal: null },
      { name: 'shipments.details', unit: 'ms', ...details, goal: 'p95 < 5 ms' },
    ];
  } finally {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const results = await benchShipmentsList();
  writeResults(results);
  for (const r of results) {
    console.log(
      `${r.name.padEnd(55)} p50 ${String(r.p50).padStart(8)} ${r.unit}   p95 ${String(r.p95).padStart(8)} ${r.unit}${r.goal ? `   goal: ${r.goal}` : ''}`,
    );
  }
}
