// v3 parcel tracking by tracking number: the carrier events so far on the simulator's clock.
import { v3Errors } from '../../errors';
import { iso, json, v3Fail, type Route, type RouteContext } from '../../http';
import { CARRIER_TIMELINE, STATUSES, statusAt } from '../../lifecycle';
import { shipWith } from '../../shipping';
import { parcelsOf } from '../../state';
import type { V3Address } from '../../wire';

const EVENT_TEXT: Record<string, { code: string; description: string }> = {
  [STATUSES.readyToSend.code]: { code: 'announced', description: 'The label was created.' },
  [STATUSES.enRoute.code]: {
    code: 'accepted',
    description: 'Parcel has been accepted by the carrier.',
  },
  [STATUSES.sorted.code]: { code: 'sorted', description: 'Parcel has been sorted.' },
  [STATUSES.driverEnRoute.code]: {
    code: 'out_for_delivery',
    description: 'The driver is on the way.',
  },
  [STATUSES.delivered.code]: { code: 'delivered', description: 'Parcel has been delivered.' },
};

const trackingAddress = (address: V3Address) => ({
  name: address.name,
  company_name: address.company_name ?? '',
  address_line_1: address.address_line_1,
  address_line_2: address.address_line_2 ?? '',
  house_number: address.house_number,
  postal_code: address.postal_code,
  city: address.city,
  country_code: address.country_code,
  ...(address.email ? { email: address.email } : {}),
  ...(address.phone_number ? { phone_number: address.phone_number } : {}),
});

function track(ctx: RouteContext) {
  const wanted = ctx.params.tracking_number ?? '';
  let found;
  for (const candidate of parcelsOf(ctx.account)) {
    if (candidate.parcel.trackingNumber !== '' && candidate.parcel.trackingNumber === wanted)
      found = candidate;
  }
  if (!found || found.parcel.announcedAt === null) throw v3Fail(404, v3Errors.trackingNotFound);
  const { shipment, parcel } = found;
  const events: { at: number; code: string; description: string }[] = [];
  const push = (at: number, statusCode: string) => {
    const text = EVENT_TEXT[statusCode];
    if (text) events.push({ at, ...text });
  };
  if (ctx.now >= parcel.readyAt) push(parcel.readyAt, STATUSES.readyToSend.code);
  for (const step of CARRIER_TIMELINE) {
    const at = parcel.readyAt + step.afterMs;
    if (at <= ctx.now && (!parcel.cancel || at < parcel.cancel.at)) push(at, step.status.code);
  }
  const status = statusAt(parcel, ctx.now);
  return json(200, {
    announced_at: iso(parcel.announcedAt ?? parcel.createdAt),
    created_at: iso(parcel.createdAt),
    updated_at: iso(parcel.updatedAt),
    details: {
      expected_delivery_date: iso(parcel.readyAt + (CARRIER_TIMELINE.at(-1)?.afterMs ?? 0)).slice(
        0,
        10,
      ),
      ...(shipment.integrationId !== null ? { integration_id: shipment.integrationId } : {}),
      is_mail_box: false,
      is_return: shipment.isReturn,
      is_to_service_point: false,
    },
    events: events.map((event) => ({
      event_at: iso(event.at),
      event_type: 'carrier',
      status_code: event.code,
      status_description: event.description,
      status_type: 'success',
      sub_status_code: 'none',
    })),
    from_address: trackingAddress(shipment.from),
    to_address: trackingAddress(shipment.to),
    parcel_items: parcel.items,
    ship_with: shipWith(shipment),
    source_id: String(parcel.id),
    tracking_numbers: [
      {
        carrier_code: shipment.carrier.code,
        tracking_number: parcel.trackingNumber,
        tracking_url: parcel.trackingUrl,
      },
    ],
    status: { code: status.code, message: status.message },
  });
}

export const trackingRoutes: Route[] = [
  { method: 'GET', path: '/parcels/tracking/{tracking_number}', handle: track },
];
