// A label for an order that goes to a pick-up point: only with a product that delivers to one,
// and only to a point Sendcloud knows and that is still open. Home delivery ignores the point.
import { productForOption } from './carriers';
import { invalidField } from './errors';
import { v3Fail, type RouteContext } from './http';
import { isClosed, pointsOf } from './routes/v3/service-points';
import type { ShipmentRecord } from './state';
import type { V3Order } from './wire';

/** The point the label goes to, or undefined for home delivery; a 400 when it cannot go. */
export function labelServicePoint(
  ctx: RouteContext,
  order: V3Order,
  optionCode: string,
  pointer = '/data/attributes/order',
): ShipmentRecord['toServicePoint'] {
  if (productForOption(optionCode)?.lastMile !== 'service_point') return undefined;
  const details = order.service_point_details;
  if (!details) {
    throw v3Fail(
      400,
      invalidField(pointer, `Shipping option ${optionCode} requires a service point.`, 'required'),
    );
  }
  const point = pointsOf(ctx.state).find((candidate) =>
    'id' in details
      ? String(candidate.id) === details.id
      : candidate.carrierServicePointId === details.carrier_service_point_id,
  );
  const named = 'id' in details ? details.id : details.carrier_service_point_id;
  if (!point) {
    throw v3Fail(400, invalidField(pointer, `Service point ${named} does not exist.`, 'invalid'));
  }
  if (isClosed(ctx.state, point.id)) {
    throw v3Fail(
      400,
      invalidField(pointer, `Service point ${named} is not available.`, 'validation_error'),
    );
  }
  return { id: String(point.id), carrier_service_point_id: point.carrierServicePointId };
}

/** The point an order body names, kept on the saved order as sent (by Sendcloud id or carrier id). */
export function servicePointDetailsOf(value: unknown): Pick<V3Order, 'service_point_details'> {
  if (typeof value !== 'object' || value === null) return {};
  const details = value as Record<string, unknown>;
  if (typeof details.carrier_service_point_id === 'string') {
    return {
      service_point_details: { carrier_service_point_id: details.carrier_service_point_id },
    };
  }
  if (typeof details.id === 'string') return { service_point_details: { id: details.id } };
  return {};
}
