// What a parcel needs before its label is asked for: a known weight (never 0), and outside the EU
// the customs facts of every item. Pure and in memory: an order that cannot pass is refused before
// any call to Sendcloud, naming the item and the field; Sendcloud's own refusal, pointing into
// the order's items, is told the same way.
import { msg, type Message } from '../../src-shared';
import { AppError } from '../errors';
import { SendcloudError } from '../sendcloud/errors';
import type { Order, OrderItem } from '../sendcloud/schemas';

/** Destinations whose parcels need customs documents: outside the EU's customs union. */
const CUSTOMS_COUNTRIES: ReadonlySet<string> = new Set(['GB', 'CH', 'NO', 'US']);

export function needsCustoms(countryCode: string | null | undefined): boolean {
  return countryCode ? CUSTOMS_COUNTRIES.has(countryCode.toUpperCase()) : false;
}

export type CustomsField = 'description' | 'quantity' | 'weight' | 'value' | 'hsCode' | 'origin';

/** One missing fact: which item (1-based, as a packer counts) and what it lacks. */
export interface CustomsProblem {
  item: number;
  name: string;
  field: CustomsField;
}

const messageKeys = {
  description: 'customs.item.noDescription',
  quantity: 'customs.item.noQuantity',
  weight: 'customs.item.noWeight',
  value: 'customs.item.noValue',
  hsCode: 'customs.item.noHsCode',
  origin: 'customs.item.noOrigin',
} as const satisfies Record<CustomsField, string>;

/** Sendcloud's fields of an order item, as its error pointers name them. */
const fieldsOfPointer: Record<string, CustomsField> = {
  name: 'description',
  description: 'description',
  quantity: 'quantity',
  measurement: 'weight',
  unit_price: 'value',
  hs_code: 'hsCode',
  country_of_origin: 'origin',
};

const text = (value: unknown): string =>
  typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '';

const positive = (value: unknown): number | null => {
  const number = typeof value === 'string' ? Number(value) : value;
  return typeof number === 'number' && Number.isFinite(number) && number > 0 ? number : null;
};

/** An item's weight in kg, or null when the order does not give it. */
function itemKg(item: OrderItem): number | null {
  return kgOf(item.measurement?.weight);
}

/** A weight in kg from any unit the spec allows (kg, g, lbs, oz); null when none is given. */
function kgOf(weight: { value?: unknown; unit?: string | null } | null | undefined): number | null {
  const value = positive(weight?.value);
  if (value === null) return null;
  switch (weight?.unit) {
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

/**
 * The parcel's weight in kg: the order's own, else its items' where every item gives one; null
 * when nothing says, so the label is refused rather than made for 0 kg.
 */
export function parcelWeightKg(order: Order): number | null {
  const own = kgOf(order.shipping_details?.measurement?.weight);
  if (own !== null) return own;
  const items = order.order_details.order_items;
  if (items.length === 0) return null;
  let total = 0;
  for (const item of items) {
    const kg = itemKg(item);
    if (kg === null) return null;
    total += kg * Math.max(1, item.quantity);
  }
  return Math.round(total * 1000) / 1000;
}

/** What each item of an order to outside the EU lacks for customs; empty when nothing does. */
export function customsProblems(order: Order): CustomsProblem[] {
  if (!needsCustoms(order.shipping_address?.country_code)) return [];
  const problems: CustomsProblem[] = [];
  order.order_details.order_items.forEach((item, index) => {
    const loose = item as OrderItem & Record<string, unknown>;
    const name = text(loose.description) || text(item.name);
    const lacks = (field: CustomsField) => problems.push({ item: index + 1, name, field });
    if (!name) lacks('description');
    if (!(item.quantity > 0)) lacks('quantity');
    if (itemKg(item) === null) lacks('weight');
    if (positive(item.unit_price?.value) === null) lacks('value');
    if (!/^\d{4,}/.test(text(loose.hs_code).replace(/[.\s]/g, ''))) lacks('hsCode');
    if (!/^[A-Za-z]{2}$/.test(text(loose.country_of_origin))) lacks('origin');
  });
  return problems;
}

/** "Item 2, Sneakers 42: no HS code": the first problem; the packer fixes them one by one. */
export function problemMessage(problem: CustomsProblem): Message {
  return msg(messageKeys[problem.field], { item: problem.item, name: problem.name });
}

function refusal(said: Message, log: string, cause?: unknown): AppError {
  return new AppError('invalid-input', said, { log, ...(cause ? { cause } : {}) });
}

/**
 * Why this order must not be sent as it stands, or null: no known weight, or customs facts
 * missing. Checked before any call to Sendcloud.
 */
export function labelRefusal(order: Order): AppError | null {
  if (parcelWeightKg(order) === null) {
    return refusal(
      msg('customs.parcel.noWeight', { order: order.order_number }),
      `Order ${order.order_number} has no weight, on the order or on every item.`,
    );
  }
  const [first] = customsProblems(order);
  if (!first) return null;
  return refusal(
    problemMessage(first),
    `Order ${order.order_number} cannot pass customs: item ${first.item} has no ${first.field}.`,
  );
}

/** `/data/attributes/order/order_details/order_items/1/hs_code` → item 2, HS code. */
function problemOfPointer(order: Order, pointer: string): CustomsProblem | null {
  const match = /order_items\/\[?(\d+)\]?\/([a-z_]+)/.exec(pointer);
  const index = Number(match?.[1]);
  const field = fieldsOfPointer[match?.[2] ?? ''];
  const item = order.order_details.order_items[index];
  if (!match || !field || !item) return null;
  const loose = item as OrderItem & Record<string, unknown>;
  return { item: index + 1, name: text(loose.description) || text(item.name), field };
}

/**
 * What an error pointer into the order's items says is missing, as the pre-check says it; null
 * when it names no item field. Sendcloud's batch answers point into the order at its index.
 */
export function customsProblemAt(order: Order, pointer: string): Message | null {
  const problem = problemOfPointer(order, pointer);
  return problem ? problemMessage(problem) : null;
}

/**
 * Sendcloud's validation answer told like the station's own pre-check, when its pointers name
 * an order item; anything else is passed on as it came.
 */
export function asCustomsRefusal(order: Order | null, error: unknown): unknown {
  if (!order || !(error instanceof SendcloudError) || error.kind !== 'validation') return error;
  const problems = error.details
    .map((detail) => (detail.pointer ? problemOfPointer(order, detail.pointer) : null))
    .filter((problem): problem is CustomsProblem => problem !== null);
  const [first] = problems;
  if (!first) return error;
  return refusal(
    problemMessage(first),
    `Sendcloud refused order ${order.order_number}: item ${first.item} has no ${first.field}.`,
    error,
  );
}
