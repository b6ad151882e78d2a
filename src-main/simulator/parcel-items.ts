// A multicollo request names each box's items by the order's item id and a quantity; the
// shipment Sendcloud answers with describes them in full, as the v3 shipments spec requires
// (`parcel-item`: description, weight, price and hs_code), taken from the order's own items.
import { isRecord, int, str } from './http';
import type { V3Order } from './wire';

export function parcelItemsOf(order: V3Order, requested: unknown): unknown[] {
  if (!Array.isArray(requested)) return [];
  return requested.flatMap((raw: unknown) => {
    const asked = isRecord(raw) ? raw : {};
    const item = order.order_details.order_items.find((i) => i.item_id === str(asked.item_id));
    if (!item) return [];
    // Customs fields where the order carries them (items outside the EU); none inside it.
    const extra = item as { hs_code?: string; origin_country?: string };
    return [
      {
        item_id: item.item_id,
        description: item.name,
        quantity: int(asked.quantity) ?? 1,
        weight: item.measurement.weight,
        price: { value: item.unit_price.value.toFixed(2), currency: item.unit_price.currency },
        hs_code: extra.hs_code ?? '',
        ...(extra.origin_country ? { origin_country: extra.origin_country } : {}),
        sku: item.sku,
        product_id: item.product_id,
      },
    ];
  });
}
