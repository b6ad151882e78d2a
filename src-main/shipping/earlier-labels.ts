// Did an earlier request already make this order's label? Sendcloud's ship-an-order calls have
// no idempotency key, so after an unknown outcome the order's shipments are looked at: a parcel
// made since the request (with some slack for clocks and slow answers) that was neither voided
// here nor is being cancelled is that label. Newest first.
import type { ShipmentPage } from '../sendcloud/client';
import type { Db } from '../store/db';
import { isVoided } from '../store/voids';

/** Clock skew and slow answers: a label made this long before the request may still be ours. */
export const RECONCILE_SLACK_MS = 10 * 60_000;

type Found = {
  shipment: ShipmentPage['shipments'][number];
  parcel: ShipmentPage['shipments'][number]['parcels'][number];
};

export function labelsMadeSince(
  db: Db,
  page: ShipmentPage,
  sinceMs: number,
  options: { needsTracking?: boolean } = {},
): Found[] {
  const since = sinceMs - RECONCILE_SLACK_MS;
  const made = (parcel: Found['parcel']) => parcel.created_at;
  return (
    page.shipments
      .flatMap((shipment) => shipment.parcels.map((parcel) => ({ shipment, parcel })))
      .filter(({ parcel }) => !options.needsTracking || Boolean(parcel.tracking_number))
      .filter(({ parcel }) => !made(parcel) || Date.parse(made(parcel) ?? '') >= since)
      // A label voided since (the order is being labelled again) is never adopted back.
      .filter(({ parcel }) => !isVoided(db, parcel.id) && !cancelling(parcel.status?.code))
      .sort((a, b) => Date.parse(made(b.parcel) ?? '') - Date.parse(made(a.parcel) ?? ''))
  );
}

const cancelling = (code: string | undefined) =>
  code !== undefined && ['CANCELLED', 'CANCELLATION_REQUESTED'].includes(code);
