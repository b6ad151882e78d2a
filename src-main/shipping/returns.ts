// A return for a shipment, worked out with no I/O: the Returns API v3 request made from the
// outgoing shipment as Sendcloud has it (the customer sends back to where the parcel came from,
// with the same option and weight), and which return Sendcloud lists is the one an earlier try
// made when its answer was lost.
import { msg, returnStatusOf, type ReturnRow } from '../../src-shared';
import { AppError } from '../errors';
import type { CreateReturnRequest } from '../sendcloud/v3/returns';
import type { Return, Shipment, V3Address } from '../sendcloud/v3/schemas';
import type { AddressInput } from '../sendcloud/v3/address';
import type { StationIdentity } from '../station/identity';
import type { ReturnRecord } from '../store/returns';

/** The reference a return of this parcel carries, so Sendcloud's panel shows where it came from. */
export const returnReference = (parcelId: number): string => `packdesk-return-${parcelId}`;

function addressOf(address: V3Address | null | undefined): AddressInput | null {
  const name = address?.name ?? address?.company_name;
  if (
    !address ||
    !name ||
    !address.address_line_1 ||
    !address.postal_code ||
    !address.city ||
    !address.country_code
  ) {
    return null;
  }
  const optional = (field: keyof AddressInput) => {
    const value = address[field];
    return value ? { [field]: value } : {};
  };
  return {
    name,
    address_line_1: address.address_line_1,
    postal_code: address.postal_code,
    city: address.city,
    country_code: address.country_code,
    ...optional('company_name'),
    ...optional('house_number'),
    ...optional('address_line_2'),
    ...optional('email'),
    ...optional('phone_number'),
  };
}

/** A weight as kilograms, or null when Sendcloud gives none (never sent as 0). */
function kilogramsOf(weight: { value: string | number; unit: string } | null | undefined) {
  const value = Number(weight?.value);
  if (!weight || !Number.isFinite(value) || value <= 0) return null;
  const perKg: Record<string, number> = { kg: 1, g: 1000, lbs: 2.20462, oz: 35.274 };
  const factor = perKg[weight.unit];
  return factor === undefined ? null : Math.round((value / factor) * 1000) / 1000;
}

/**
 * The return of one parcel of an outgoing shipment: from the customer (the shipment's recipient)
 * back to its sender, with the shipment's option and the parcel's weight. Refused, before any
 * call, when Sendcloud's shipment lacks what the return needs.
 */
export function returnRequestFor(
  shipment: Shipment,
  parcelId: number,
  orderNumber: string,
): CreateReturnRequest {
  const parcel = shipment.parcels.find((candidate) => candidate.id === parcelId);
  const from = addressOf(shipment.to_address);
  const to = addressOf(shipment.from_address);
  if (!from || !to) {
    throw new AppError('invalid-input', msg('returns.error.address', { order: orderNumber }), {
      log: `Shipment ${shipment.id} lacks an address a return needs.`,
    });
  }
  const weightKg = kilogramsOf(parcel?.weight);
  if (weightKg === null) {
    throw new AppError('invalid-input', msg('returns.error.weight', { order: orderNumber }), {
      log: `Parcel ${parcelId} of shipment ${shipment.id} has no weight for its return.`,
    });
  }
  const optionCode = shipment.ship_with?.properties?.shipping_option_code;
  if (!optionCode) {
    throw new AppError('invalid-input', msg('returns.error.option', { order: orderNumber }), {
      log: `Shipment ${shipment.id} names no shipping option for its return.`,
    });
  }
  return {
    from_address: from,
    to_address: to,
    ship_with: { type: 'shipping_option_code', shipping_option_code: optionCode },
    weight: { value: weightKg, unit: 'kg' },
    order_number: orderNumber,
    external_reference: returnReference(parcelId),
  };
}

/** The return parcel's id, from the label link Sendcloud lists (the list names no parcel id). */
export function returnParcelIdOf(found: Return): number | null {
  const link = found.label?.label_printer ?? found.label_url ?? '';
  const match = /\/parcels\/(\d+)\/documents\//.exec(link);
  return match ? Number(match[1]) : null;
}

/** Sendcloud's latest parent status of a listed return. */
export function parentStatusOf(found: Return): string {
  return found.status_history?.at(-1)?.parent_status ?? 'unknown';
}

/** A return made this long before the request may still be the request's (clocks, slow answers). */
export const RETURN_SLACK_MS = 10 * 60_000;

/**
 * The return an earlier request made, among the ones Sendcloud lists: same order, same customer
 * postcode, same option, made since the request, and not one this station already keeps.
 * Newest first; null when none is.
 */
export function earlierReturn(
  listed: readonly Return[],
  asked: CreateReturnRequest,
  sinceMs: number,
  known: ReadonlySet<number>,
): Return | null {
  const option =
    asked.ship_with.type === 'shipping_option_code' ? asked.ship_with.shipping_option_code : null;
  const matches = listed
    .filter((found) => found.id !== null && found.id !== undefined && !known.has(found.id))
    .filter((found) => found.order_number === asked.order_number)
    .filter((found) => found.from_address?.postal_code === asked.from_address.postal_code)
    .filter((found) => option === null || found.shipping_option?.code === option)
    .filter((found) => Date.parse(found.created_at ?? '') >= sinceMs - RETURN_SLACK_MS)
    .sort((a, b) => Date.parse(b.created_at ?? '') - Date.parse(a.created_at ?? ''));
  return matches[0] ?? null;
}

/** A kept return as the Shipments screen shows it. */
export function returnRowOf(record: ReturnRecord, identity: StationIdentity): ReturnRow {
  return {
    returnId: record.returnId,
    parcelId: record.parcelId,
    returnParcelId: record.returnParcelId,
    orderNumber: record.orderNumber,
    status: returnStatusOf(record.status),
    statusText: record.status,
    trackingNumber: record.trackingNumber,
    portalUrl: record.portalUrl,
    labelStored: record.label !== null,
    printedAt: record.printedAt,
    createdAt: record.createdAt,
    packer:
      record.packerId !== null
        ? { id: record.packerId, name: record.packerName ?? record.packerId }
        : null,
    stationName: record.stationId === identity.id ? identity.name : null,
  };
}
