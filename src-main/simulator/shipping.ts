// Shipments and parcels: making them (with their labels and ledger entries), rendering their
// documents once per format, and showing them in v3 and v2 shapes.
import {
  carrierForOption,
  countryInfo,
  isCountry,
  labelCost,
  productForOption,
  serviceName,
} from './carriers';
import type { RouteContext } from './http';
import { iso, v2Date } from './http';
import {
  renderPdfLabels,
  renderPngLabel,
  renderZplLabel,
  type LabelData,
  type LabelFormat,
  type PaperSize,
} from './labels';
import { statusAt } from './lifecycle';
import type { V3Address } from './wire';
import {
  freshTrackingNumber,
  type LedgerEntry,
  type ParcelRecord,
  type ShipmentRecord,
} from './state';

export const MIME: Record<LabelFormat, string> = {
  pdf: 'application/pdf',
  zpl: 'application/zpl',
  png: 'image/png',
};

export function formatOfMime(mime: string): LabelFormat | undefined {
  return (Object.keys(MIME) as LabelFormat[]).find((format) => MIME[format] === mime);
}

export interface NewParcel {
  weightKg: number;
  dimensions: ParcelRecord['dimensions'];
  items: unknown[];
  labelNotes: string[];
}

export interface NewShipment {
  api: 'v2' | 'v3';
  via: LedgerEntry['via'];
  integrationId: number | null;
  orderId: string | null;
  orderNumber: string;
  externalReferenceId: string | null;
  reference: string | null;
  from: V3Address;
  /** The id `from` was picked by; null when the request spelled the address out. */
  senderAddressId: number | null;
  brandId: number | null;
  to: V3Address;
  shippingOptionCode: string;
  contractId?: number;
  totalOrderPrice: ShipmentRecord['totalOrderPrice'];
  isReturn: boolean;
  v2Fields?: Record<string, unknown>;
  parcels: NewParcel[];
  /** The label's format, or null for a v2 parcel stored without a label. */
  format: LabelFormat | null;
  /** When the label can be fetched: now, or later for asynchronous creation. */
  readyAt: number;
  toServicePoint?: ShipmentRecord['toServicePoint'];
}

/**
 * Store a shipment and make its labels. The labels are rendered now, once, and the ledger gets
 * one entry per parcel: the write is done before any answer goes out.
 */
export async function createShipment(
  ctx: RouteContext,
  spec: NewShipment,
): Promise<ShipmentRecord> {
  const { state, now } = ctx;
  const carrier = carrierForOption(spec.shippingOptionCode);
  if (!carrier) throw new Error(`no carrier for ${spec.shippingOptionCode}`);
  const product = productForOption(spec.shippingOptionCode);
  // A carrier without native ZPL answers a ZPL request with its PDF label.
  const format = spec.format === 'zpl' && carrier.nativeZpl === false ? 'pdf' : spec.format;
  const shipment: ShipmentRecord = {
    id: String(state.nextShipmentId++),
    publicKey: ctx.account.data.keys.publicKey,
    api: spec.api,
    integrationId: spec.integrationId,
    orderId: spec.orderId,
    orderNumber: spec.orderNumber,
    externalReferenceId: spec.externalReferenceId,
    reference: spec.reference,
    from: spec.from,
    to: spec.to,
    shippingOptionCode: spec.shippingOptionCode,
    carrier,
    contractId: spec.contractId ?? carrier.contractId,
    totalOrderPrice: spec.totalOrderPrice,
    isReturn: spec.isReturn,
    v2Fields: spec.v2Fields ?? {},
    parcels: [],
    ...(spec.toServicePoint ? { toServicePoint: spec.toServicePoint } : {}),
  };
  const createdAt = iso(now);
  for (const input of spec.parcels) {
    const id = state.nextParcelId++;
    const announced = spec.format !== null;
    const trackingNumber = announced ? freshTrackingNumber(state, carrier) : '';
    const label: LabelData = {
      trackingNumber,
      carrierName: carrier.name,
      service: serviceName(spec.shippingOptionCode),
      orderNumber: spec.orderNumber,
      parcelId: id,
      weightKg: input.weightKg,
      createdAt,
      sender: spec.from,
      recipient: spec.to,
      ...(product?.labelNotice ? { notice: product.labelNotice } : {}),
      ...(spec.parcels.length > 1
        ? { collo: { nr: shipment.parcels.length + 1, count: spec.parcels.length } }
        : {}),
    };
    const parcel: ParcelRecord = {
      id,
      shipmentId: shipment.id,
      trackingNumber,
      trackingUrl: announced
        ? carrier.trackingUrl(trackingNumber, spec.to.country_code, spec.to.postal_code)
        : '',
      weightKg: input.weightKg,
      dimensions: input.dimensions,
      items: input.items,
      labelNotes: input.labelNotes,
      createdAt: now,
      updatedAt: now,
      announcedAt: announced ? now : null,
      readyAt: spec.readyAt,
      cancel: null,
      native: format ?? 'pdf',
      zpl: carrier.nativeZpl !== false,
      label,
      documents: new Map(),
      deleted: false,
    };
    shipment.parcels.push(parcel);
    if (format !== null) {
      const bytes = await documentBytes(parcel, format, 'A6');
      const cost = product ? labelCost(product, spec.to.country_code, [input.weightKg]) : null;
      state.ledger.push({
        orderId: spec.orderId ?? '',
        orderNumber: spec.orderNumber,
        parcelId: id,
        shipmentId: shipment.id,
        trackingNumber,
        carrier: carrier.code,
        format,
        bytes,
        createdAt,
        publicKey: shipment.publicKey,
        integrationId: spec.integrationId,
        shippingOptionCode: spec.shippingOptionCode,
        senderAddressId: spec.senderAddressId,
        brandId: spec.brandId,
        price: cost ? { value: cost.total, currency: cost.currency } : null,
        via: spec.via,
      });
    }
  }
  ctx.account.shipments.push(shipment);
  return shipment;
}

/** The label in a format, rendered on first request and byte-identical afterwards. */
export async function documentBytes(
  parcel: ParcelRecord,
  format: LabelFormat,
  paper: PaperSize,
): Promise<Buffer> {
  const key = format === 'pdf' ? `pdf:${paper}` : format;
  const cached = parcel.documents.get(key);
  if (cached) return cached;
  let bytes: Buffer;
  switch (format) {
    case 'zpl':
      bytes = renderZplLabel(parcel.label);
      break;
    case 'pdf':
      bytes = await renderPdfLabels([parcel.label], paper);
      break;
    case 'png':
      bytes = await renderPngLabel(await documentBytes(parcel, 'zpl', paper));
      break;
  }
  parcel.documents.set(key, bytes);
  return bytes;
}

export const documentLink = (ctx: RouteContext, parcelId: number, type = 'label') =>
  `${ctx.origin}/api/v3/parcels/${parcelId}/documents/${type}`;

/** A weight in kg, from any of the units the spec allows (kg, g, lbs, oz). */
export function kgOf(weight: { value: number | string; unit?: string | null }): number {
  const value = Number(weight.value);
  switch (weight.unit) {
    case 'g':
      return value / 1000;
    case 'lbs':
      return value * 0.453_592;
    case 'oz':
      return value * 0.028_35;
    default:
      return value;
  }
}

export function weightString(kg: number): string {
  return kg.toFixed(3);
}

export function v3Parcel(ctx: RouteContext, parcel: ParcelRecord) {
  const status = statusAt(parcel, ctx.now);
  return {
    id: parcel.id,
    status: { code: status.code, message: status.message },
    documents:
      parcel.announcedAt === null
        ? []
        : [{ type: 'label', size: 'a6', link: documentLink(ctx, parcel.id) }],
    ...(parcel.dimensions ? { dimensions: parcel.dimensions } : {}),
    weight: { value: weightString(parcel.weightKg), unit: 'kg' },
    tracking_url: parcel.trackingUrl,
    tracking_number: parcel.trackingNumber,
    additional_carrier_data: { awb_tracking_number: null, box_number: null },
    created_at: iso(parcel.createdAt),
    updated_at: iso(parcel.updatedAt),
    announced_at: parcel.announcedAt === null ? null : iso(parcel.announcedAt),
    label_notes: parcel.labelNotes,
    package_type: 'package',
    parcel_items: parcel.items,
  };
}

export function shipWith(shipment: ShipmentRecord) {
  return {
    type: 'shipping_option_code',
    properties: {
      shipping_option_code: shipment.shippingOptionCode,
      contract_id: shipment.contractId,
    },
  };
}

export function v3Shipment(ctx: RouteContext, shipment: ShipmentRecord) {
  return {
    id: shipment.id,
    order_number: shipment.orderNumber,
    ...(shipment.externalReferenceId !== null
      ? { external_reference_id: shipment.externalReferenceId }
      : {}),
    ...(shipment.reference !== null ? { reference: shipment.reference } : {}),
    total_order_price: shipment.totalOrderPrice,
    parcels: shipment.parcels.map((parcel) => v3Parcel(ctx, parcel)),
    from_address: shipment.from,
    to_address: shipment.to,
    ship_with: shipWith(shipment),
    carrier: { code: shipment.carrier.code, name: shipment.carrier.name },
    ...(shipment.toServicePoint ? { to_service_point: shipment.toServicePoint } : {}),
    errors: [],
  };
}

/** v2's label URLs: four A4 positions and one label-printer URL. */
export function v2LabelUrls(ctx: Pick<RouteContext, 'origin'>, parcelId: number) {
  const base = `${ctx.origin}/api/v2/labels`;
  return {
    normal_printer: [0, 1, 2, 3].map(
      (position) => `${base}/normal_printer/${parcelId}?start_from=${position}`,
    ),
    label_printer: `${base}/label_printer/${parcelId}`,
  };
}

export function v2Parcel(ctx: RouteContext, shipment: ShipmentRecord, parcel: ParcelRecord) {
  const status = statusAt(parcel, ctx.now);
  const to = shipment.to;
  const country = isCountry(to.country_code) ? countryInfo[to.country_code] : undefined;
  const fields = shipment.v2Fields;
  const product = productForOption(shipment.shippingOptionCode);
  const announced = parcel.announcedAt !== null;
  const text = (name: string, fallback = '') =>
    typeof fields[name] === 'string' ? (fields[name] as string) : fallback;
  return {
    id: parcel.id,
    name: to.name,
    company_name: to.company_name ?? '',
    contract: announced ? shipment.contractId : null,
    address: `${to.address_line_1} ${to.house_number}`.trim(),
    address_2: to.address_line_2 ?? '',
    address_divided: { street: to.address_line_1, house_number: to.house_number },
    city: to.city,
    postal_code: to.postal_code,
    telephone: to.phone_number ?? '',
    email: to.email ?? '',
    date_created: v2Date(parcel.createdAt),
    date_updated: v2Date(parcel.updatedAt),
    ...(parcel.announcedAt === null ? {} : { date_announced: v2Date(parcel.announcedAt) }),
    tracking_number: parcel.trackingNumber,
    tracking_url: parcel.trackingUrl,
    weight: weightString(parcel.weightKg),
    label: announced ? v2LabelUrls(ctx, parcel.id) : {},
    customs_declaration: {},
    documents: announced
      ? [
          {
            type: 'label',
            size: 'a6',
            link: `${ctx.origin}/api/v2/parcels/${parcel.id}/documents/label`,
          },
        ]
      : [],
    status: { id: status.id, message: status.message },
    data: {},
    country: {
      iso_2: to.country_code,
      iso_3: country?.iso3 ?? to.country_code,
      name: country?.name ?? to.country_code,
    },
    shipment: product ? { id: product.methodId, name: product.name } : null,
    carrier: { code: shipment.carrier.code },
    order_number: shipment.orderNumber,
    external_reference: shipment.externalReferenceId,
    reference: shipment.reference ?? '0',
    shipment_uuid: `00000000-0000-4000-8000-${String(shipment.id).padStart(12, '0')}`,
    colli_uuid: `00000000-0000-4000-9000-${String(parcel.id).padStart(12, '0')}`,
    collo_nr: shipment.parcels.indexOf(parcel),
    collo_count: shipment.parcels.length,
    is_return: shipment.isReturn,
    insured_value: 0,
    total_insured_value: 0,
    ...(shipment.totalOrderPrice
      ? {
          total_order_value: shipment.totalOrderPrice.value,
          total_order_value_currency: shipment.totalOrderPrice.currency,
        }
      : {}),
    parcel_items: parcel.items,
    length: parcel.dimensions?.length ?? null,
    width: parcel.dimensions?.width ?? null,
    height: parcel.dimensions?.height ?? null,
    type: product?.lastMile === 'mailbox' ? 'letter' : 'parcel',
    awb_tracking_number: null,
    box_number: null,
    shipping_method_checkout_name: text('shipping_method_checkout_name'),
    note: '',
    errors: {},
  };
}
