import { describe, expect, it } from 'vitest';
import type { ServicePoint } from '../sendcloud/v3/schemas';
import { looksOpen, openPointsOf, orderPointId, pointIdFor, pointView } from './service-points';

function point(id: number, extra: Partial<ServicePoint> = {}): ServicePoint {
  return {
    id,
    name: `Point ${id}`,
    carrier: { code: 'postnl', name: 'PostNL' },
    carrier_service_point_id: `NL-${id}`,
    address: {
      street: 'Damrak',
      house_number: '1',
      postal_code: '1012 LG',
      city: 'Amsterdam',
      country_code: 'NL',
    },
    is_open_tomorrow: true,
    next_open_at: null,
    is_expired: false,
    distance: id,
    ...extra,
  };
}

describe('the point of a service-point order', () => {
  it('reads the Sendcloud id the order names, and nothing for a home order', () => {
    expect(orderPointId({ service_point_details: { id: '1000100' } })).toBe(1_000_100);
    expect(orderPointId({ service_point_details: { carrier_service_point_id: 'X' } })).toBeNull();
    expect(orderPointId({ service_point_details: { id: 'abc' } })).toBeNull();
    expect(orderPointId({})).toBeNull();
    expect(orderPointId(null)).toBeNull();
  });

  it('takes the packer’s replacement over the order’s point, and none for home delivery', () => {
    const body = { service_point_details: { id: '1000100' } };
    expect(pointIdFor(body, null)).toBe(1_000_100);
    expect(pointIdFor(body, { servicePointId: 1_000_200 })).toBe(1_000_200);
    expect(pointIdFor(body, { homeDelivery: true, optionCode: 'postnl:standard' })).toBeNull();
    expect(pointIdFor({}, { boxes: 2 })).toBeNull();
  });
});

describe('the open points offered instead', () => {
  it('counts a point open when it is fresh and opens again', () => {
    expect(looksOpen(point(1))).toBe(true);
    expect(looksOpen(point(1, { is_open_tomorrow: false, next_open_at: null }))).toBe(false);
    expect(looksOpen(point(1, { is_open_tomorrow: false, next_open_at: '2026-03-13T10:00' }))).toBe(
      true,
    );
    expect(looksOpen(point(1, { is_expired: true }))).toBe(false);
  });

  it('offers the carrier’s open points nearest first, never the refused one', () => {
    const found = [
      point(30),
      point(10, { carrier: { code: 'dhl', name: 'DHL' } }),
      point(5),
      point(20, { is_open_tomorrow: false, next_open_at: null }),
      point(40),
      point(1),
    ];
    expect(openPointsOf(found, 'postnl', 1).map((p) => p.id)).toEqual([5, 30, 40]);
    expect(openPointsOf(found, 'postnl', 1, 2).map((p) => p.id)).toEqual([5, 30]);
  });

  it('shows a point by carrier, name, address and both ids', () => {
    expect(pointView(point(7))).toEqual({
      id: 7,
      carrier: 'postnl',
      carrierName: 'PostNL',
      carrierPointId: 'NL-7',
      name: 'Point 7',
      street: 'Damrak',
      houseNumber: '1',
      postalCode: '1012 LG',
      city: 'Amsterdam',
      countryCode: 'NL',
      distanceM: 7,
    });
  });
});
