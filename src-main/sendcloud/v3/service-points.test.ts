import { describe, expect, it } from 'vitest';
import { caught } from '../../../test/helpers/sendcloud';
import { fakeFetch, json, specExample, testClient } from '../../../test/helpers/sendcloud-fakes';

const query = (s: { url: URL } | undefined) => Object.fromEntries(s?.url.searchParams ?? []);
const spec = 'sendcloud-dev/v3-service-points.yaml';

describe('v3 service points: one point, its availability, the nearest of a carrier', () => {
  it('reads one point as the spec example gives it, and a 404 as not-found', async () => {
    const { fetch, seen } = fakeFetch((_s, i) =>
      i === 0
        ? json(
            200,
            specExample(
              spec,
              '/service-points/{service_point_id}',
              'get',
              '200',
              'ServicePointDetail',
            ),
          )
        : json(
            404,
            specExample(
              spec,
              '/service-points/{service_point_id}',
              'get',
              '404',
              'ServicePointNotFound',
            ),
          ),
    );
    const { client } = testClient(fetch);
    const point = await client.getServicePoint(1_000_002);
    expect(seen[0]?.method).toBe('GET');
    expect(seen[0]?.url.pathname).toBe('/api/v3/service-points/1000002');
    expect(point).toMatchObject({
      id: 1_000_002,
      name: 'Stationsplein Parcel Locker',
      carrier: { code: 'postnl' },
      carrier_service_point_id: 'NL-00002',
      address: { city: 'Eindhoven', postal_code: '5611 AC' },
      is_open_tomorrow: false,
      next_open_at: '2026-03-13T10:00:00+01:00',
      is_expired: false,
    });
    expect((await caught(client.getServicePoint(9))).kind).toBe('not-found');
  });

  it('asks whether a point is available with a POST and reads both documented answers', async () => {
    const examples = ['Available', 'NotAvailable'];
    const path = '/service-points/{service_point_id}/check-availability';
    const { fetch, seen } = fakeFetch((_s, i) =>
      json(200, specExample(spec, path, 'post', '200', examples[i])),
    );
    const { client } = testClient(fetch);
    expect(await client.checkServicePointAvailability(1_000_001)).toBe(true);
    expect(await client.checkServicePointAvailability(1_000_001)).toBe(false);
    expect(seen[0]?.method).toBe('POST');
    expect(seen[0]?.url.pathname).toBe('/api/v3/service-points/1000001/check-availability');
  });

  it('looks near an address by its parts, for one carrier, and finds none where the address is not found', async () => {
    const { fetch, seen } = fakeFetch((_s, i) =>
      json(
        200,
        specExample(
          spec,
          '/service-points',
          'get',
          '200',
          i === 0 ? 'ServicePointList' : 'AddressNotFound',
        ),
      ),
    );
    const { client } = testClient(fetch);
    const found = await client.nearbyServicePoints({
      countryCode: 'NL',
      carrierCode: 'postnl',
      street: 'Stadhuisplein',
      houseNumber: '10',
      postalCode: '5611 EM',
      city: 'Eindhoven',
      limit: 10,
    });
    expect(found.length).toBeGreaterThan(0);
    expect(query(seen[0])).toEqual({
      country_code: 'NL',
      carrier_code: 'postnl',
      address_street: 'Stadhuisplein',
      address_house_number: '10',
      address_postal_code: '5611 EM',
      address_city: 'Eindhoven',
      limit: '10',
    });
    // A house number alone locates nothing: it is left out without a street or postal code.
    const none = await client.nearbyServicePoints({
      countryCode: 'NL',
      carrierCode: 'postnl',
      houseNumber: '10',
      city: 'Nowhere',
    });
    expect(none).toEqual([]);
    expect(query(seen[1])).toEqual({
      country_code: 'NL',
      carrier_code: 'postnl',
      address_city: 'Nowhere',
    });
  });

  it('moves an order to another point with a PATCH of its service_point_details', async () => {
    const { fetch, seen } = fakeFetch(() =>
      json(200, { data: { id: 669, order_id: '555413', order_number: 'N-1' } }),
    );
    const { client } = testClient(fetch);
    await client.patchOrder('669', { service_point_details: { id: '1000200' } });
    expect(seen[0]?.method).toBe('PATCH');
    expect(seen[0]?.url.pathname).toBe('/api/v3/orders/669');
    expect(JSON.parse(seen[0]?.body ?? 'null')).toEqual({
      service_point_details: { id: '1000200' },
    });
  });
});
