// What main sends the renderer about pick-up points: the point a label goes to, and, when
// Sendcloud cannot take the order's point, the open points offered in its place.
import type { AppErrorData } from './errors';

/** A pick-up point as the result panel and the shipment details show it. */
export interface ServicePointView {
  /** Sendcloud's id of the point. */
  id: number;
  /** The carrier's code (`postnl`), and its name. */
  carrier: string;
  carrierName: string;
  /** The carrier's own id of the point, when Sendcloud gives it. */
  carrierPointId: string | null;
  name: string;
  street: string;
  houseNumber: string;
  postalCode: string;
  city: string;
  countryCode: string;
  /** Metres from the order's address (offers only). */
  distanceM?: number | null;
}

/** The scan failed because of its point: the nearest open points of the same carrier instead. */
export interface ServicePointOffers {
  orderNumber: string;
  /** The point Sendcloud could not take (its id; the rest when Sendcloud still knows it). */
  refusedId: number;
  refused: ServicePointView | null;
  carrier: string;
  points: ServicePointView[];
  /** The account allows shipping to the customer's address instead (a setting, default off). */
  homeDeliveryAllowed: boolean;
}

/** The message keys a refused point fails a scan with: the result panel offers points then. */
export const servicePointRefusals = [
  'servicePoints.error.closed',
  'servicePoints.error.unknown',
] as const;

export function isServicePointRefusal(
  error: Pick<AppErrorData, 'key'> | null | undefined,
): boolean {
  return error != null && (servicePointRefusals as readonly string[]).includes(error.key);
}
