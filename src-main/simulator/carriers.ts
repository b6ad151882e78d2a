// The carriers the simulator ships with: shipping option codes per destination, and tracking
// numbers and tracking URLs in each carrier's real format.
import type { Random } from './prng';
import { servicePointProducts } from './service-point-catalogue';

export type Country = 'NL' | 'BE' | 'DE' | 'FR';
export const countries: readonly Country[] = ['NL', 'BE', 'DE', 'FR'];
/** Outside the EU: only the opt-in customs orders go there, and only UPS takes them. */
export type CustomsCountry = 'GB' | 'CH' | 'NO' | 'US';
export const customsCountries: readonly CustomsCountry[] = ['GB', 'CH', 'NO', 'US'];

export interface Carrier {
  code: string;
  name: string;
  contractId: number;
  /** False for a carrier that makes PDF labels only (here: Colissimo, to exercise PDF → ZPL). */
  nativeZpl?: false;
  /** False for Sendcloud's own products: no carrier contract of the account's stands behind them. */
  directContract?: false;
  trackingNumber(random: Random): string;
  trackingUrl(trackingNumber: string, country: string, postalCode: string): string;
}

const carrierList: Carrier[] = [
  {
    code: 'postnl',
    name: 'PostNL',
    contractId: 517,
    // 3S + four-letter customer code + serial.
    trackingNumber: (random) => `3S${random.letters(4)}${random.digits(7)}`,
    trackingUrl: (tn, country, postalCode) =>
      `https://jouw.postnl.nl/track-and-trace/${tn}-${country}-${postalCode.replace(/\s+/g, '')}`,
  },
  {
    code: 'dhl',
    name: 'DHL',
    contractId: 621,
    // DHL Paket international piece number: JJD + 18 digits.
    trackingNumber: (random) => `JJD${random.digits(18)}`,
    trackingUrl: (tn, country) =>
      `https://www.dhl.com/${country.toLowerCase()}-en/home/tracking/tracking-parcel.html?submit=1&tracking-id=${tn}`,
  },
  {
    code: 'dpd',
    name: 'DPD',
    contractId: 734,
    // 14-digit parcel number starting with the depot prefix.
    trackingNumber: (random) => `05${random.digits(12)}`,
    trackingUrl: (tn) => `https://tracking.dpd.de/status/en_US/parcel/${tn}`,
  },
  {
    code: 'ups',
    name: 'UPS',
    contractId: 845,
    trackingNumber: upsTrackingNumber,
    trackingUrl: (tn, country) => `https://www.ups.com/track?loc=en_${country}&tracknum=${tn}`,
  },
  {
    code: 'colissimo',
    name: 'Colissimo',
    contractId: 956,
    nativeZpl: false,
    trackingNumber: (random) => `6A${random.digits(11)}`,
    trackingUrl: (tn) => `https://www.laposte.fr/outils/suivre-vos-envois?code=${tn}`,
  },
  {
    code: 'bpost',
    name: 'bpost',
    contractId: 1067,
    trackingNumber: (random) => `3232${random.digits(20)}`,
    trackingUrl: (tn) => `https://track.bpost.cloud/btr/web/#/search?itemCode=${tn}&lang=en`,
  },
  {
    // Sendcloud itself, for the unstamped letter: a test label that nobody pays for or ships.
    code: 'sendcloud',
    name: 'Sendcloud',
    contractId: 1,
    directContract: false,
    trackingNumber: (random) => `SCUL${random.digits(12)}`,
    trackingUrl: (tn, country, postalCode) =>
      `https://tracking.eu-central-1-0.sendcloud.sc/forward?carrier=sendcloud&code=${tn}&destination=${country}&lang=en&source=NL&type=letter&verification=${postalCode.replace(/\s+/g, '')}`,
  },
];

const carriersByCode = new Map(carrierList.map((carrier) => [carrier.code, carrier]));

/** Shipping option codes per destination; repeats weight the draw toward the usual carrier. */
export const shippingOptionsByCountry: Record<Country, readonly string[]> = {
  NL: [
    'postnl:standard',
    'postnl:standard',
    'postnl:standard',
    'dhl:parcel',
    'dhl:parcel',
    'dpd:home',
    'ups:standard',
  ],
  BE: [
    'bpost:standard',
    'bpost:standard',
    'bpost:standard',
    'postnl:standard',
    'dpd:home',
    'dpd:home',
  ],
  DE: ['dhl:parcel', 'dhl:parcel', 'dhl:parcel', 'dpd:home', 'dpd:home', 'ups:standard'],
  FR: ['colissimo:home', 'colissimo:home', 'colissimo:home', 'ups:standard', 'dpd:home'],
};

/** The carrier of a shipping option code such as `postnl:standard/insured=3000`. */
export function carrierForOption(shippingOptionCode: string): Carrier | undefined {
  const product = productForOption(shippingOptionCode);
  return carriersByCode.get(product?.carrier ?? shippingOptionCode.split(':')[0] ?? '');
}

/** `dpd:home` -> `Home`: the service line printed on the label. */
export function serviceName(shippingOptionCode: string): string {
  const product = shippingOptionCode.split(':')[1]?.split('/')[0] ?? '';
  return product ? product.charAt(0).toUpperCase() + product.slice(1) : 'Standard';
}

/** 1Z + shipper number + service code + package number + check digit. */
function upsTrackingNumber(random: Random): string {
  const body = `${random.letters(6, 'ABCDEFGHJKLMNPRSTUVWXY0123456789')}11${random.digits(7)}`;
  return `1Z${body}${upsCheckDigit(body)}`;
}

/** UPS's mod-10 check digit over the 15 characters after `1Z`; letters count as (code - 63) % 10. */
export function upsCheckDigit(body: string): number {
  let sum = 0;
  [...body].forEach((char, index) => {
    const value = /\d/.test(char) ? Number(char) : (char.charCodeAt(0) - 63) % 10;
    sum += index % 2 === 1 ? value * 2 : value;
  });
  return (10 - (sum % 10)) % 10;
}

export function carrierByCode(code: string): Carrier | undefined {
  return carriersByCode.get(code);
}

export const allCarriers: readonly Carrier[] = carrierList;

export const countryInfo: Record<Country, { iso3: string; name: string }> = {
  NL: { iso3: 'NLD', name: 'Netherlands' },
  BE: { iso3: 'BEL', name: 'Belgium' },
  DE: { iso3: 'DEU', name: 'Germany' },
  FR: { iso3: 'FRA', name: 'France' },
};

export function isCountry(code: string): code is Country {
  return (countries as readonly string[]).includes(code);
}

/**
 * A shipping product the demo account can buy: the v3 shipping option code, the v2 shipping
 * method id for the same thing, where it goes and what it costs (EUR, from NL).
 */
export interface ShippingProduct {
  code: string;
  name: string;
  carrier: string;
  /** v2 `shipment.id`. */
  methodId: number;
  minKg: number;
  maxKg: number;
  /** Destination to base price; absent countries are not served. */
  prices: Partial<Record<Country | CustomsCountry, number>>;
  /** Added per started kilogram above the first. */
  perKg: number;
  leadTimeHours: number;
  lastMile: 'home_delivery' | 'service_point' | 'mailbox';
  /** Printed large on the label, for products whose labels must never pass for real ones. */
  labelNotice?: string;
}

export const shippingProducts: readonly ShippingProduct[] = [
  {
    code: 'postnl:standard',
    name: 'PostNL Standard',
    carrier: 'postnl',
    methodId: 1001,
    minKg: 0.001,
    maxKg: 23,
    prices: { NL: 5.45, BE: 8.95 },
    perKg: 0.15,
    leadTimeHours: 24,
    lastMile: 'home_delivery',
  },
  {
    code: 'dhl:parcel',
    name: 'DHL Parcel',
    carrier: 'dhl',
    methodId: 1101,
    minKg: 0.001,
    maxKg: 31.5,
    prices: { NL: 5.95, DE: 7.95 },
    perKg: 0.2,
    leadTimeHours: 24,
    lastMile: 'home_delivery',
  },
  {
    code: 'dpd:home',
    name: 'DPD Home',
    carrier: 'dpd',
    methodId: 1201,
    minKg: 0.001,
    maxKg: 31.5,
    prices: { NL: 6.25, BE: 7.45, DE: 7.25, FR: 9.75 },
    perKg: 0.25,
    leadTimeHours: 48,
    lastMile: 'home_delivery',
  },
  {
    code: 'ups:standard',
    name: 'UPS Standard',
    carrier: 'ups',
    methodId: 1301,
    minKg: 0.001,
    maxKg: 70,
    prices: { NL: 8.5, DE: 10.5, FR: 12.25, GB: 18.5, CH: 21.75, NO: 23.5, US: 34.95 },
    perKg: 0.4,
    leadTimeHours: 48,
    lastMile: 'home_delivery',
  },
  {
    code: 'colissimo:home',
    name: 'Colissimo Home',
    carrier: 'colissimo',
    methodId: 1401,
    minKg: 0.001,
    maxKg: 30,
    prices: { FR: 9.95 },
    perKg: 0.3,
    leadTimeHours: 72,
    lastMile: 'home_delivery',
  },
  {
    code: 'bpost:standard',
    name: 'bpost Standard',
    carrier: 'bpost',
    methodId: 1501,
    minKg: 0.001,
    maxKg: 30,
    prices: { BE: 7.25 },
    perKg: 0.2,
    leadTimeHours: 24,
    lastMile: 'home_delivery',
  },
  // Sendcloud's free test method (id 8 in the guide, carrier `sendcloud`, up to 1000 kg in the v2
  // shipping-methods example): a real label for any order that costs nothing and ships nothing.
  {
    code: 'sendcloud:letter',
    name: 'Unstamped letter',
    carrier: 'sendcloud',
    methodId: 8,
    minKg: 0.001,
    maxKg: 1000,
    prices: { NL: 0, BE: 0, DE: 0, FR: 0 },
    perKg: 0,
    leadTimeHours: 24,
    lastMile: 'mailbox',
    labelNotice: 'UNSTAMPED LETTER - TEST LABEL',
  },
];

export function productForOption(code: string): ShippingProduct | undefined {
  const product = code.split('/')[0] ?? '';
  return [...shippingProducts, ...servicePointProducts].find((c) => c.code === product);
}

export function productForMethod(methodId: number): ShippingProduct | undefined {
  return shippingProducts.find((candidate) => candidate.methodId === methodId);
}

/** The price to ship `weightKg` to `country`, or null if the product does not go there. */
export function priceFor(
  product: ShippingProduct,
  country: string,
  weightKg: number,
): number | null {
  const known = isCountry(country) || (customsCountries as readonly string[]).includes(country);
  const base = known ? product.prices[country as Country | CustomsCountry] : undefined;
  if (base === undefined || weightKg < product.minKg || weightKg > product.maxKg) return null;
  const extraKg = Math.max(0, Math.ceil(weightKg) - 1);
  return Math.round((base + extraKg * product.perKg) * 100) / 100;
}

const round2 = (value: number) => Math.round(value * 100) / 100;

/** The fuel surcharge on every label price, as the quotes break it down. */
export const FUEL_SURCHARGE = 0.14;

export interface LabelCost {
  /** The label prices of the parcels, summed. */
  label: number;
  fuel: number;
  total: number;
  currency: 'EUR';
}

/**
 * What the account pays for one label of these parcels: the quote's total, and what the ledger
 * records per label, so billing can be checked against the quote. Null if a parcel cannot go.
 */
export function labelCost(
  product: ShippingProduct,
  country: string,
  weightsKg: readonly number[],
): LabelCost | null {
  const prices = weightsKg.map((kg) => priceFor(product, country, kg));
  if (prices.some((price) => price === null)) return null;
  const label = round2(prices.reduce<number>((sum, price) => sum + (price ?? 0), 0));
  const fuel = round2(label * FUEL_SURCHARGE);
  return { label, fuel, total: round2(label + fuel), currency: 'EUR' };
}
