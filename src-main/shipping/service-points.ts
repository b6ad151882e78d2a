// A label to a pick-up point: the order's point (or the one the packer picked instead) is
// checked with Sendcloud before the label is asked for, so a closed or unknown point fails the
// scan with a clear word and the nearest open points of the same carrier to choose from.
import {
  msg,
  type JobChoices,
  type ServicePointOffers,
  type ServicePointView,
} from '../../src-shared';
import type { Accounts } from '../accounts/accounts';
import { AppError } from '../errors';
import { createLogger } from '../log';
import { SendcloudError } from '../sendcloud/errors';
import type { Order } from '../sendcloud/schemas';
import type { ServicePoint } from '../sendcloud/v3/schemas';
import type { Db } from '../store/db';
import { orderBody, type CachedOrder } from '../store/orders';
import { homeDeliveryAllowed, shipmentPoint } from '../store/service-points';
import type { Shipment } from '../store/shipments';

const log = createLogger('service-points');

/** How many open points a refused scan offers. */
export const OFFERED_POINTS = 5;
/** Where the station ships from, for the home-delivery option's search. */
const SENDER_COUNTRY = 'NL';

/** The Sendcloud id of the point an order goes to (`service_point_details.id`), or null. */
export function orderPointId(body: unknown): number | null {
  if (typeof body !== 'object' || body === null) return null;
  const details = (body as { service_point_details?: unknown }).service_point_details;
  if (typeof details !== 'object' || details === null) return null;
  const id = Number((details as { id?: unknown }).id);
  return Number.isInteger(id) && id > 0 ? id : null;
}

export function pointView(point: ServicePoint): ServicePointView {
  return {
    id: point.id,
    carrier: point.carrier.code,
    carrierName: point.carrier.name ?? point.carrier.code,
    carrierPointId: point.carrier_service_point_id ?? null,
    name: point.name ?? String(point.id),
    street: point.address?.street ?? '',
    houseNumber: point.address?.house_number ?? '',
    postalCode: point.address?.postal_code ?? '',
    city: point.address?.city ?? '',
    countryCode: point.address?.country_code ?? '',
    ...(point.distance !== undefined ? { distanceM: point.distance ?? null } : {}),
  };
}

/** Takes parcels from tomorrow on, as far as its data says: fresh, and opening again. */
export function looksOpen(point: ServicePoint): boolean {
  return point.is_expired !== true && (point.is_open_tomorrow === true || !!point.next_open_at);
}

/** The nearest open points of the carrier, without the refused one, closest first. */
export function openPointsOf(
  points: readonly ServicePoint[],
  carrier: string,
  refusedId: number,
  max = OFFERED_POINTS,
): ServicePointView[] {
  return points
    .filter((p) => p.carrier.code === carrier && p.id !== refusedId && looksOpen(p))
    .sort((a, b) => (a.distance ?? Infinity) - (b.distance ?? Infinity))
    .slice(0, max)
    .map(pointView);
}

/** The point the label goes to: the packer's replacement, else the order's; none: home. */
export function pointIdFor(body: unknown, choices: JobChoices | null): number | null {
  if (choices?.homeDelivery) return null;
  return choices?.servicePointId ?? orderPointId(body);
}

/** A scan's point, once its label is made: `{ servicePoint }`, or nothing for home delivery. */
export function servicePointOf(
  db: Db,
  shipment: Pick<Shipment, 'parcelId'> | null,
): { servicePoint?: ServicePointView } {
  const point = shipment ? shipmentPoint(db, shipment.parcelId) : null;
  return point ? { servicePoint: point } : {};
}

export interface ServicePointDeps {
  db: Db;
  accounts: Accounts;
}

export function createServicePoints(deps: ServicePointDeps) {
  const client = (order: CachedOrder) => deps.accounts.client(order.accountId);
  const bodyOf = (order: CachedOrder) => orderBody<Order>(deps.db, order.id);

  function refusal(order: CachedOrder, id: number, closed: boolean): AppError {
    const key = closed ? 'servicePoints.error.closed' : 'servicePoints.error.unknown';
    return new AppError('invalid-input', msg(key, { order: order.orderNumber, point: id }), {
      log: `Order ${order.orderNumber}: service point ${id} is ${closed ? 'closed' : 'unknown'}.`,
    });
  }

  /**
   * Before the label: the point it goes to, checked with Sendcloud (unknown: 404; closed: not
   * available), or null for home delivery. A replacement the packer picked is written onto the
   * order first (PATCH, saved at once), since ship-an-order labels the order as Sendcloud has it.
   */
  async function pointForLabel(
    order: CachedOrder,
    choices: JobChoices | null,
  ): Promise<ServicePointView | null> {
    const body = bodyOf(order);
    const id = pointIdFor(body, choices);
    if (id === null) return null;
    const api = client(order);
    let available: boolean;
    try {
      available = await api.checkServicePointAvailability(id);
    } catch (error) {
      if (error instanceof SendcloudError && error.kind === 'not-found') {
        throw refusal(order, id, false);
      }
      throw error;
    }
    if (!available) throw refusal(order, id, true);
    const point = pointView(await api.getServicePoint(id));
    if (id !== orderPointId(body) && body?.id) {
      await api.patchOrder(String(body.id), { service_point_details: { id: String(id) } });
      log.info('order sent to another service point', { order: order.id, point: id });
    }
    return point;
  }

  /** The point a label an earlier try made went to (adopted after a lost answer); null: home. */
  async function pointOfLabel(
    order: CachedOrder,
    choices: JobChoices | null,
  ): Promise<ServicePointView | null> {
    const id = pointIdFor(bodyOf(order), choices);
    if (id === null) return null;
    try {
      return pointView(await client(order).getServicePoint(id));
    } catch (error) {
      // The label stands either way; only the point's details are missing from the shipment.
      log.warn('no details of the point an adopted label went to', { order: order.id, error });
      return null;
    }
  }

  /**
   * Sendcloud's own refusal of a label to the point (it closed between the check and the label):
   * the same refusal as the check's, so the scan offers points. Any other error is left as it is.
   */
  function refusalOf(error: unknown, order: CachedOrder, choices: JobChoices | null): unknown {
    const pointId = pointIdFor(bodyOf(order), choices);
    if (pointId === null || !(error instanceof SendcloudError) || error.kind !== 'validation') {
      return error;
    }
    const about = error.details.find((d) => /service point/i.test(d.detail));
    if (!about) return error;
    return refusal(order, pointId, !/does not exist/i.test(about.detail));
  }

  /** The point the order named could not be used: the nearest open ones of the same carrier. */
  async function offersFor(order: CachedOrder, refusedId: number): Promise<ServicePointOffers> {
    const body = bodyOf(order);
    const api = client(order);
    let refused: ServicePointView | null = null;
    try {
      refused = pointView(await api.getServicePoint(refusedId));
    } catch (error) {
      if (!(error instanceof SendcloudError && error.kind === 'not-found')) throw error;
    }
    // An unknown point names no carrier: the order's shipping option does.
    const carrier = refused?.carrier ?? order.shippingOptionCode?.split(':')[0] ?? '';
    const to = body?.shipping_address;
    const found = await api.nearbyServicePoints({
      countryCode: to?.country_code ?? order.countryCode ?? SENDER_COUNTRY,
      carrierCode: carrier,
      ...(to?.address_line_1 ? { street: to.address_line_1 } : {}),
      ...(to?.house_number ? { houseNumber: to.house_number } : {}),
      ...(to?.postal_code ? { postalCode: to.postal_code } : {}),
      ...(to?.city ? { city: to.city } : {}),
      limit: OFFERED_POINTS * 2,
    });
    return {
      orderNumber: order.orderNumber,
      refusedId,
      refused,
      carrier,
      points: openPointsOf(found, carrier, refusedId),
      homeDeliveryAllowed: homeDeliveryAllowed(deps.db, order.accountId),
    };
  }

  /** The carrier's home-delivery option to the order's country: what "deliver home" ships with. */
  async function homeOption(order: CachedOrder, carrier: string): Promise<string | null> {
    const { options } = await client(order).getShippingOptions({
      from_country_code: SENDER_COUNTRY,
      to_country_code: order.countryCode ?? SENDER_COUNTRY,
      carrier_code: carrier,
      functionalities: { last_mile: 'home_delivery' },
    });
    return options[0]?.code ?? null;
  }

  return { pointForLabel, pointOfLabel, refusalOf, offersFor, homeOption };
}

export type ServicePoints = ReturnType<typeof createServicePoints>;
