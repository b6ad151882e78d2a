// Parcels that leave the EU: the opt-in customs orders (GB, CH, NO, US) appended after the seeded
// ones, what ship-an-order refuses in them (Sendcloud's error pointers into the order's items),
// and the customs declaration (CN23, A4) and air waybill the v3 documents endpoint serves.
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { carrierForOption, customsCountries, type CustomsCountry } from './carriers';
import { invalidField, type V3Error } from './errors';
import { createRandom } from './prng';
import { OPEN_STATUS, type AccountIdentity } from './seed';
import type { ParcelRecord, ShipmentRecord } from './state';
import type { V3Address, V3Order, V3OrderItem } from './wire';

/** The documents a customs parcel has besides its label. */
export type CustomsDocument = 'customs-declaration' | 'air-waybill';

/** UPS flies these: an air waybill comes with the customs declaration. */
const AIR_WAYBILL_TO: readonly string[] = ['US'];

export function needsCustoms(countryCode: string): boolean {
  return (customsCountries as readonly string[]).includes(countryCode);
}

/** The documents Sendcloud has for a parcel to this country besides its label. */
export function customsDocumentsFor(countryCode: string): CustomsDocument[] {
  if (!needsCustoms(countryCode)) return [];
  return AIR_WAYBILL_TO.includes(countryCode)
    ? ['customs-declaration', 'air-waybill']
    : ['customs-declaration'];
}

interface Goods {
  name: string;
  hs: string;
  origin: string;
  price: number;
  kg: number;
}

const goods: readonly Goods[] = [
  { name: 'Wool throw blanket', hs: '6301.20', origin: 'NL', price: 79, kg: 1.3 },
  { name: 'Ceramic mug sage', hs: '6912.00', origin: 'PT', price: 12.5, kg: 0.4 },
  { name: 'Sneakers 42', hs: '6404.11', origin: 'VN', price: 89.95, kg: 0.9 },
  { name: 'Linen tea towel', hs: '6302.51', origin: 'LT', price: 9.95, kg: 0.12 },
  { name: 'Oak serving board', hs: '4419.19', origin: 'NL', price: 34.5, kg: 0.9 },
  { name: 'Soy candle amber 180g', hs: '3406.00', origin: 'NL', price: 14.95, kg: 0.35 },
];

const addresses: Record<CustomsCountry, V3Address> = {
  GB: {
    name: 'Oliver Hughes',
    address_line_1: 'Baker Street',
    house_number: '221',
    postal_code: 'NW1 6XE',
    city: 'London',
    country_code: 'GB',
    email: 'oliver.hughes@example.com',
    phone_number: '+447700900123',
  },
  CH: {
    name: 'Lara Meier',
    address_line_1: 'Bahnhofstrasse',
    house_number: '12',
    postal_code: '8001',
    city: 'Zürich',
    country_code: 'CH',
    email: 'lara.meier@example.com',
    phone_number: '+41791234567',
  },
  NO: {
    name: 'Ingrid Hansen',
    address_line_1: 'Karl Johans gate',
    house_number: '7',
    postal_code: '0154',
    city: 'Oslo',
    country_code: 'NO',
    email: 'ingrid.hansen@example.com',
    phone_number: '+4791234567',
  },
  US: {
    name: 'Emily Carter',
    address_line_1: 'Main Street',
    house_number: '350',
    postal_code: '10001',
    city: 'New York',
    country_code: 'US',
    email: 'emily.carter@example.com',
    phone_number: '+12125550123',
  },
};

/**
 * Which goods each customs order carries, and the item that lacks its HS code (1-based), if any.
 * The first four are complete, one to each country; the next two each miss one HS code.
 */
const plans: readonly { to: CustomsCountry; goods: readonly number[]; noHsCode?: number }[] = [
  { to: 'GB', goods: [0, 1] },
  { to: 'CH', goods: [2] },
  { to: 'NO', goods: [3, 4, 5] },
  { to: 'US', goods: [2, 1] },
  { to: 'GB', goods: [1, 2], noHsCode: 2 },
  { to: 'US', goods: [5, 0], noHsCode: 1 },
];

const CUSTOMS_OPTION = 'ups:standard';

/**
 * `count` customs orders (default: the six plans), numbered and id'd after `after` orders of the
 * account; past the six, the four complete ones again in turn. Their own random draws, so the
 * default seed is the same with them or without.
 */
export function customsOrders(
  identity: AccountIdentity,
  after: { count: number; lastId: number },
  now: number,
  seed: number,
  count = plans.length,
): V3Order[] {
  const random = createRandom(seed * 31 + 17);
  const planned = Array.from({ length: count }, (_, index) =>
    index < plans.length ? plans[index] : plans[index % 4],
  ).filter((plan) => plan !== undefined);
  return planned.map((plan, index) => {
    const placed = new Date(now - (count - index) * 7 * 60_000).toISOString();
    const items: V3OrderItem[] = plan.goods.map((goodsIndex, line) => {
      const product = goods[goodsIndex] ?? goods[0];
      if (!product) throw new Error('no goods');
      const quantity = line === 0 ? 1 : 2;
      const item: V3OrderItem = {
        item_id: String(800000 + index * 10 + line),
        product_id: String(92000 + goodsIndex),
        name: product.name,
        description: product.name,
        sku: `PD-X-${goodsIndex}`,
        quantity,
        unit_price: { value: product.price, currency: 'EUR' },
        total_price: { value: Math.round(product.price * quantity * 100) / 100, currency: 'EUR' },
        measurement: { weight: { value: product.kg, unit: 'kg' } },
        country_of_origin: product.origin,
      };
      if (plan.noHsCode !== line + 1) item.hs_code = product.hs;
      return item;
    });
    const subtotal = items.reduce((sum, item) => sum + item.total_price.value, 0);
    const weight = items.reduce(
      (sum, item) => sum + item.measurement.weight.value * item.quantity,
      0,
    );
    const to = { ...addresses[plan.to] };
    const hex = random.letters(32, '0123456789abcdef');
    return {
      id: String(after.lastId + index + 1),
      order_id: `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20)}`,
      order_number: `${identity.orderNumberPrefix}${identity.firstOrderNumber + after.count + index}`,
      created_at: placed,
      modified_at: placed,
      order_details: {
        integration: { id: identity.integrationId },
        status: { ...OPEN_STATUS },
        order_created_at: placed,
        order_updated_at: placed,
        order_items: items,
      },
      payment_details: {
        is_cash_on_delivery: false,
        total_price: { value: Math.round((subtotal + 14.95) * 100) / 100, currency: 'EUR' },
        subtotal_price: { value: Math.round(subtotal * 100) / 100, currency: 'EUR' },
        estimated_shipping_price: { value: 14.95, currency: 'EUR' },
        status: { code: 'paid', message: 'Paid' },
      },
      customer_details: {
        name: to.name,
        email: to.email ?? '',
        phone_number: to.phone_number ?? '',
      },
      billing_address: { ...to },
      shipping_address: to,
      shipping_details: {
        is_local_pickup: false,
        measurement: { weight: { value: Math.round((weight + 0.2) * 1000) / 1000, unit: 'kg' } },
        ship_with: {
          type: 'shipping_option_code',
          properties: {
            shipping_option_code: CUSTOMS_OPTION,
            contract_id: carrierForOption(CUSTOMS_OPTION)?.contractId ?? 1,
          },
        },
      },
    };
  });
}

/**
 * Why customs would not take the order as it stands, as Sendcloud answers it: one error per
 * missing field, each pointing at its item under `orderPointer` (the sync call's one order, or
 * the async call's order at its index). Empty inside the EU.
 */
export function customsProblems(
  order: V3Order,
  orderPointer = '/data/attributes/order',
): V3Error[] {
  if (!needsCustoms(order.shipping_address.country_code)) return [];
  const itemPointer = (index: number, field: string) =>
    `${orderPointer}/order_details/order_items/${index}/${field}`;
  const errors: V3Error[] = [];
  order.order_details.order_items.forEach((item, index) => {
    if (!item.hs_code) {
      errors.push(invalidField(itemPointer(index, 'hs_code'), 'Field required', 'required'));
    }
    if (!item.country_of_origin) {
      errors.push(
        invalidField(itemPointer(index, 'country_of_origin'), 'Field required', 'required'),
      );
    }
    if (!(item.measurement.weight.value > 0)) {
      errors.push(
        invalidField(
          itemPointer(index, 'measurement/weight/value'),
          'Input should be greater than 0',
        ),
      );
    }
    if (!(item.unit_price.value > 0)) {
      errors.push(
        invalidField(itemPointer(index, 'unit_price/value'), 'Input should be greater than 0'),
      );
    }
  });
  return errors;
}

/** A customs parcel's item as v3 shipments carry it (`parcel-item`: hs_code, weight, price…). */
export interface ParcelItem {
  item_id: string;
  description: string;
  quantity: number;
  weight: { value: number; unit: 'kg' };
  price: { value: string; currency: string };
  hs_code?: string;
  origin_country?: string;
  sku: string;
  product_id: string;
}

export function parcelItemOf(item: V3OrderItem, quantity = item.quantity): ParcelItem {
  return {
    item_id: item.item_id,
    description: item.description ?? item.name,
    quantity,
    weight: { value: item.measurement.weight.value, unit: 'kg' },
    price: { value: item.unit_price.value.toFixed(2), currency: item.unit_price.currency },
    // Required in a shipment's parcel items (v3-shipments.yaml); empty inside the EU.
    hs_code: item.hs_code ?? '',
    ...(item.country_of_origin ? { origin_country: item.country_of_origin } : {}),
    sku: item.sku,
    product_id: item.product_id,
  };
}

/** The parcel's customs document, rendered once and byte-identical afterwards. */
export async function customsDocumentBytes(
  shipment: ShipmentRecord,
  parcel: ParcelRecord,
  type: CustomsDocument,
): Promise<Buffer> {
  const cached = parcel.documents.get(type);
  if (cached) return cached;
  const bytes = await renderCustomsDocument(shipment, parcel, type);
  parcel.documents.set(type, bytes);
  return bytes;
}

const A4: [number, number] = [595.28, 841.89];

async function renderCustomsDocument(
  shipment: ShipmentRecord,
  parcel: ParcelRecord,
  type: CustomsDocument,
): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const title = type === 'air-waybill' ? 'Air waybill' : 'CN23 Customs declaration';
  doc.setTitle(`${title} ${parcel.trackingNumber}`);
  doc.setProducer('Packdesk simulator');
  doc.setCreator('Packdesk simulator');
  doc.setCreationDate(new Date(parcel.createdAt));
  doc.setModificationDate(new Date(parcel.createdAt));
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const page = doc.addPage(A4);
  let y = A4[1] - 60;
  const line = (text: string, size = 10, font = regular) => {
    page.drawText(text, { x: 50, y, size, font });
    y -= size + 8;
  };
  line(title, 18, bold);
  line(`Order ${shipment.orderNumber}   Tracking ${parcel.trackingNumber}`, 11, bold);
  line(`From: ${shipment.from.name}, ${shipment.from.city}, ${shipment.from.country_code}`);
  line(`To: ${shipment.to.name}, ${shipment.to.city}, ${shipment.to.country_code}`);
  line(`Gross weight: ${parcel.weightKg.toFixed(3)} kg`);
  y -= 10;
  line('Qty  Description  HS code  Origin  Weight  Value', 10, bold);
  for (const raw of parcel.items) {
    const item = raw as Partial<ParcelItem>;
    line(
      [
        String(item.quantity ?? ''),
        item.description ?? '',
        item.hs_code ?? '',
        item.origin_country ?? '',
        `${item.weight?.value ?? ''} kg`,
        `${item.price?.value ?? ''} ${item.price?.currency ?? ''}`,
      ].join('  '),
    );
  }
  return Buffer.from(await doc.save());
}
