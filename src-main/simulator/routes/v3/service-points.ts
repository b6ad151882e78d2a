// v3 service points (BETA): a few fixed pick-up points per country near the big cities.
import { allCarriers, isCountry } from '../../carriers';
import { invalidParameter } from '../../errors';
import { json, listParam, v3Fail, type Route, type RouteContext } from '../../http';

const PLACES = {
  NL: [
    { city: 'Utrecht', street: 'Vredenburg', postal: '3511 BA', lat: 52.0925, lon: 5.1159 },
    { city: 'Amsterdam', street: 'Damrak', postal: '1012 LG', lat: 52.3759, lon: 4.8975 },
  ],
  BE: [{ city: 'Antwerpen', street: 'Meir', postal: '2000', lat: 51.2178, lon: 4.4093 }],
  DE: [{ city: 'Berlin', street: 'Friedrichstraße', postal: '10117', lat: 52.5163, lon: 13.3889 }],
  FR: [{ city: 'Paris', street: 'Rue de Rivoli', postal: '75001', lat: 48.8606, lon: 2.3376 }],
} as const;

const weekday = [{ start_time: '09:00', end_time: '18:00' }];

function servicePoints(ctx: RouteContext) {
  const country = ctx.query.get('country_code') ?? '';
  if (!isCountry(country)) {
    throw v3Fail(
      400,
      invalidParameter('country_code', `"${country}" is not a valid choice.`, 'invalid_choice'),
    );
  }
  const carriers = listParam(ctx.query, 'carrier_code');
  const limit = Number(ctx.query.get('limit') ?? 50);
  const results = PLACES[country].flatMap((place, placeIndex) =>
    allCarriers
      .filter((carrier) => carriers.length === 0 || carriers.includes(carrier.code))
      .map((carrier, carrierIndex) => ({
        id: 1_000_000 + placeIndex * 100 + carrierIndex,
        name: `${carrier.name} ${place.street}`,
        carrier: {
          code: carrier.code,
          name: carrier.name,
          logo_url: `https://cdn.sendcloud.com/global-media/${carrier.code}/img/logo.svg`,
          icon_url: `https://cdn.sendcloud.com/global-media/${carrier.code}/img/icon.svg`,
        },
        carrier_service_point_id: `${country}-${carrier.code.toUpperCase()}-${placeIndex + 1}`,
        carrier_shop_type: 'parcelshop',
        general_shop_type: 'servicepoint',
        address: {
          street: place.street,
          house_number: String(10 + carrierIndex),
          postal_code: place.postal,
          city: place.city,
          country_code: country,
        },
        position: { latitude: place.lat + carrierIndex / 1000, longitude: place.lon },
        contact: { email: '', phone: '' },
        opening_times: {
          monday: weekday,
          tuesday: weekday,
          wednesday: weekday,
          thursday: weekday,
          friday: weekday,
          saturday: [{ start_time: '10:00', end_time: '16:00' }],
          sunday: null,
        },
        is_open_tomorrow: true,
        next_open_at: null,
        is_expired: false,
        distance: null,
      })),
  );
  // No address was given to geocode: the search is by country, matched at that precision.
  return json(200, {
    data: {
      results: results.slice(0, limit),
      geocoding: { status: 'matched', precision: 'region', formatted_address: country },
    },
  });
}

export const servicePointRoutes: Route[] = [
  { method: 'GET', path: '/service-points', handle: servicePoints },
];
