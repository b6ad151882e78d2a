// v2 account data: shipping methods with prices per country, sender addresses, integrations and
// brands (the Brands API exists in v2 only; v3 labels name a brand by the id it gives).
import {
  countryInfo,
  countries,
  priceFor,
  shippingProducts,
  type ShippingProduct,
} from '../../carriers';
import { json, v2Fail, type Route, type RouteContext } from '../../http';
import type { SenderAddress, V3Integration } from '../../wire';

function method(product: ShippingProduct, toCountry: string | null) {
  return {
    id: product.methodId,
    name: product.name,
    carrier: product.carrier,
    min_weight: product.minKg.toFixed(3),
    max_weight: (product.maxKg + 0.001).toFixed(3),
    service_point_input: 'none',
    price: 0,
    countries: countries
      .filter((country) => toCountry === null || country === toCountry)
      .flatMap((country, index) => {
        const price = priceFor(product, country, product.minKg);
        if (price === null) return [];
        return [
          {
            id: index + 1,
            name: countryInfo[country].name,
            price,
            iso_2: country,
            iso_3: countryInfo[country].iso3,
            lead_time_hours: product.leadTimeHours,
            price_breakdown: [{ type: 'price_without_insurance', label: 'Label', value: price }],
          },
        ];
      }),
  };
}

function listMethods(ctx: RouteContext) {
  const to = ctx.query.get('to_country');
  const methods = shippingProducts
    .map((product) => method(product, to))
    .filter((m) => m.countries.length > 0);
  return json(200, { next: null, previous: null, shipping_methods: methods });
}

function getMethod(ctx: RouteContext) {
  const product = shippingProducts.find((p) => String(p.methodId) === ctx.params.id);
  if (!product) throw v2Fail(ctx, 404, 'Not found.');
  return json(200, { shipping_method: method(product, ctx.query.get('to_country')) });
}

function v2Sender(address: SenderAddress) {
  return {
    id: address.id,
    company_name: address.company_name ?? '',
    contact_name: address.name,
    email: address.email ?? '',
    telephone: address.phone_number ?? '',
    street: address.address_line_1,
    house_number: address.house_number,
    postal_box: '',
    postal_code: address.postal_code,
    city: address.city,
    country: address.country_code,
    country_state: null,
    vat_number: '',
    eori_number: '',
    label: address.city,
    signature_full_name: address.name,
    signature_initials: address.name
      .split(/\s+/)
      .map((w) => w[0] ?? '')
      .join(''),
  };
}

function getSender(ctx: RouteContext) {
  const address = ctx.account.data.senderAddresses.find((a) => String(a.id) === ctx.params.id);
  if (!address) throw v2Fail(ctx, 404, 'No sender address matches the given query.');
  return json(200, { sender_address: v2Sender(address) });
}

function v2Integration(integration: V3Integration) {
  return {
    id: integration.id,
    shop_name: integration.shop_name,
    shop_url: integration.shop_url,
    system: integration.type,
    failing_since: integration.started_failing_at,
    last_fetch: integration.last_fetched_at,
    last_updated_at: integration.updated_at,
    service_point_enabled: integration.service_point_enabled,
    service_point_carriers: integration.service_point_carriers,
    webhook_active: integration.webhook_active,
    webhook_url: integration.webhook_url,
  };
}

function getBrand(ctx: RouteContext) {
  const brand = ctx.account.data.brands.find((b) => String(b.id) === ctx.params.id);
  if (!brand) throw v2Fail(ctx, 404, 'No Brand matches the given query.');
  // Unlike the other v2 single reads, the brand comes bare, not under a `brand` key.
  return json(200, brand);
}

export const v2AccountRoutes: Route[] = [
  { method: 'GET', path: '/shipping_methods', handle: listMethods },
  { method: 'GET', path: '/shipping_methods/{id}', handle: getMethod },
  {
    method: 'GET',
    path: '/user/addresses/sender',
    handle: (ctx) =>
      json(200, { sender_addresses: ctx.account.data.senderAddresses.map(v2Sender) }),
  },
  { method: 'GET', path: '/user/addresses/sender/{id}', handle: getSender },
  {
    method: 'GET',
    path: '/integrations',
    handle: (ctx) => json(200, ctx.account.data.integrations.map(v2Integration)),
  },
  // One page holds them all: an account has a handful of brands at most.
  {
    method: 'GET',
    path: '/brands',
    handle: (ctx) => json(200, { next: null, previous: null, brands: ctx.account.data.brands }),
  },
  { method: 'GET', path: '/brands/{id}', handle: getBrand },
];
