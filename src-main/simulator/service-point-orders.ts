// Service-point orders, seeded after an account's default orders when `servicePoints` is on:
// a customer in Utrecht or Amsterdam who picks their parcel up at a PostNL point. One names an
// open point, one a point closed for good, one a point Sendcloud does not know.
import { carrierForOption } from './carriers';
import { OPEN_STATUS, type AccountIdentity } from './seed';
import { CLOSED_POINT_IDS, UNKNOWN_POINT_ID } from './service-point-catalogue';
import type { V3Address, V3Order } from './wire';

export const SERVICE_POINT_OPTION = 'postnl:pakjegemak';

interface Customer {
  name: string;
  street: string;
  houseNumber: string;
  postal: string;
  city: string;
  pointId: number;
}

const customers: readonly Customer[] = [
  {
    name: 'Femke Jansen',
    street: 'Lange Viestraat',
    houseNumber: '4',
    postal: '3511 BK',
    city: 'Utrecht',
    pointId: 1_000_000,
  },
  {
    name: 'Daan Visser',
    street: 'Nieuwendijk',
    houseNumber: '120',
    postal: '1012 MR',
    city: 'Amsterdam',
    pointId: CLOSED_POINT_IDS[0] ?? 1_000_100,
  },
  {
    name: 'Lotte de Boer',
    street: 'Voorstraat',
    houseNumber: '31',
    postal: '3512 AK',
    city: 'Utrecht',
    pointId: UNKNOWN_POINT_ID,
  },
];

/** The order numbers of the service-point orders: open point, closed point, unknown point. */
export function servicePointOrderNumbers(identity: Pick<AccountIdentity, 'orderNumberPrefix'>) {
  return customers.map((_, index) => `${identity.orderNumberPrefix}SP${index + 1}`);
}

/** The account's service-point orders, placed an hour before `now`. */
export function servicePointOrders(identity: AccountIdentity, now: number): V3Order[] {
  const placed = new Date(now - 60 * 60_000).toISOString();
  const numbers = servicePointOrderNumbers(identity);
  return customers.map((customer, index): V3Order => {
    const address: V3Address = {
      name: customer.name,
      address_line_1: customer.street,
      house_number: customer.houseNumber,
      postal_code: customer.postal,
      city: customer.city,
      country_code: 'NL',
      email: `${customer.name.split(' ')[0]?.toLowerCase() ?? 'klant'}@example.com`,
      phone_number: `+3161234567${index}`,
    };
    const price = { value: 24.95, currency: 'EUR' as const };
    return {
      // Far above the default orders' ids, so appending these never renumbers those.
      id: String(identity.firstOrderId + 800_000 + index),
      order_id: `sp-${identity.integrationId}-${index + 1}`,
      order_number: numbers[index] ?? '',
      created_at: placed,
      modified_at: placed,
      order_details: {
        integration: { id: identity.integrationId },
        status: { ...OPEN_STATUS },
        order_created_at: placed,
        order_updated_at: placed,
        order_items: [
          {
            item_id: String(790_000 + index),
            product_id: '91999',
            name: 'Linen tea towel',
            sku: 'LTT-01',
            quantity: 1,
            unit_price: price,
            total_price: price,
            measurement: { weight: { value: 0.4, unit: 'kg' } },
          },
        ],
      },
      payment_details: {
        is_cash_on_delivery: false,
        total_price: price,
        subtotal_price: price,
        estimated_shipping_price: { value: 0, currency: 'EUR' },
        status: { code: 'paid', message: 'Paid' },
      },
      customer_details: {
        name: customer.name,
        email: address.email ?? '',
        phone_number: address.phone_number ?? '',
      },
      billing_address: { ...address },
      shipping_address: address,
      shipping_details: {
        is_local_pickup: false,
        measurement: { weight: { value: 0.55, unit: 'kg' } },
        ship_with: {
          type: 'shipping_option_code',
          properties: {
            shipping_option_code: SERVICE_POINT_OPTION,
            contract_id: carrierForOption(SERVICE_POINT_OPTION)?.contractId ?? 517,
          },
        },
      },
      service_point_details: { id: String(customer.pointId) },
    };
  });
}
