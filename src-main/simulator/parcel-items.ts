// A multicollo request names each box's items by the order's item id and a quantity; the
// shipment Sendcloud answers with describes them in full, as the v3 shipments spec requires
// (`parcel-item`: description, weight, price and hs_code), taken from the order's own items.
import { parcelItemOf } from './customs';
import { isRecord, int, str } from './http';
import type { V3Order } from './wire';

export function parcelItemsOf(order: V3Order, requested: unknown): unknown[] {
  if (!Array.isArray(requested)) return [];
  return requested.flatMap((raw: unknown) => {
    const asked = isRecord(raw) ? raw : {};
    const item = order.order_details.order_items.find((i) => i.item_id === str(asked.item_id));
    return item ? [parcelItemOf(item, int(asked.quantity) ?? 1)] : [];
  });
}
