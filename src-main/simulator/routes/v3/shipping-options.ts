// v3 shipping options: what the account can ship from NL by destination and weight, with prices
// when `calculate_quotes` is set.
import {
  carrierByCode,
  FUEL_SURCHARGE,
  labelCost,
  priceFor,
  shippingProducts,
  type ShippingProduct,
} from '../../carriers';
import { isRecord, json, str, v3Fail, type Route, type RouteContext } from '../../http';
import { kilograms } from './shipments';

const money = (value: number) => ({ value: value.toFixed(2), currency: 'EUR' });
const kg = (value: number) => ({ value: value.toFixed(3), unit: 'kg' });
const fuelLabel = `Fuel surcharge (${(FUEL_SURCHARGE * 100).toFixed(2)}%)`;

function option(
  ctx: RouteContext,
  product: ShippingProduct,
  to: string | null,
  weights: number[],
  quotes: boolean,
) {
  const carrier = carrierByCode(product.carrier);
  const contract = ctx.account.data.contracts.find((c) => c.carrier.code === product.carrier);
  const quote = () => {
    // Options are filtered to those that carry every parcel, so a cost is there whenever `to` is.
    const cost = to ? labelCost(product, to, weights) : null;
    if (!cost) return null;
    return [
      {
        weight: { min: kg(product.minKg), max: kg(product.maxKg) },
        price: {
          breakdown: [
            { type: 'price_without_insurance', label: 'Label', price: money(cost.label) },
            { type: 'fuel', label: fuelLabel, price: money(cost.fuel) },
          ],
          total: money(cost.total),
        },
        lead_time: product.leadTimeHours,
      },
    ];
  };
  return {
    code: product.code,
    name: product.name,
    carrier: { code: product.carrier, name: carrier?.name ?? product.carrier },
    product: { code: product.code, name: product.name },
    functionalities: {
      b2b: true,
      b2c: true,
      tracked: product.lastMile !== 'mailbox',
      signature: false,
      last_mile: product.lastMile,
      first_mile: 'pickup_dropoff',
      multicollo: product.lastMile !== 'mailbox',
      form_factor: product.lastMile === 'mailbox' ? 'letter' : 'parcel',
      service_area: to === 'NL' ? 'domestic' : 'international',
    },
    // Sendcloud's own products stand on no contract of the account: its own rates.
    contract: {
      id: contract?.id ?? carrier?.contractId ?? 0,
      client_id: contract?.client_id ?? product.carrier,
      carrier_code: product.carrier,
      name: `${carrier?.name ?? product.carrier} (Packdesk)`,
    },
    weight: { min: kg(product.minKg), max: kg(product.maxKg) },
    max_dimensions: { length: '175.00', width: '78.00', height: '58.00', unit: 'cm' },
    parcel_billed_weights: weights.map((w, index) => ({
      unit: 'kg',
      value: Math.max(1, Math.ceil(w)).toFixed(3),
      volumetric: false,
      calculation: null,
      parcel_number: index + 1,
    })),
    requirements: { fields: [], export_documents: false, is_service_point_required: false },
    charging_type: 'label_creation',
    quotes: quotes ? quote() : null,
  };
}

function shippingOptions(ctx: RouteContext) {
  const body = isRecord(ctx.body) ? ctx.body : {};
  const from = str(body.from_country_code) ?? 'NL';
  const to = str(body.to_country_code) ?? null;
  const parcels = Array.isArray(body.parcels) ? body.parcels : null;
  if (parcels !== null && parcels.length === 0) {
    throw v3Fail(400, {
      status: '400',
      code: 'invalid',
      detail: 'At least one parcel must be provided.',
    });
  }
  const weights = (parcels ?? []).map((parcel) =>
    isRecord(parcel) ? (kilograms(parcel.weight) ?? 0) : 0,
  );
  const contractId = body.contract_id;
  if (
    contractId !== undefined &&
    contractId !== null &&
    !ctx.account.data.contracts.some((c) => c.id === contractId)
  ) {
    throw v3Fail(400, { status: '400', code: 'invalid', detail: 'Invalid contract.' });
  }
  const carrierCode = str(body.carrier_code);
  const optionCode = str(body.shipping_option_code);
  const productCode = str(body.shipping_product_code);
  const lastMile = isRecord(body.functionalities) ? str(body.functionalities.last_mile) : undefined;
  const contractCarrier = ctx.account.data.contracts.find((c) => c.id === contractId)?.carrier.code;
  // The demo account ships from its NL warehouses only.
  const sendable = from === 'NL' ? shippingProducts : [];
  const options = sendable
    .filter((product) => !carrierCode || product.carrier === carrierCode)
    .filter((product) => !contractCarrier || product.carrier === contractCarrier)
    .filter((product) => !optionCode || product.code === optionCode)
    .filter((product) => !productCode || product.code === productCode)
    .filter((product) => !lastMile || product.lastMile === lastMile)
    .filter(
      (product) =>
        !to ||
        (weights.every((w) => priceFor(product, to, w) !== null) &&
          priceFor(product, to, product.minKg) !== null),
    )
    .map((product) =>
      option(
        ctx,
        product,
        to,
        weights.length > 0 ? weights : [product.minKg],
        body.calculate_quotes === true,
      ),
    );
  return json(200, {
    data: options,
    message:
      options.length > 0
        ? null
        : "We couldn't find any shipping options for this request. Make sure your account has active shipping options that match the selected filters.",
  });
}

export const shippingOptionRoutes: Route[] = [
  { method: 'POST', path: '/shipping-options', handle: shippingOptions },
];
