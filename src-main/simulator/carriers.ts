// The carriers the simulator ships with: shipping option codes per destination, and tracking
// numbers and tracking URLs in each carrier's real format.
import type { Random } from './prng';

export type Country = 'NL' | 'BE' | 'DE' | 'FR';
export const countries: readonly Country[] = ['NL', 'BE', 'DE', 'FR'];

export interface Carrier {
  code: string;
  name: string;
  contractId: number;
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
  return carriersByCode.get(shippingOptionCode.split(':')[0] ?? '');
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
