// The station's side of the warehouse's claims: changes PostgreSQL does not have yet (claims
// made while it could not be reached are unverified until reconciled), and what reconciling found.
import type { Message } from '../../src-shared';
import { statement, type Db } from './db';
import { messageColumn, messageFrom } from './messages';

export type ClaimState = 'labelling' | 'labelled' | 'released';

export interface PendingClaim {
  orderKey: string;
  orderNumber: string;
  state: ClaimState;
  parcelId: number | null;
  trackingNumber: string | null;
  /** ISO 8601: when this station claimed the order. */
  claimedAt: string;
  /** The claim was made in PostgreSQL; only this change is still to push. */
  verified: boolean;
}

interface PendingRow {
  order_key: string;
  order_number: string;
  state: ClaimState;
  parcel_id: number | null;
  tracking_number: string | null;
  claimed_at: string;
  verified: number;
}

const pendingOf = (row: PendingRow): PendingClaim => ({
  orderKey: row.order_key,
  orderNumber: row.order_number,
  state: row.state,
  parcelId: row.parcel_id,
  trackingNumber: row.tracking_number,
  claimedAt: row.claimed_at,
  verified: row.verified === 1,
});

/** Keep (or bring up to date) a claim's change; the first claim's time stays, and unverified. */
export function savePendingClaim(db: Db, claim: PendingClaim): void {
  statement(
    db,
    `INSERT INTO warehouse_claims_pending
       (order_key, order_number, state, parcel_id, tracking_number, claimed_at, verified)
     VALUES (@orderKey, @orderNumber, @state, @parcelId, @trackingNumber, @claimedAt, @verified)
     ON CONFLICT (order_key) DO UPDATE SET state = excluded.state,
       parcel_id = coalesce(excluded.parcel_id, parcel_id),
       tracking_number = coalesce(excluded.tracking_number, tracking_number),
       verified = min(verified, excluded.verified)`,
  ).run({ ...claim, verified: claim.verified ? 1 : 0 });
}

export function pendingClaims(db: Db): PendingClaim[] {
  const rows = statement(
    db,
    'SELECT * FROM warehouse_claims_pending ORDER BY claimed_at, order_key',
  ).all() as PendingRow[];
  return rows.map(pendingOf);
}

export function pendingClaim(db: Db, orderKey: string): PendingClaim | null {
  const row = statement(db, 'SELECT * FROM warehouse_claims_pending WHERE order_key = ?').get(
    orderKey,
  ) as PendingRow | undefined;
  return row ? pendingOf(row) : null;
}

export function pendingClaimOfParcel(db: Db, parcelId: number): PendingClaim | null {
  const row = statement(db, 'SELECT * FROM warehouse_claims_pending WHERE parcel_id = ?').get(
    parcelId,
  ) as PendingRow | undefined;
  return row ? pendingOf(row) : null;
}

/** Reconciled: PostgreSQL has it now. Only the state that was pushed is dropped. */
export function dropPendingClaim(db: Db, orderKey: string, state: ClaimState): void {
  statement(
    db,
    'DELETE FROM warehouse_claims_pending WHERE order_key = @orderKey AND state = @state',
  ).run({ orderKey, state });
}

export interface ClaimConflict {
  orderKey: string;
  orderNumber: string;
  parcelId: number | null;
  trackingNumber: string | null;
  otherStation: string;
  otherTracking: string | null;
  /** ISO 8601. */
  foundAt: string;
  /** What a person reads about it. */
  detail: Message;
}

export function recordClaimConflict(db: Db, conflict: ClaimConflict): void {
  statement(
    db,
    `INSERT INTO warehouse_claim_conflicts (order_key, order_number, parcel_id, tracking_number,
       other_station, other_tracking, found_at, detail)
     VALUES (@orderKey, @orderNumber, @parcelId, @trackingNumber, @otherStation, @otherTracking,
       @foundAt, @detail)`,
  ).run({ ...conflict, detail: messageColumn(conflict.detail) });
}

interface ConflictRow {
  order_key: string;
  order_number: string;
  parcel_id: number | null;
  tracking_number: string | null;
  other_station: string;
  other_tracking: string | null;
  found_at: string;
  detail: string;
}

/** Every conflict reconciling found, newest first. */
export function claimConflicts(db: Db): ClaimConflict[] {
  return conflictsOf(
    statement(db, 'SELECT * FROM warehouse_claim_conflicts ORDER BY seq DESC').all(),
  );
}

/**
 * The conflicts still to deal with, newest first: those whose label made here is not voided.
 * Voiding it (what the header asks a supervisor to do) leaves the order one live label.
 */
export function openClaimConflicts(db: Db, most: number): ClaimConflict[] {
  return conflictsOf(
    statement(
      db,
      `SELECT c.* FROM warehouse_claim_conflicts c
         LEFT JOIN shipments s ON s.parcel_id = c.parcel_id
       WHERE s.void_state IS NOT 'voided'
       ORDER BY c.seq DESC
       LIMIT @most`,
    ).all({ most }),
  );
}

function conflictsOf(found: unknown[]): ClaimConflict[] {
  const rows = found as ConflictRow[];
  return rows.map((row) => ({
    orderKey: row.order_key,
    orderNumber: row.order_number,
    parcelId: row.parcel_id,
    trackingNumber: row.tracking_number,
    otherStation: row.other_station,
    otherTracking: row.other_tracking,
    foundAt: row.found_at,
    detail: messageFrom(row.detail) ?? { key: 'claims.conflict.labelledTwice', params: {} },
  }));
}
