// The claim decisions, without PostgreSQL: what a claim statement's row means for the station
// that asked, what a scan held elsewhere says, and what reconciling a label made alone finds.
// The pending claims kept in SQLite, on a :memory: database.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../store/migrations';
import {
  dropPendingClaim,
  pendingClaims,
  savePendingClaim,
  type PendingClaim,
} from '../store/warehouse-claims';
import { answerOf, heldElsewhere, orderKeyOf, reconcileVerdict, type ClaimRow } from './claims';

const row = (over: Partial<ClaimRow> = {}): ClaimRow => ({
  order_key: '7:ord-1',
  order_number: 'SO-1',
  station_id: 'st-a',
  station_name: 'Table A',
  state: 'labelling',
  parcel_id: null,
  tracking_number: null,
  claimed_at: new Date('2026-12-03T10:00:00Z'),
  taken_from_station: null,
  taken_from_claimed_at: null,
  won: false,
  ...over,
});

describe('a claim answer', () => {
  it('names an order by Sendcloud integration and order id, never a station account', () => {
    expect(orderKeyOf({ integrationId: 7, orderId: 'ord-1' })).toBe('7:ord-1');
  });

  it('is mine when the statement won the row, with no look-up for a fresh claim', () => {
    expect(answerOf(row({ won: true }))).toEqual({
      kind: 'mine',
      verified: true,
      lookUpFrom: null,
    });
  });

  it("asks for the look-up since the dead station's claim when it was taken over", () => {
    const since = new Date('2026-12-03T09:59:00Z');
    expect(
      answerOf(row({ won: true, taken_from_station: 'Table B', taken_from_claimed_at: since })),
    ).toEqual({ kind: 'mine', verified: true, lookUpFrom: since.getTime() });
  });

  it('says where the order is being labelled, or was, with its tracking number', () => {
    expect(answerOf(row())).toEqual({ kind: 'labelling', station: 'Table A' });
    const labelled = answerOf(row({ state: 'labelled', parcel_id: 5, tracking_number: 'T-5' }));
    expect(labelled).toEqual({ kind: 'labelled', station: 'Table A', trackingNumber: 'T-5' });
    expect(heldElsewhere({ kind: 'labelling', station: 'Table A' })).toEqual({
      key: 'claims.labellingAt',
      params: { station: 'Table A' },
    });
    expect(heldElsewhere({ kind: 'labelled', station: 'Table A', trackingNumber: 'T-5' })).toEqual({
      key: 'claims.labelledAt',
      params: { station: 'Table A', tracking: 'T-5' },
    });
  });
});

describe('reconciling a label made alone', () => {
  it('is ours when it won, or when the holder has the same parcel (adopted)', () => {
    expect(reconcileVerdict({ parcelId: 5 }, row({ won: true, state: 'labelled' }))).toBe('ours');
    expect(reconcileVerdict({ parcelId: 5 }, row({ state: 'labelled', parcel_id: 5 }))).toBe(
      'ours',
    );
  });

  it("finds the order labelled twice when another station's label of it stands", () => {
    expect(reconcileVerdict({ parcelId: 5 }, row({ state: 'labelled', parcel_id: 6 }))).toBe(
      'labelled-twice',
    );
  });
});

describe('pending claims in SQLite', () => {
  const claim = (over: Partial<PendingClaim> = {}): PendingClaim => ({
    orderKey: '7:ord-1',
    orderNumber: 'SO-1',
    state: 'labelling',
    parcelId: null,
    trackingNumber: null,
    claimedAt: '2026-12-03T10:00:00.000Z',
    verified: false,
    ...over,
  });

  it('keep the first claim time and stay unverified once claimed alone', () => {
    const db = new Database(':memory:');
    migrate(db);
    savePendingClaim(db, claim());
    savePendingClaim(
      db,
      claim({
        state: 'labelled',
        parcelId: 5,
        trackingNumber: 'T-5',
        claimedAt: '2026-12-03T11:00:00.000Z',
        verified: true,
      }),
    );
    expect(pendingClaims(db)).toEqual([
      claim({ state: 'labelled', parcelId: 5, trackingNumber: 'T-5', verified: false }),
    ]);
  });

  it('drop only the state that was pushed: a change made meanwhile stays', () => {
    const db = new Database(':memory:');
    migrate(db);
    savePendingClaim(db, claim({ state: 'labelled', parcelId: 5, trackingNumber: 'T-5' }));
    dropPendingClaim(db, '7:ord-1', 'labelling');
    expect(pendingClaims(db)).toHaveLength(1);
    dropPendingClaim(db, '7:ord-1', 'labelled');
    expect(pendingClaims(db)).toEqual([]);
  });
});
