// v3 service points (BETA): the catalogue's pick-up points, searched by country and carrier,
// around an address when one is given; one point by id; and whether a point is available now.
import { isCountry } from '../../carriers';
import { invalidParameter, type V3Error } from '../../errors';
import { json, listParam, v3Fail, type Route, type RouteContext } from '../../http';
import {
  distanceM,
  geocodeCity,
  servicePointCatalogue,
  type SimServicePoint,
} from '../../service-point-catalogue';
import type { SimulatorState } from '../../state';

const weekday = [{ start_time: '09:00', end_time: '18:00' }];

const pointNotFound: V3Error = {
  status: '404',
  code: 'not_found',
  detail: 'The service point could not be found',
};

/** The points this simulator serves: more of them when service-point orders are on. */
export function pointsOf(state: SimulatorState): SimServicePoint[] {
  return servicePointCatalogue(state.servicePoints !== undefined);
}

/** Closed for good: a point the simulator's world marks so (only with service-point orders). */
export function isClosed(state: SimulatorState, id: number): boolean {
  return state.servicePoints?.closed.has(id) ?? false;
}

/** A point's `ServicePointDetail`, as GET one and the list show it. */
export function pointDetail(state: SimulatorState, point: SimServicePoint) {
  const closed = isClosed(state, point.id);
  const { carrier, place } = point;
  return {
    id: point.id,
    name: point.name,
    carrier: {
      code: carrier.code,
      name: carrier.name,
      logo_url: `https://cdn.sendcloud.com/global-media/${carrier.code}/img/logo.svg`,
      icon_url: `https://cdn.sendcloud.com/global-media/${carrier.code}/img/icon.svg`,
    },
    carrier_service_point_id: point.carrierServicePointId,
    carrier_shop_type: 'parcelshop',
    general_shop_type: 'servicepoint',
    address: {
      street: place.street,
      house_number: point.houseNumber,
      postal_code: place.postal,
      city: place.city,
      country_code: point.country,
    },
    position: { latitude: point.lat, longitude: point.lon },
    contact: { email: '', phone: '' },
    // A point closed for good has no opening hours left, and no next opening.
    opening_times: closed
      ? {
          monday: null,
          tuesday: null,
          wednesday: null,
          thursday: null,
          friday: null,
          saturday: null,
          sunday: null,
        }
      : {
          monday: weekday,
          tuesday: weekday,
          wednesday: weekday,
          thursday: weekday,
          friday: weekday,
          saturday: [{ start_time: '10:00', end_time: '16:00' }],
          sunday: null,
        },
    is_open_tomorrow: !closed,
    next_open_at: null,
    is_expired: false,
  };
}

function findPoint(ctx: RouteContext): SimServicePoint {
  const id = Number(ctx.params.id);
  const point = pointsOf(ctx.state).find((candidate) => candidate.id === id);
  if (!point) throw v3Fail(404, pointNotFound);
  return point;
}

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
  const city = ctx.query.get('address_city');
  const centre = geocodeCity(city);
  const found = pointsOf(ctx.state)
    .filter((point) => point.country === country)
    .filter((point) => carriers.length === 0 || carriers.includes(point.carrier.code))
    .map((point) => ({
      point,
      distance: centre ? distanceM(centre, { lat: point.lat, lon: point.lon }) : null,
    }));
  // Around a reference point the closest come first; without one, in catalogue order.
  if (centre) found.sort((a, b) => (a.distance ?? 0) - (b.distance ?? 0));
  const results = found
    .slice(0, limit)
    .map(({ point, distance }) => ({ ...pointDetail(ctx.state, point), distance }));
  const geocoding = centre
    ? { status: 'matched', precision: 'city', formatted_address: `${city}, ${country}` }
    : city
      ? { status: 'not_found', precision: null, formatted_address: null }
      : // No address was given to geocode: the search is by country, matched at that precision.
        { status: 'matched', precision: 'region', formatted_address: country };
  return json(200, {
    data: { results: geocoding.status === 'not_found' ? [] : results, geocoding },
  });
}

export const servicePointRoutes: Route[] = [
  { method: 'GET', path: '/service-points', handle: servicePoints },
  {
    method: 'GET',
    path: '/service-points/{id}',
    handle: (ctx) => json(200, { data: pointDetail(ctx.state, findPoint(ctx)) }),
  },
  {
    method: 'POST',
    path: '/service-points/{id}/check-availability',
    handle: (ctx) => {
      const point = findPoint(ctx);
      return json(200, { data: { is_available: !isClosed(ctx.state, point.id) } });
    },
  },
];
