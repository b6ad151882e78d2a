// A warehouse claim in PostgreSQL on loopback: what the claim adds to a scan before its label is
// asked for. A fresh order (the insert), an order another station holds (the answer of who), and
// a label noted and pushed (the claim becoming `labelled`), and a bare `select 1` beside them for
// scale (a loaded machine shows in both). The run's PostgreSQL when
// PACKDESK_TEST_PG is set, else a throwaway cluster of the bench's own.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { systemClock } from '../src-main/clock';
import { setLogSink } from '../src-main/log';
import { openDatabase } from '../src-main/store/db';
import { createClaims } from '../src-main/warehouse/claims';
import { createWarehouseLink } from '../src-main/warehouse/link';
import { freshDatabase, ownCluster, type Cluster } from '../test/helpers/pg';
import { tempDir } from '../test/helpers/tmp';
import { msResult, writeResults, type BenchResult } from './stats';

const WARMUP = 100;
const SAMPLES = 1_000;
const GOAL = 'p95 < 5 ms';

export async function benchClaims(): Promise<BenchResult[]> {
  setLogSink({ write: () => undefined }, 'error');
  const cluster: Cluster | null = process.env.PACKDESK_TEST_PG ? null : await ownCluster();
  const database = await freshDatabase(cluster ?? undefined);
  const data = tempDir();
  const stations = ['a', 'b'].map((id) => {
    const link = createWarehouseLink({
      url: database.url,
      stationId: `bench-${id}`,
      stationName: `Bench ${id}`,
      clock: systemClock,
      heartbeatMs: 5_000,
    });
    const db = openDatabase(path.join(data.dir, `${id}.sqlite`));
    const claims = createClaims({
      db,
      clock: systemClock,
      link,
      identity: { id: `bench-${id}`, name: `Bench ${id}` },
    });
    return { link, db, claims };
  });
  const [a, b] = stations as [(typeof stations)[0], (typeof stations)[0]];
  try {
    await a.link.start();
    await b.link.start();
    const order = (i: number) => ({ integrationId: 1, orderId: `o-${i}`, orderNumber: `SO-${i}` });
    let next = 0;

    const fresh: number[] = [];
    const held: number[] = [];
    const labelled: number[] = [];
    const roundTrip: number[] = [];
    for (let i = 0; i < WARMUP + SAMPLES; i++) {
      const o = order(next++);
      let start = performance.now();
      const mine = await a.claims.claim(o);
      const freshMs = performance.now() - start;
      if (mine.kind !== 'mine') throw new Error('a fresh order was not claimed');

      start = performance.now();
      const other = await b.claims.claim(o);
      const heldMs = performance.now() - start;
      if (other.kind !== 'labelling') throw new Error('a held order was claimed twice');

      start = performance.now();
      a.claims.noteLabelled(o, { parcelId: 1_000_000 + i, trackingNumber: `T-${i}` });
      await a.claims.reconcile();
      const labelledMs = performance.now() - start;

      start = performance.now();
      await a.link.query('select 1');
      const roundTripMs = performance.now() - start;
      if (i < WARMUP) continue;
      roundTrip.push(roundTripMs);
      fresh.push(freshMs);
      held.push(heldMs);
      labelled.push(labelledMs);
    }
    return [
      msResult('warehouse claim: a fresh order (PostgreSQL, loopback)', fresh, GOAL),
      msResult('warehouse claim: an order another station holds', held, GOAL),
      msResult('warehouse claim: label noted and pushed (labelled)', labelled, GOAL),
      // For scale: the bare round trip on the same machine at the same time.
      msResult('warehouse claim: PostgreSQL round trip (select 1)', roundTrip),
    ];
  } finally {
    for (const station of stations) {
      await station.claims.stop();
      await station.link.stop();
      station.db.close();
    }
    await database.drop();
    data.cleanup();
    cluster?.destroy();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const results = await benchClaims();
  writeResults(results);
  for (const r of results) {
    console.log(
      `${r.name.padEnd(55)} p50 ${r.p50} ${r.unit}   p95 ${r.p95} ${r.unit}   goal: ${r.goal}`,
    );
  }
}
