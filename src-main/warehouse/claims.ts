// One live label per order across the warehouse. Before a station asks Sendcloud for an order's
// label it claims the order in PostgreSQL, in one statement: the claim is its own if nobody holds
// the order, if it already held it, if the last label was voided, or if the station that held it
// stopped heart-beating more than `timeoutS` ago (and then only after the Sendcloud look-up).
// Another station's claim answers where the order is being (or was) labelled.
//
// Without a warehouse nothing here runs. A station that cannot reach PostgreSQL labels after the
// Sendcloud look-up alone, keeps its claim in SQLite as unverified, and reconciles it when the
// link is back; another station's label of the same order found then is recorded as a conflict.
import { z } from 'zod';
import { msg, type Message } from '../../src-shared';
import type { Clock } from '../clock';
import { createLogger } from '../log';
import type { Db } from '../store/db';
import { getOrder } from '../store/orders';
import {
  dropPendingClaim,
  pendingClaim,
  pendingClaimOfParcel,
  pendingClaims,
  recordClaimConflict,
  savePendingClaim,
  type PendingClaim,
} from '../store/warehouse-claims';
import { isConnectionFailure, type WarehouseLink } from './link';

const log = createLogger('claims');

/** A `labelling` claim whose station has not been seen for this long may be taken over. */
export const CLAIM_TIMEOUT_MS = 30_000;

/** What names an order in the whole warehouse: Sendcloud's integration and order id. */
export interface ClaimedOrder {
  integrationId: number;
  orderId: string;
  orderNumber: string;
}

export const orderKeyOf = (order: Pick<ClaimedOrder, 'integrationId' | 'orderId'>): string =>
  `${order.integrationId}:${order.orderId}`;

/**
 * The answer to a claim. `mine`: label it, after the Sendcloud look-up when `lookUpFrom` says
 * (`'job'`: the job's own window, working alone; a time: since the dead station's claim).
 */
export type ClaimAnswer =
  | { kind: 'mine'; verified: boolean; lookUpFrom: 'job' | number | null }
  | { kind: 'labelling'; station: string }
  | { kind: 'labelled'; station: string; trackingNumber: string };

/** A claims row as PostgreSQL gives it back (and whether this statement won it). */
export const claimRowSchema = z.object({
  order_key: z.string(),
  order_number: z.string(),
  station_id: z.string(),
  station_name: z.string(),
  state: z.enum(['labelling', 'labelled', 'released']),
  parcel_id: z.coerce.number().int().nullable(),
  tracking_number: z.string().nullable(),
  claimed_at: z.coerce.date(),
  taken_from_station: z.string().nullable(),
  taken_from_claimed_at: z.coerce.date().nullable(),
  won: z.boolean(),
});
export type ClaimRow = z.infer<typeof claimRowSchema>;

/** What a claim statement's row means for the station that asked. */
export function answerOf(row: ClaimRow): ClaimAnswer {
  if (row.won) {
    return {
      kind: 'mine',
      verified: true,
      // Taken from a station that died mid-label: it may have made the label before it died.
      lookUpFrom: row.taken_from_claimed_at ? row.taken_from_claimed_at.getTime() : null,
    };
  }
  if (row.state === 'labelled') {
    return {
      kind: 'labelled',
      station: row.station_name,
      trackingNumber: row.tracking_number ?? '',
    };
  }
  return { kind: 'labelling', station: row.station_name };
}

/** The message a scan ends with when another station holds the order. */
export function heldElsewhere(answer: Exclude<ClaimAnswer, { kind: 'mine' }>): Message {
  return answer.kind === 'labelled'
    ? msg('claims.labelledAt', { station: answer.station, tracking: answer.trackingNumber })
    : msg('claims.labellingAt', { station: answer.station });
}

/**
 * What reconciling a label made alone finds in PostgreSQL: nothing to do (ours, or the same
 * parcel adopted elsewhere), or another station's label of the same order.
 */
export function reconcileVerdict(
  pushed: Pick<PendingClaim, 'parcelId'>,
  row: ClaimRow,
): 'ours' | 'labelled-twice' {
  if (row.won) return 'ours';
  if (row.state === 'labelled' && row.parcel_id !== null && row.parcel_id !== pushed.parcelId) {
    return 'labelled-twice';
  }
  return 'ours';
}

const COLUMNS = `order_key, order_number, station_id, station_name, state, parcel_id,
  tracking_number, claimed_at, taken_from_station, taken_from_claimed_at`;

/** The station that holds a `labelling` claim has not been seen for $5 seconds. */
const STALE = `not exists (select 1 from stations s
  where s.id = c.station_id and s.last_seen > now() - make_interval(secs => $5::float8))`;

/**
 * The claim, in one statement: taken when free, already ours, released, or stale; else the row
 * of whoever holds it. $1 key, $2 number, $3 station id, $4 station name, $5 timeout in s.
 */
export const CLAIM_SQL = `
  with attempt as (
    insert into claims as c (order_key, order_number, station_id, station_name, state)
    values ($1, $2, $3, $4, 'labelling')
    on conflict (order_key) do update set
      order_number = excluded.order_number,
      station_id = excluded.station_id,
      station_name = excluded.station_name,
      state = 'labelling',
      parcel_id = null,
      tracking_number = null,
      labelled_at = null,
      verified = true,
      claimed_at = case when c.station_id = excluded.station_id and c.state = 'labelling'
        then c.claimed_at else now() end,
      taken_from_station = case
        when c.station_id <> excluded.station_id and c.state = 'labelling' then c.station_name
        when c.station_id = excluded.station_id and c.state = 'labelling' then c.taken_from_station
      end,
      taken_from_claimed_at = case
        when c.station_id <> excluded.station_id and c.state = 'labelling' then c.claimed_at
        when c.station_id = excluded.station_id and c.state = 'labelling'
          then c.taken_from_claimed_at
      end
    where (c.station_id = excluded.station_id and c.state <> 'labelled')
       or c.state = 'released'
       or (c.state = 'labelling' and ${STALE})
    returning ${COLUMNS.replace(/(\w+)/g, 'c.$1')}, true as won
  )
  select * from attempt
  union all
  select ${COLUMNS}, false as won from claims where order_key = $1
    and not exists (select 1 from attempt)`;

/**
 * A label made: the claim becomes `labelled`. A label is a fact, so it wins over any `labelling`
 * claim (ours, or one a slower station took meanwhile); only another station's label stands.
 * $1 key, $2 number, $3 station id, $4 station name, $5 parcel, $6 tracking, $7 verified,
 * $8 claimed at (null: now).
 */
export const LABELLED_SQL = `
  with attempt as (
    insert into claims as c (order_key, order_number, station_id, station_name, state, parcel_id,
      tracking_number, claimed_at, labelled_at, verified)
    values ($1, $2, $3, $4, 'labelled', $5, $6, coalesce($8::timestamptz, now()), now(), $7)
    on conflict (order_key) do update set
      order_number = excluded.order_number,
      station_id = excluded.station_id,
      station_name = excluded.station_name,
      state = 'labelled',
      parcel_id = excluded.parcel_id,
      tracking_number = excluded.tracking_number,
      labelled_at = now(),
      verified = c.verified and excluded.verified,
      claimed_at = case when c.station_id = excluded.station_id then c.claimed_at
        else excluded.claimed_at end
    where c.station_id = excluded.station_id or c.state <> 'labelled'
      or c.parcel_id = excluded.parcel_id
    returning ${COLUMNS.replace(/(\w+)/g, 'c.$1')}, true as won
  )
  select * from attempt
  union all
  select ${COLUMNS}, false as won from claims where order_key = $1
    and not exists (select 1 from attempt)`;

/**
 * A void: the order is free again, whoever's label it was; so is a `labelling` claim of this
 * station's that never became `labelled` here (the label was made alone). $1 parcel, $2 order
 * key, $3 station id.
 */
export const RELEASE_SQL = `update claims set state = 'released'
  where (parcel_id = $1 and state = 'labelled')
     or (order_key = $2 and station_id = $3 and state = 'labelling')`;

export interface ClaimsDeps {
  db: Db;
  clock: Clock;
  link: WarehouseLink;
  identity: { id: string; name: string };
  /** How long a dead station's `labelling` claim holds; default CLAIM_TIMEOUT_MS. */
  timeoutMs?: number;
  /** Reconciling found another station's label of an order this station labelled alone. */
  onConflict?: (detail: Message) => void;
}

export function createClaims(deps: ClaimsDeps) {
  const { db, link, identity } = deps;
  const timeoutS = (deps.timeoutMs ?? CLAIM_TIMEOUT_MS) / 1000;
  const iso = () => new Date(deps.clock.now()).toISOString();
  let reconciling: Promise<void> | null = null;
  let again = false;

  async function rowOf(sql: string, params: unknown[]): Promise<ClaimRow | null> {
    const { rows } = await link.query(sql, params);
    return rows[0] ? claimRowSchema.parse(rows[0]) : null;
  }

  /** Working alone: the claim stays here, unverified, until PostgreSQL has it. */
  function keepAlone(order: ClaimedOrder): ClaimAnswer {
    const orderKey = orderKeyOf(order);
    const pending = pendingClaim(db, orderKey);
    if (!pending || pending.state === 'released') {
      savePendingClaim(db, {
        orderKey,
        orderNumber: order.orderNumber,
        state: 'labelling',
        parcelId: null,
        trackingNumber: null,
        claimedAt: pending?.claimedAt ?? iso(),
        verified: false,
      });
    }
    return { kind: 'mine', verified: false, lookUpFrom: 'job' };
  }

  /** Claim an order before asking Sendcloud for its label. Never throws for a down link. */
  async function claim(order: ClaimedOrder): Promise<ClaimAnswer> {
    if (!link.configured) return { kind: 'mine', verified: true, lookUpFrom: null };
    if (!link.up()) return keepAlone(order);
    const params = [orderKeyOf(order), order.orderNumber, identity.id, identity.name, timeoutS];
    try {
      // Zero rows: the holder's row was committed after this statement's snapshot; ask again.
      const row = (await rowOf(CLAIM_SQL, params)) ?? (await rowOf(CLAIM_SQL, params));
      if (!row) throw new Error(`claim of ${order.orderNumber} returned no row`);
      const answer = answerOf(row);
      if (answer.kind === 'mine' && answer.lookUpFrom !== null) {
        log.warn('took over a stale claim', {
          order: order.orderNumber,
          from: row.taken_from_station,
        });
      }
      return answer;
    } catch (error) {
      if (!isConnectionFailure(error)) throw error;
      return keepAlone(order);
    }
  }

  /**
   * The order's label is made (or adopted): its claim becomes `labelled`. Call it in the
   * transaction that stores the label; `reconcile()` after it pushes it to PostgreSQL.
   */
  function noteLabelled(order: ClaimedOrder, label: { parcelId: number; trackingNumber: string }) {
    if (!link.configured) return;
    const orderKey = orderKeyOf(order);
    const pending = pendingClaim(db, orderKey);
    savePendingClaim(db, {
      orderKey,
      orderNumber: order.orderNumber,
      state: 'labelled',
      parcelId: label.parcelId,
      trackingNumber: label.trackingNumber,
      claimedAt: pending?.claimedAt ?? iso(),
      // Claimed alone, it stays unverified until reconciled; else the claim was PostgreSQL's.
      verified: pending ? pending.verified : true,
    });
  }

  /**
   * A label voided: the order is free again in the warehouse. Call it in the transaction that
   * marks the void; `reconcile()` after it pushes it.
   */
  function noteReleased(parcelId: number, orderRef: string | null): void {
    if (!link.configured) return;
    const pending = pendingClaimOfParcel(db, parcelId);
    const order = orderRef ? getOrder(db, orderRef) : null;
    // An order no longer cached: PostgreSQL finds the label by its parcel all the same.
    const orderKey = pending?.orderKey ?? (order ? orderKeyOf(order) : `parcel:${parcelId}`);
    savePendingClaim(db, {
      orderKey,
      orderNumber: pending?.orderNumber ?? order?.orderNumber ?? '',
      state: 'released',
      parcelId,
      trackingNumber: null,
      claimedAt: pending?.claimedAt ?? iso(),
      verified: pending?.verified ?? true,
    });
  }

  /**
   * The label could not be made (Sendcloud refused it; nothing was made): the order is not held
   * for this station any more, so another may label it once it is fixed.
   */
  async function abandon(order: ClaimedOrder): Promise<void> {
    if (!link.configured) return;
    const orderKey = orderKeyOf(order);
    const pending = pendingClaim(db, orderKey);
    if (pending?.state === 'labelling' && !pending.verified) {
      // Claimed alone and never reached PostgreSQL: nothing to release there.
      dropPendingClaim(db, orderKey, 'labelling');
      return;
    }
    if (pending?.state === 'labelled') return;
    savePendingClaim(db, {
      orderKey,
      orderNumber: order.orderNumber,
      state: 'released',
      parcelId: null,
      trackingNumber: null,
      claimedAt: pending?.claimedAt ?? iso(),
      verified: true,
    });
    await reconcile();
  }

  /** Push one label into PostgreSQL; another station's label of the order is recorded. */
  async function pushLabelled(claim: PendingClaim): Promise<void> {
    const row = await rowOf(LABELLED_SQL, [
      claim.orderKey,
      claim.orderNumber,
      identity.id,
      identity.name,
      claim.parcelId,
      claim.trackingNumber,
      // Pushed now, the claim is checked against the warehouse: a label made alone that no other
      // station's label beats is verified from here on; one that is beaten is a conflict below.
      true,
      claim.verified ? null : claim.claimedAt,
    ]);
    if (!row || reconcileVerdict(claim, row) !== 'labelled-twice') return;
    const detail = msg('claims.conflict.labelledTwice', {
      order: claim.orderNumber,
      station: row.station_name,
      tracking: row.tracking_number ?? '',
      ours: claim.trackingNumber ?? '',
    });
    log.error('order labelled at two stations', {
      order: claim.orderNumber,
      ours: claim.parcelId,
      theirs: row.parcel_id,
      station: row.station_name,
    });
    recordClaimConflict(db, {
      orderKey: claim.orderKey,
      orderNumber: claim.orderNumber,
      parcelId: claim.parcelId,
      trackingNumber: claim.trackingNumber,
      otherStation: row.station_name,
      otherTracking: row.tracking_number,
      foundAt: iso(),
      detail,
    });
    deps.onConflict?.(detail);
  }

  /** Push every change PostgreSQL does not have yet, oldest first. */
  async function reconcileOnce(): Promise<void> {
    for (const pending of pendingClaims(db)) {
      if (!link.up()) return;
      switch (pending.state) {
        case 'labelled':
          await pushLabelled(pending);
          break;
        case 'released':
          await link.query(RELEASE_SQL, [pending.parcelId, pending.orderKey, identity.id]);
          break;
        case 'labelling': {
          // Claimed alone, not labelled yet: a claim as any other. Lost, its job is told when
          // it runs; a label made meanwhile is pushed as 'labelled' and checked then.
          const row = await rowOf(CLAIM_SQL, [
            pending.orderKey,
            pending.orderNumber,
            identity.id,
            identity.name,
            timeoutS,
          ]);
          if (row && !row.won) {
            log.warn('a claim made alone is held elsewhere', {
              order: pending.orderNumber,
              station: row.station_name,
            });
          }
          break;
        }
      }
      dropPendingClaim(db, pending.orderKey, pending.state);
    }
  }

  /**
   * Push what PostgreSQL does not have yet; never throws (a down link leaves it for the next
   * time). One at a time; a call while one runs makes it run once more.
   */
  function reconcile(): Promise<void> {
    if (!link.configured) return Promise.resolve();
    if (reconciling) {
      again = true;
      return reconciling;
    }
    reconciling = (async () => {
      do {
        again = false;
        try {
          await reconcileOnce();
        } catch (error) {
          if (!isConnectionFailure(error)) log.error('reconciling claims failed', { error });
          return;
        }
      } while (again);
    })().finally(() => {
      reconciling = null;
    });
    return reconciling;
  }

  function kickReconcile(): void {
    if (!link.up() || pendingClaims(db).length === 0) return;
    void reconcile();
  }

  let unsubscribe: (() => void) | null = null;

  return {
    claim,
    noteLabelled,
    noteReleased,
    abandon,
    reconcile,
    /** Reconcile whenever the link comes back (and now, if it is up). */
    start(): void {
      unsubscribe = link.onChange((state) => {
        if (state.kind === 'connected') kickReconcile();
      });
      kickReconcile();
    },
    async stop(): Promise<void> {
      unsubscribe?.();
      await reconciling;
    },
  };
}

export type Claims = ReturnType<typeof createClaims>;
