// How a parcel moves once it exists, as a pure function of the simulator's clock: the status it
// shows at a moment, and what a cancellation request does at that moment.

export interface ParcelStatus {
  /** v3 status code. */
  code: string;
  message: string;
  /** v2 status id. */
  id: number;
}

export const STATUSES = {
  noLabel: { code: 'NO_LABEL', message: 'No label', id: 999 },
  announcing: { code: 'ANNOUNCING', message: 'Being announced', id: 1001 },
  readyToSend: { code: 'READY_TO_SEND', message: 'Ready to send', id: 1000 },
  enRoute: { code: 'EN_ROUTE_TO_SORTING_CENTER', message: 'En route to sorting center', id: 3 },
  sorted: { code: 'SORTED', message: 'Sorted', id: 5 },
  driverEnRoute: { code: 'DRIVER_EN_ROUTE', message: 'Driver en route', id: 92 },
  delivered: { code: 'DELIVERED', message: 'Delivered', id: 11 },
  cancellationRequested: {
    code: 'CANCELLATION_REQUESTED',
    message: 'Cancellation requested',
    id: 1999,
  },
  cancelled: { code: 'CANCELLED', message: 'Cancelled', id: 2000 },
} satisfies Record<string, ParcelStatus>;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Carrier scans after the label is ready: picked up the next day, delivered the day after. */
export const CARRIER_TIMELINE: readonly { afterMs: number; status: ParcelStatus }[] = [
  { afterMs: 24 * HOUR, status: STATUSES.enRoute },
  { afterMs: 30 * HOUR, status: STATUSES.sorted },
  { afterMs: 40 * HOUR, status: STATUSES.driverEnRoute },
  { afterMs: 44 * HOUR, status: STATUSES.delivered },
];

/** A queued cancellation is confirmed by the carrier a day after it was asked for. */
export const QUEUED_CANCELLATION_MS = DAY;
/** Sendcloud refuses to cancel a label older than this. */
export const CANCEL_WINDOW_MS = 42 * DAY;

export interface ParcelTimes {
  /** Null for a v2 parcel stored without a label. */
  announcedAt: number | null;
  /** When the label can be fetched; later than `announcedAt` for asynchronous creation. */
  readyAt: number;
  cancel: { at: number; outcome: 'cancelled' | 'queued' } | null;
}

export function statusAt(parcel: ParcelTimes, now: number): ParcelStatus {
  if (parcel.cancel) {
    if (parcel.cancel.outcome === 'cancelled') return STATUSES.cancelled;
    return now - parcel.cancel.at >= QUEUED_CANCELLATION_MS
      ? STATUSES.cancelled
      : STATUSES.cancellationRequested;
  }
  if (parcel.announcedAt === null) return STATUSES.noLabel;
  if (now < parcel.readyAt) return STATUSES.announcing;
  let status: ParcelStatus = STATUSES.readyToSend;
  for (const step of CARRIER_TIMELINE) {
    if (now - parcel.readyAt >= step.afterMs) status = step.status;
  }
  return status;
}

/**
 * Every status the parcel has had up to `now`, oldest first, each with the moment it took it:
 * what a webhook tells of. The last is `statusAt(parcel, now)`. `createdAt` dates a v2 parcel
 * stored without a label.
 */
export function statusHistory(
  parcel: ParcelTimes & { createdAt: number },
  now: number,
): { status: ParcelStatus; at: number }[] {
  const steps: { status: ParcelStatus; at: number }[] = [];
  if (parcel.announcedAt === null) {
    steps.push({ status: STATUSES.noLabel, at: parcel.createdAt });
  } else {
    if (parcel.readyAt > parcel.announcedAt) {
      steps.push({ status: STATUSES.announcing, at: parcel.announcedAt });
    }
    steps.push({ status: STATUSES.readyToSend, at: parcel.readyAt });
    for (const step of CARRIER_TIMELINE) {
      steps.push({ status: step.status, at: parcel.readyAt + step.afterMs });
    }
  }
  const cancel = parcel.cancel;
  const until = cancel ? Math.min(now, cancel.at) : now;
  const history = steps.filter((step, i) => i === 0 || step.at <= until);
  if (cancel) {
    if (cancel.outcome === 'cancelled') {
      history.push({ status: STATUSES.cancelled, at: cancel.at });
    } else {
      history.push({ status: STATUSES.cancellationRequested, at: cancel.at });
      const confirmed = cancel.at + QUEUED_CANCELLATION_MS;
      if (now >= confirmed) history.push({ status: STATUSES.cancelled, at: confirmed });
    }
  }
  return history;
}

/** True once a carrier has scanned the parcel: it can no longer be cancelled. */
export function isShipped(status: ParcelStatus): boolean {
  return CARRIER_TIMELINE.some((step) => step.status.code === status.code);
}

export type CancelDecision =
  'cancelled' | 'queued' | 'deleted' | 'already-cancelled' | 'shipped' | 'too-old';

/**
 * Sendcloud's rules: free and immediate until 23:59 (Amsterdam time) on the day the label was
 * made, queued after that, never once cancelled, shipped or older than 42 days.
 */
export function decideCancel(parcel: ParcelTimes, now: number): CancelDecision {
  if (parcel.cancel) return 'already-cancelled';
  if (parcel.announcedAt === null) return 'deleted';
  if (isShipped(statusAt(parcel, now))) return 'shipped';
  if (now - parcel.announcedAt > CANCEL_WINDOW_MS) return 'too-old';
  return sameLocalDay(parcel.announcedAt, now) ? 'cancelled' : 'queued';
}

const amsterdamDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Both instants fall on the same calendar day in the Netherlands, where Sendcloud bills. */
export function sameLocalDay(a: number, b: number): boolean {
  return amsterdamDay.format(a) === amsterdamDay.format(b);
}
