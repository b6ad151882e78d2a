// Orders for the routing rules' tests, seeded only when a test asks (`routingOrders`), after the
// default orders, so the default seed is unchanged: one each to the Netherlands, Belgium,
// Germany and France, a heavy one to the Netherlands, and one to Great Britain. They ship with
// DPD Home of their own, an option no rule of the tests names, so a rule's choice shows.
import type { V3Address, V3Order } from './wire';

interface RoutingOrderSpec {
  suffix: number;
  to: Omit<V3Address, 'name' | 'email' | 'phone_number'>;
  kg: number;
  tags: string[];
}

const specs: readonly RoutingOrderSpec[] = [
  {
    suffix: 90001,
    to: { address_line_1: 'Keizersgracht', house_number: '112', postal_code: '1015 CW', city: 'Amsterdam', country_code: 'NL' },
    kg: 2.4,
    tags: ['fragile'],
  },
  {
    suffix: 90002,
    to: { address_line_1: 'Meir', house_number: '48', postal_code: '2000', city: 'Antwerpen', country_code: 'BE' },
    kg: 1.8,
    tags: [],
  },
  {
    suffix: 90003,
    to: { address_line_1: 'Torstraße', house_number: '9', postal_code: '10119', city: 'Berlin', country_code: 'DE' },
    kg: 3.1,
    tags: [],
  },
  {
    suffix: 90004,
    to: { address_line_1: 'Oudegracht', house_number: '230', postal_code: '3511 NT', city: 'Utrecht', country_code: 'NL' },
    kg: 24.5,
    tags: [],
  },
  {
    suffix: 90005,
    to: { address_line_1: 'Baker Street', house_number: '221B', postal_code: 'NW1 6XE', city: 'London', country_code: 'GB' },
    kg: 1.2,
    tags: [],
  },
  {
    suffix: 90006,
    to: { address_line_1: 'Rue de Rivoli', house_number: '75', postal_code: '75001', city: 'Paris', country_code: 'FR' },
    kg: 2,
    tags: [],
  },
]; // prettier-ignore

/** The routing orders, built on a seeded order (its customer, items and prices) with new ids. */
export function routingOrders(template: V3Order, prefix: string, firstId: number): V3Order[] {
  return specs.map((spec, index) => {
    const order = structuredClone(template);
    const id = String(firstId + index);
    order.id = id;
    order.order_id = `R${id}`;
    order.order_number = `${prefix}${spec.suffix}`;
    const to: V3Address = { ...template.shipping_address, ...spec.to };
    order.shipping_address = to;
    order.billing_address = { ...to };
    order.shipping_details.measurement.weight.value = spec.kg;
    order.shipping_details.ship_with.properties = {
      shipping_option_code: 'dpd:home',
      contract_id: 734,
    };
    // Tags are an order detail the spec has and the default seed leaves out.
    Object.assign(order.order_details, { tags: spec.tags });
    return order;
  });
}
