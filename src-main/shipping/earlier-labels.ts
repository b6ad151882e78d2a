// Did an earlier request already make this order's label? Sendcloud's ship-an-order calls have
// no idempotency key, so after an unknown outcome the order's shipments are looked at: a parcel
// made since the request (with some slack for clocks and slow answers) that was neither voided
// here nor is being cancelled is that label. Newest first. A return is listed under the order's
// number too, and is never the order's label.
import type { ShipmentPage } from '../sendcloud/client';
import type { Db } from '../store/db';
import { orderRecipient } from '../store/orders';
import { isReturnParcel } from '../store/returns';
import { isVoided } from '../store/voids';

/** Clock skew and slow answers: a label made this long before the request may still be ours. */
export const RECONCILE_SLACK_MS = 10 * 60_000;

type Found = {
  shipment: ShipmentPage['shipments'][number];
  parcel: ShipmentPage['shipments'][number]['parcels'][number];
};

/**
 * `orderRef`: the cached order the label is for; its shipping address tells a return (from the
 * customer back) from the order's label (to the customer).
 */
export function labelsMadeSince(
  db: Db,
  page: ShipmentPage,
  sinceMs: number,
  options: { orderRef: string; needsTracking?: boolean },
): Found[] {
  const since = sinceMs - RECONCILE_SLACK_MS;
  const made = (parcel: Found['parcel']) => parcel.created_at;
  const customer = postcodeOf(orderRecipient(db, options.orderRef)?.postcode);
  return (
    page.shipments
      .filter((shipment) => !isReturnByAddress(shipment, customer))
      .flatMap((shipment) => shipment.parcels.map((parcel) => ({ shipment, parcel })))
      .filter(({ parcel }) => !options.needsTracking || Boolean(parcel.tracking_number))
      .filter(({ parcel }) => !made(parcel) || Date.parse(made(parcel) ?? '') >= since)
      // A label voided since (the order is being labelled again) is never adopted back.
      .filter(({ parcel }) => !isVoided(db, parcel.id) && !cancelling(parcel.status?.code))
      // A return made here (its parcel stored as one) is the customer's parcel back.
      .filter(({ parcel }) => !isReturnParcel(db, parcel.id))
      .sort((a, b) => Date.parse(made(b.parcel) ?? '') - Date.parse(made(a.parcel) ?? ''))
  );
}

const cancelling = (code: string | undefined) =>
  code !== undefined && ['CANCELLED', 'CANCELLATION_REQUESTED'].includes(code);

const postcodeOf = (value: string | null | undefined): string | null =>
  value ? value.replace(/\s+/g, '').toUpperCase() : null;

/**
 * A v3 shipment carries no `is_return` (v3-shipments.yaml): a return is one that comes from the
 * order's customer and does not go to them. An address unknown on either side says nothing.
 */
function isReturnByAddress(shipment: Found['shipment'], customer: string | null): boolean {
  if (customer === null) return false;
  const from = postcodeOf(shipment.from_address?.postal_code);
  const to = postcodeOf(shipment.to_address?.postal_code);
  return from === customer && to !== null && to !== customer;
}
