import { describe, expect, it } from 'vitest';
import { manualClock } from '../../test/helpers/clock';
import { localNoon, seededRows, seedShipments, shipmentRow } from '../../test/helpers/shipments';
import { openDatabase } from '../store/db';
import { shipmentListCommands } from './shipment-list-commands';

const station = { id: 'station-1', name: 'Packing table 1' };

function setUp(rows: ReturnType<typeof shipmentRow>[], now = Date.parse(localNoon('2026-11-21'))) {
  const db = openDatabase(':memory:');
  seedShipments(db, rows, station.id);
  const clock = manualClock(now);
  return shipmentListCommands({ db, clock, identity: station })['shipments.list'];
}

describe('shipments.list (temporary, until h2 lands)', () => {
  it('sends the last 14 local days by default, newest first, as rows', async () => {
    const list = setUp([
      shipmentRow(1, { createdAt: localNoon('2026-11-07') }),
      shipmentRow(2, { createdAt: localNoon('2026-11-08', 0) }),
      shipmentRow(3, { createdAt: localNoon('2026-11-21', 23) }),
      shipmentRow(4, { createdAt: localNoon('2026-11-22', 0) }),
    ]);
    const { rows, truncated } = await list({});
    expect(rows.map((r) => r.parcelId)).toEqual([3, 2]);
    expect(truncated).toBe(false);
    expect(rows[0]).toMatchObject({ stationName: station.name, state: 'printed' });
  });

  it('sends the days asked, both ends included', async () => {
    const list = setUp([
      shipmentRow(1, { createdAt: localNoon('2026-11-19', 23) }),
      shipmentRow(2, { createdAt: localNoon('2026-11-20', 0) }),
      shipmentRow(3, { createdAt: localNoon('2026-11-20', 23) }),
      shipmentRow(4, { createdAt: localNoon('2026-11-21', 0) }),
    ]);
    const { rows } = await list({ from: '2026-11-20', to: '2026-11-20' });
    expect(rows.map((r) => r.parcelId)).toEqual([3, 2]);
  });

  it('sends the newest `limit` and says more matched', async () => {
    const now = Date.parse(localNoon('2026-11-21'));
    const list = setUp(seededRows(50, now, station), now);
    const first = await list({ limit: 10 });
    expect(first.rows).toHaveLength(10);
    expect(first.truncated).toBe(true);
    const all = await list({});
    expect(all.rows).toHaveLength(50);
    expect(all.truncated).toBe(false);
    expect(first.rows).toEqual(all.rows.slice(0, 10));
  });

  it('refuses days the wrong way round', async () => {
    const list = setUp([]);
    await expect(list({ from: '2026-11-21', to: '2026-11-20' })).rejects.toMatchObject({
      code: 'invalid-input',
    });
  });
});
