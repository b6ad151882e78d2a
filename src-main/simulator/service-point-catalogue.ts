// The simulator's pick-up points: a few fixed points per country near the big cities, one per
// carrier at each place. With service-point orders switched on (`servicePoints`), the Dutch
// cities get more points, and some points are closed for good, so a label to one is refused.
import { allCarriers, type Carrier, type Country, type ShippingProduct } from './carriers';

export interface Place {
  city: string;
  street: string;
  postal: string;
  lat: number;
  lon: number;
}

const PLACES: Record<Country, readonly Place[]> = {
  NL: [
    { city: 'Utrecht', street: 'Vredenburg', postal: '3511 BA', lat: 52.0925, lon: 5.1159 },
    { city: 'Amsterdam', street: 'Damrak', postal: '1012 LG', lat: 52.3759, lon: 4.8975 },
  ],
  BE: [{ city: 'Antwerpen', street: 'Meir', postal: '2000', lat: 51.2178, lon: 4.4093 }],
  DE: [{ city: 'Berlin', street: 'Friedrichstraße', postal: '10117', lat: 52.5163, lon: 13.3889 }],
  FR: [{ city: 'Paris', street: 'Rue de Rivoli', postal: '75001', lat: 48.8606, lon: 2.3376 }],
};

/** More Dutch points, only with service-point orders on: a closed point has open ones nearby. */
const MORE_NL_PLACES: readonly Place[] = [
  { city: 'Amsterdam', street: 'Kalverstraat', postal: '1012 NX', lat: 52.3702, lon: 4.891 },
  { city: 'Amsterdam', street: 'Ferdinand Bolstraat', postal: '1072 LB', lat: 52.354, lon: 4.891 },
  { city: 'Utrecht', street: 'Oudegracht', postal: '3511 AR', lat: 52.0894, lon: 5.1205 },
  { city: 'Utrecht', street: 'Biltstraat', postal: '3572 AJ', lat: 52.0958, lon: 5.1336 },
];

/** Where a city is, for a search by address (the simulator's geocoder). */
const CITIES: Record<string, { lat: number; lon: number }> = {
  amsterdam: { lat: 52.3676, lon: 4.9041 },
  utrecht: { lat: 52.0907, lon: 5.1214 },
  antwerpen: { lat: 51.2194, lon: 4.4025 },
  berlin: { lat: 52.52, lon: 13.405 },
  paris: { lat: 48.8566, lon: 2.3522 },
};

const COUNTRY_IDS: Record<Country, number> = { NL: 0, BE: 10_000, DE: 20_000, FR: 30_000 };

export interface SimServicePoint {
  id: number;
  carrier: Carrier;
  carrierServicePointId: string;
  name: string;
  place: Place;
  country: Country;
  houseNumber: string;
  lat: number;
  lon: number;
}

/** Closed for good (with service-point orders on): PostNL at Damrak, DHL at Oudegracht. */
export const CLOSED_POINT_IDS: readonly number[] = [1_000_100, 1_000_401];
/** A point id Sendcloud does not know: a service-point order names it. */
export const UNKNOWN_POINT_ID = 1_999_999;

/** Every point of the catalogue, by country, place and carrier. */
export function servicePointCatalogue(more: boolean): SimServicePoint[] {
  return (Object.keys(PLACES) as Country[]).flatMap((country) => {
    const places = country === 'NL' && more ? [...PLACES.NL, ...MORE_NL_PLACES] : PLACES[country];
    return places.flatMap((place, placeIndex) =>
      allCarriers.map((carrier, carrierIndex) => ({
        id: 1_000_000 + COUNTRY_IDS[country] + placeIndex * 100 + carrierIndex,
        carrier,
        carrierServicePointId: `${country}-${carrier.code.toUpperCase()}-${placeIndex + 1}`,
        name: `${carrier.name} ${place.street}`,
        place,
        country,
        houseNumber: String(10 + carrierIndex),
        lat: place.lat + carrierIndex / 1000,
        lon: place.lon,
      })),
    );
  });
}

/** Where a search by address is centred: the city, when the simulator knows it. */
export function geocodeCity(city: string | null): { lat: number; lon: number } | null {
  if (!city) return null;
  return CITIES[city.trim().toLowerCase()] ?? null;
}

/** Metres between two points on the earth (haversine). */
export function distanceM(a: { lat: number; lon: number }, b: { lat: number; lon: number }) {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return Math.round(2 * 6_371_000 * Math.asin(Math.sqrt(h)));
}

/**
 * Products that deliver to a pick-up point. Not offered in the account's shipping options (the
 * demo account's list stays as it was); a label can be asked with them, and the seeded
 * service-point orders name one. `postnl:pakjegemak` is PostNL's service-point product.
 */
export const servicePointProducts: readonly ShippingProduct[] = [
  {
    code: 'postnl:pakjegemak',
    name: 'PostNL Service Point',
    carrier: 'postnl',
    methodId: 1011,
    minKg: 0.001,
    maxKg: 23,
    prices: { NL: 4.95, BE: 7.95 },
    perKg: 0.15,
    leadTimeHours: 24,
    lastMile: 'service_point',
  },
];
