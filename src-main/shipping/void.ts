// Voiding a label: the command checks Sendcloud's rules and the packer's role, marks the void
// requested and queues a durable `void` job; the job asks Sendcloud to cancel once, and a retry
// after a lost answer or a crash first asks Sendcloud how the shipment stands instead.
import { msg, type Message, type ShipmentRow } from '../../src-shared';
import type { Accounts } from '../accounts/accounts';
import type { Clock } from '../clock';
import { AppError } from '../errors';
import { createLogger } from '../log';
import type { Connectivity } from '../outbox/connectivity';
import type { JobResult, Outbox } from '../outbox/outbox';
import { classifyFailure, retryDelayMs, sendcloudBackoff } from '../outbox/policy';
import { SendcloudConflictError, SendcloudError } from '../sendcloud/errors';
import type { Actor, CurrentActor } from '../station/actor';
import type { StationIdentity } from '../station/identity';
import type { Db } from '../store/db';
import { getJob, newJob, saveJob, type Job } from '../store/jobs';
import { recordShipmentEvent } from '../store/shipment-events';
import { colloParcels } from '../store/collo';
import { shipmentRecord, type ShipmentListRecord } from '../store/shipment-list';
import {
  clearVoidRequest,
  lastVoidJob,
  liveVoidJob,
  markVoided,
  markVoidRefused,
  markVoidRequested,
  pendingPrintJobs,
} from '../store/voids';
import { findShipmentByParcel } from '../store/shipments';
import { shipmentRowOf } from './shipment-rows';
import { voidRulesFor } from './void-rules';
import type { Claims } from '../warehouse/claims';

/** While offline the probe wakes the queue; this is only the fallback. */
const OFFLINE_RETRY_MS = 60_000;

/** Sendcloud's v3 parcel status codes of a cancellation: done, or on its way. */
const CANCELLED = new Set(['CANCELLED', 'CANCELLED_UPSTREAM']);
const CANCELLING = new Set(['CANCELLATION_REQUESTED', 'SUBMITTING_CANCELLATION_REQUEST']);

export interface VoidDeps {
  db: Db;
  clock: Clock;
  newId: () => string;
  accounts: Pick<Accounts, 'client'>;
  connectivity: Pick<Connectivity, 'reached' | 'unreachable'>;
  outbox: () => Pick<Outbox, 'enqueue' | 'apply' | 'kick'>;
  actor: CurrentActor;
  identity: StationIdentity;
  /** A shipment's row changed (void requested, voided, refused): push it. */
  onChanged: (row: ShipmentRow) => void;
  /** The zone of the station's local day; default the process's. */
  timeZone?: string;
  random?: () => number;
  /** The warehouse's claims: a voided label frees its order at every station. */
  claims?: Pick<Claims, 'noteReleased' | 'reconcile'>;
}

const log = createLogger('void');

export function createVoids(deps: VoidDeps) {
  const { db, clock } = deps;
  const random = deps.random ?? Math.random;
  const iso = (ms: number) => new Date(ms).toISOString();

  function recordOf(parcelId: number): ShipmentListRecord {
    const record = shipmentRecord(db, parcelId);
    if (!record) {
      throw new AppError('invalid-input', msg('void.error.notFound', { parcel: parcelId }), {
        log: `No shipment with parcel ${parcelId}.`,
      });
    }
    return record;
  }

  const pushRow = (parcelId: number) => {
    const record = shipmentRecord(db, parcelId);
    if (record) deps.onChanged(shipmentRowOf(record, deps.identity));
  };

  /** The command: check, mark requested, queue the job; all or nothing. */
  function request(parcelId: number): ShipmentRow {
    const record = recordOf(parcelId);
    const actor: Actor = deps.actor();
    const rules = voidRulesFor(record, actor, clock.now(), deps.timeZone);
    if (!rules.allowed) {
      const refusal = rules.refusal ?? msg('void.refusal.tooOld');
      const code =
        record.voidState === 'voided' || record.trackingStatus === 'cancelled'
          ? 'label-voided'
          : refusal.key === 'void.refusal.supervisorOnly'
            ? 'forbidden'
            : 'void-refused';
      throw new AppError(code, refusal, {
        log: `Void of parcel ${parcelId} refused: ${refusal.key}.`,
      });
    }
    const now = clock.now();
    const outbox = deps.outbox();
    db.transaction(() => {
      // The unique index would refuse a second live void; say so in words instead.
      if (liveVoidJob(db, parcelId)) {
        throw new AppError('void-refused', msg('void.refusal.requested'), {
          log: `Parcel ${parcelId} already has a void on its way.`,
        });
      }
      // One box of several: the cancel is the shipment's, so every box shows it asked for.
      for (const box of colloParcels(db, parcelId)) markVoidRequested(db, box, iso(now));
      recordShipmentEvent(db, {
        parcelId,
        kind: 'void-requested',
        at: iso(now),
        packerId: actor.packerId,
        stationId: actor.stationId,
        detail: rules.rule,
      });
      outbox.enqueue(
        newJob('void', deps.newId(), now, {
          parcelId,
          orderNumber: record.orderNumber,
          code: record.trackingNumber,
          accountId: record.accountId,
          packerId: actor.packerId,
          stationId: actor.stationId,
        }),
      );
    })();
    outbox.kick();
    log.info('void requested', { parcel: parcelId, window: rules.window });
    for (const box of colloParcels(db, parcelId)) if (box !== parcelId) pushRow(box);
    const row = shipmentRowOf(recordOf(parcelId), deps.identity);
    deps.onChanged(row);
    return row;
  }

  /** Sendcloud confirmed it: voided, the order free to label again, its unprinted prints gone. */
  function settleVoided(
    voidedParcel: number,
    job: Pick<Job, 'packerId' | 'stationId'> | null,
    detail: Message | null = null,
  ) {
    // Sendcloud cancels a shipment with all its boxes: each box's row is voided with it.
    for (const parcelId of colloParcels(db, voidedParcel)) settleOneVoided(parcelId, job, detail);
  }

  function settleOneVoided(
    parcelId: number,
    job: Pick<Job, 'packerId' | 'stationId'> | null,
    detail: Message | null,
  ) {
    const now = clock.now();
    const outbox = deps.outbox();
    db.transaction(() => {
      const record = shipmentRecord(db, parcelId);
      if (!record || record.voidState === 'voided') return;
      markVoided(db, parcelId, iso(now), now);
      recordShipmentEvent(db, {
        parcelId,
        kind: 'voided',
        at: iso(now),
        packerId: job?.packerId ?? null,
        stationId: job?.stationId ?? deps.identity.id,
        detail,
      });
      for (const print of pendingPrintJobs(db, parcelId)) outbox.apply(print, { type: 'cancel' });
      deps.claims?.noteReleased(parcelId, findShipmentByParcel(db, parcelId)?.orderRef ?? null);
    })();
    void deps.claims?.reconcile();
    pushRow(parcelId);
  }

  function settleRefused(parcelId: number, job: Job, reason: Message) {
    db.transaction(() => {
      for (const box of colloParcels(db, parcelId)) markVoidRefused(db, box);
      recordShipmentEvent(db, {
        parcelId,
        kind: 'void-refused',
        at: iso(clock.now()),
        packerId: job.packerId,
        stationId: job.stationId,
        detail: reason,
      });
    })();
    for (const box of colloParcels(db, parcelId)) pushRow(box);
  }

  /** How Sendcloud says the cancellation stands now: the truth after a lost answer. */
  async function standing(
    record: ShipmentListRecord,
  ): Promise<'cancelled' | 'cancelling' | 'not-cancelled'> {
    const shipment = await deps.accounts.client(record.accountId).getShipment(record.shipmentId);
    deps.connectivity.reached();
    const parcel =
      shipment.parcels.find((p) => p.id === record.parcelId) ?? shipment.parcels[0] ?? null;
    const code = parcel?.status?.code ?? '';
    if (CANCELLED.has(code)) return 'cancelled';
    if (CANCELLING.has(code)) return 'cancelling';
    return 'not-cancelled';
  }

  function fromStanding(parcelId: number, job: Job, state: 'cancelled' | 'cancelling'): JobResult {
    if (state === 'cancelled') {
      settleVoided(parcelId, job);
      return { type: 'done', note: msg('void.done') };
    }
    // Queued at Sendcloud: the row stays "void requested"; tracking settles it.
    return { type: 'done', note: msg('void.queued') };
  }

  /** The outbox's handler of a `void` job. */
  async function runJob(job: Job): Promise<JobResult> {
    const record = job.parcelId !== null ? shipmentRecord(db, job.parcelId) : null;
    if (!record) {
      return {
        type: 'block',
        event: {
          type: 'block',
          error: { code: 'invalid-input', ...msg('void.error.missing') },
          reason: msg('void.missing'),
        },
      };
    }
    const { parcelId } = record;
    if (record.voidState === 'voided') return { type: 'done', note: msg('void.done') };
    try {
      // An earlier try sent the cancel and lost the answer (a timeout, a reset, a crash): ask
      // Sendcloud how it stands; only a shipment not cancelled at all is asked again.
      if (job.sentAt !== null) {
        const state = await standing(record);
        if (state !== 'not-cancelled') {
          log.info('a cancel sent earlier had gone through', { job: job.id, parcel: parcelId });
          return fromStanding(parcelId, job, state);
        }
      }
      saveJob(db, { ...(getJob(db, job.id) ?? job), sentAt: clock.now() });
      const result = await deps.accounts.client(record.accountId).cancelShipment(record.shipmentId);
      deps.connectivity.reached();
      if (result.outcome === 'cancelled') {
        settleVoided(parcelId, job);
        return { type: 'done', note: msg('void.done') };
      }
      return { type: 'done', note: msg('void.queued') };
    } catch (error) {
      if (error instanceof SendcloudConflictError) return refused(job, record, error);
      return failed(job, error);
    }
  }

  /**
   * 409: in transit, delivered, too old, or already being cancelled. The last may be our own
   * cancel from a try whose answer was lost, or one made in the panel: look before refusing.
   */
  async function refused(
    job: Job,
    record: ShipmentListRecord,
    error: SendcloudConflictError,
  ): Promise<JobResult> {
    deps.connectivity.reached();
    try {
      const state = await standing(record);
      if (state !== 'not-cancelled') return fromStanding(record.parcelId, job, state);
    } catch (lookError) {
      return failed(job, lookError);
    }
    const said = error.details[0]?.detail ?? error.message;
    const reason = msg('void.refused', { reason: said });
    settleRefused(record.parcelId, job, reason);
    log.info('Sendcloud refused a void', { job: job.id, parcel: record.parcelId, said });
    return { type: 'done', note: reason };
  }

  function failed(job: Job, error: unknown): JobResult {
    const { kind, error: data } = classifyFailure(error);
    if (kind === 'offline') {
      deps.connectivity.unreachable(data);
      return {
        type: 'defer',
        event: {
          type: 'defer',
          error: data,
          reason: msg('void.waiting.offline'),
          delayMs: OFFLINE_RETRY_MS,
        },
      };
    }
    if (kind === 'transient') {
      if (!(error instanceof SendcloudError && error.kind === 'auth')) deps.connectivity.reached();
      const delayMs = retryDelayMs(job.attempts, { ...sendcloudBackoff, random });
      return {
        type: 'defer',
        event: { type: 'defer', error: data, reason: msg('void.waiting.sendcloud'), delayMs },
      };
    }
    return {
      type: 'block',
      event: { type: 'block', error: data, reason: { key: data.key, params: data.params } },
    };
  }

  /**
   * A packer cancelled the void in the queue: the label stands again. Had an earlier try reached
   * Sendcloud after all, the tracking poll sees the parcel cancelled and settles it as voided.
   */
  function jobChanged(job: Job): void {
    if (job.kind !== 'void' || job.state !== 'cancelled' || job.parcelId === null) return;
    for (const box of colloParcels(db, job.parcelId)) if (clearVoidRequest(db, box)) pushRow(box);
  }

  return {
    request,
    runJob,
    jobChanged,
    /** Tracking saw the parcel cancelled: a void Sendcloud had queued (202) is now confirmed. */
    settleVoided: (parcelId: number) =>
      settleVoided(parcelId, lastVoidJob(db, parcelId), msg('void.confirmed')),
  };
}

export type Voids = ReturnType<typeof createVoids>;
