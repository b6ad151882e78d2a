// Service-point orders from a scan, against the simulator with its spec checks on: the label goes
// to the order's point, and a closed or unknown point fails the scan with the nearest open points
// of the same carrier, one of which (or home delivery, where the account allows it) the packer
// picks. One label per order, whatever happens.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { emptyRule, type ScanEntry, type ServicePointOffers } from '../../src-shared';
import { expectSpecClean, type AllowedViolation } from '../helpers/contract';
import { startOutboxRig, type OutboxRig } from '../helpers/outbox';
import { rawApi } from '../helpers/raw-api';
import { startStationRig, type StationRig } from '../helpers/station';

/** Where the official spec contradicts itself, so a right answer still fails it. */
const SPEC_CONTRADICTIONS: AllowedViolation[] = [
  {
    direction: 'response',
    method: 'GET',
    path: /^\/api\/v3\/shipments$/,
    status: 200,
    message: /^Ensure this field has at least 1 elements\.$/,
    pointer: /^\/data$/,
    reason:
      'The shipments list gives `data` minItems 1, yet a filter that matches nothing (a look for an earlier label that was never made) answers an empty list.',
  },
];

const SP_OPEN = 'PD-SP1';
const SP_CLOSED = 'PD-SP2';
const SP_UNKNOWN = 'PD-SP3';

describe('service-point orders from a scan', () => {
  let rig: StationRig | undefined;
  afterEach(async () => {
    await rig?.close();
    rig = undefined;
  });

  const start = async () =>
    (rig = await startStationRig({
      orderCount: 3,
      simulator: { servicePoints: true, validateResponses: true, labelResponse: 'schema' },
    }));

  /** What Sendcloud holds of the order's shipments: the point each went to. */
  async function shipmentsOf(r: StationRig, orderNumber: string) {
    const listed = await rawApi(r.simulator).get(`/api/v3/shipments?order_number=${orderNumber}`);
    const data = (listed.json as { data: { to_service_point?: { id: string } }[] }).data;
    return data.map((shipment) => shipment.to_service_point?.id ?? null);
  }

  async function printed(r: StationRig, orderNumber: string): Promise<ScanEntry> {
    return vi.waitFor(
      () => {
        const last = r.events.filter((e) => e.orderNumber === orderNumber).at(-1);
        if (last?.state !== 'printed') {
          throw new Error(`not printed yet: ${last?.state} ${JSON.stringify(last?.error)}`);
        }
        return last;
      },
      { timeout: 10_000 },
    );
  }

  it('labels an order to its point and shows the point on the scan and the shipment', async () => {
    const r = await start();
    const entry = await r.scan(SP_OPEN);

    expect(entry.state).toBe('printed');
    expect(entry.servicePoint).toMatchObject({
      id: 1_000_000,
      carrier: 'postnl',
      carrierName: 'PostNL',
      name: 'PostNL Vredenburg',
      street: 'Vredenburg',
      postalCode: '3511 BA',
      city: 'Utrecht',
      carrierPointId: 'NL-POSTNL-1',
    });
    expect(await shipmentsOf(r, SP_OPEN)).toEqual(['1000000']);
    const { rows } = await r.station.handlers['shipments.list']({});
    const shipment = rows.find((row) => row.orderNumber === SP_OPEN);
    if (!shipment) throw new Error('no shipment row');
    const details = await r.station.handlers['shipments.details']({ parcelId: shipment.parcelId });
    expect(details.servicePoint?.id).toBe(1_000_000);
    expect(details.servicePoint?.city).toBe('Utrecht');
    expectSpecClean(r.simulator, SPEC_CONTRADICTIONS);
  });

  it('keeps the order’s point option over a rule’s door option, and says why', async () => {
    const r = await start();
    const [account] = await r.station.handlers['accounts.list']({});
    if (!account) throw new Error('no account');
    // Every Dutch order by PostNL to the door: the point order still goes to its point.
    await r.station.handlers['routing.saveRules']({
      rules: [{ ...emptyRule('nl'), name: 'NL', countries: ['NL'], optionCode: 'postnl:standard' }],
      defaultOptionCode: null,
    });
    await r.station.handlers['routing.saveAccount']({
      accountId: account.id,
      applyShippingRules: false,
      useStationRules: true,
      fallbacks: [],
    });

    const entry = await r.scan(SP_OPEN);

    expect(entry.state).toBe('printed');
    expect(entry.shippingOption).toMatchObject({
      code: 'postnl:pakjegemak',
      why: {
        key: 'routing.why.pointKept',
        params: { option: 'postnl:pakjegemak', instead: 'postnl:standard' },
      },
    });
    const order = r.simulator.orders().find((o) => o.order_number === SP_OPEN);
    const asked = r.simulator.requests
      .filter((request) => request.path === '/api/v3/orders/create-label-sync')
      .map((request) => request.body as { order: { order_id: string }; ship_with?: unknown })
      .filter((body) => body.order.order_id === order?.order_id);
    expect(asked).toHaveLength(1);
    expect(asked[0]?.ship_with).toMatchObject({
      properties: { shipping_option_code: 'postnl:pakjegemak' },
    });
    expect(await shipmentsOf(r, SP_OPEN)).toEqual(['1000000']);
    expectSpecClean(r.simulator, SPEC_CONTRADICTIONS);
  });

  it('offers the nearest open points of the carrier for a closed point; the pick gets the one label', async () => {
    const r = await start();
    const failed = await r.scan(SP_CLOSED);

    expect(failed.state).toBe('failed');
    expect(failed.error?.key).toBe('servicePoints.error.closed');
    expect(failed.error?.params).toMatchObject({ order: SP_CLOSED, point: 1_000_100 });
    // Refused before any label was asked for.
    expect(r.simulator.labelsFor(SP_CLOSED)).toHaveLength(0);

    const offers: ServicePointOffers = await r.station.handlers['scan.pointOffers']({
      scanId: failed.id,
    });
    expect(offers.refused?.name).toBe('PostNL Damrak');
    expect(offers.points.length).toBeGreaterThan(1);
    expect(offers.points.every((p) => p.carrier === 'postnl')).toBe(true);
    expect(offers.points.map((p) => p.id)).not.toContain(1_000_100);
    // The customer lives in Amsterdam: the Amsterdam points come first, closest first.
    expect(offers.points.slice(0, 2).map((p) => p.city)).toEqual(['Amsterdam', 'Amsterdam']);
    const distances = offers.points.map((p) => p.distanceM ?? Infinity);
    expect([...distances].sort((a, b) => a - b)).toEqual(distances);
    expect(offers.homeDeliveryAllowed).toBe(false);

    const chosen = offers.points[1];
    if (!chosen) throw new Error('no second offer');
    const { jobId } = await r.station.handlers['scan.choosePoint']({
      scanId: failed.id,
      servicePointId: chosen.id,
    });
    expect(jobId).toBe(failed.jobId);
    const done = await printed(r, SP_CLOSED);

    expect(done.id).toBe(failed.id);
    expect(done.servicePoint?.id).toBe(chosen.id);
    expect(r.simulator.labelsFor(SP_CLOSED)).toHaveLength(1);
    expect(await shipmentsOf(r, SP_CLOSED)).toEqual([String(chosen.id)]);
    const order = r.simulator.orders().find((o) => o.order_number === SP_CLOSED);
    expect(order?.order.service_point_details).toEqual({ id: String(chosen.id) });
    await r.printer.waitForJobs(1);
    // Picking again once the label is made is refused: never a second label.
    await expect(
      r.station.handlers['scan.choosePoint']({ orderNumber: SP_CLOSED, servicePointId: chosen.id }),
    ).rejects.toMatchObject({ code: 'invalid-input' });
    expect(r.simulator.labelsFor(SP_CLOSED)).toHaveLength(1);
    expectSpecClean(r.simulator, SPEC_CONTRADICTIONS);
  });

  it('ships home only where the account allows it', async () => {
    const r = await start();
    const failed = await r.scan(SP_UNKNOWN);
    expect(failed.error?.key).toBe('servicePoints.error.unknown');

    await expect(
      r.station.handlers['scan.choosePoint']({ orderNumber: SP_UNKNOWN, homeDelivery: true }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    expect(r.simulator.labelsFor(SP_UNKNOWN)).toHaveLength(0);

    const [account] = (await r.station.handlers['station.status']({})).accounts;
    if (!account) throw new Error('no account');
    await r.station.handlers['servicePoints.setHomeDelivery']({
      accountId: account.id,
      allowed: true,
    });
    const offers = await r.station.handlers['scan.pointOffers']({ orderNumber: SP_UNKNOWN });
    expect(offers.refused).toBeNull();
    expect(offers.carrier).toBe('postnl');
    expect(offers.homeDeliveryAllowed).toBe(true);

    await r.station.handlers['scan.choosePoint']({ orderNumber: SP_UNKNOWN, homeDelivery: true });
    const done = await printed(r, SP_UNKNOWN);

    expect(done.servicePoint).toBeUndefined();
    const labels = r.simulator.labelsFor(SP_UNKNOWN);
    expect(labels).toHaveLength(1);
    expect(await shipmentsOf(r, SP_UNKNOWN)).toEqual([null]);
    // Home: the carrier's home-delivery option, not its service-point product.
    expect(labels[0]?.carrier).toBe('postnl');
    expectSpecClean(r.simulator, SPEC_CONTRADICTIONS);
  });

  it('keeps the point of a label whose answer was lost, adopted on the retry: one label', async () => {
    let outboxRig: OutboxRig | undefined;
    try {
      outboxRig = await startOutboxRig({ simulator: { orderCount: 2, servicePoints: true } });
      const o = outboxRig;
      o.simulator.faults.set({
        lostResponseRate: 1,
        only: { method: 'POST', pathPrefix: '/api/v3/orders/create-label-sync' },
      });
      const entry = await o.scan(SP_OPEN);
      expect(entry.state).toBe('queued');
      expect(o.simulator.labelsFor(SP_OPEN)).toHaveLength(1);

      o.simulator.faults.reset();
      const printed = o.scanReaches(entry.id, 'printed');
      o.clock.advance(1_000); // the connectivity probe finds Sendcloud again
      const done = await printed;

      expect(o.simulator.labelsFor(SP_OPEN)).toHaveLength(1);
      expect(done.servicePoint?.id).toBe(1_000_000);
    } finally {
      await outboxRig?.close();
    }
  });
});
