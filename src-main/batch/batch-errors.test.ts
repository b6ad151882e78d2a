import { describe, expect, it } from 'vitest';
import type { Order } from '../sendcloud/schemas';
import { batchOrderError } from './batch-errors';

const refused = (detail: string, code: string | null = 'validation_error') =>
  batchOrderError({ detail, code });

describe('batchOrderError: what Sendcloud said of one order, as a packer reads it', () => {
  it('reads the simulator’s and Sendcloud’s details into keys', () => {
    expect(refused('House number is required for this address.')).toEqual({
      code: 'invalid-input',
      key: 'batch.order.houseNumber',
      params: {},
    });
    expect(refused('The order has no valid shipping address.')).toMatchObject({
      code: 'invalid-input',
      key: 'batch.order.address',
    });
    expect(refused('Order not found.', 'not_found')).toMatchObject({
      code: 'order-not-found',
      key: 'batch.order.notFound',
    });
    expect(refused('The order does not exist', null)).toMatchObject({
      key: 'batch.order.notFound',
    });
  });

  it('keeps Sendcloud’s words as a parameter where they say more than the key', () => {
    const weight = 'Shipping option postnl:standard is not available for 31.5 kg to NL.';
    expect(refused(weight)).toEqual({
      code: 'invalid-input',
      key: 'batch.order.weight',
      params: { detail: weight },
    });
    expect(refused('Parcel is overweight')).toMatchObject({ key: 'batch.order.weight' });
    expect(refused('Shipping option dhl:express is not available.')).toEqual({
      code: 'invalid-input',
      key: 'batch.order.option',
      params: { detail: 'Shipping option dhl:express is not available.' },
    });
    // A point the simulator (as Sendcloud) does not know is not an unknown order.
    for (const detail of [
      'Service point 1999999 does not exist.',
      'Service point 1000100 is not available.',
    ]) {
      expect(refused(detail, 'invalid')).toEqual({
        code: 'invalid-input',
        key: 'batch.order.servicePoint',
        params: { detail },
      });
    }
    expect(refused('The carrier refused the shipment', 'carrier_error')).toEqual({
      code: 'sendcloud-error',
      key: 'batch.order.carrier',
      params: { detail: 'The carrier refused the shipment' },
    });
  });

  it('says what nothing else fits in Sendcloud’s own words', () => {
    expect(refused('  Something unexpected happened.  ', null)).toEqual({
      code: 'sendcloud-error',
      key: 'batch.order.refused',
      params: { detail: 'Something unexpected happened.' },
    });
  });

  it('names the item and the field a customs refusal points at, in the order at its index', () => {
    const order = {
      order_details: {
        order_items: [{ name: 'Ceramic mug sage' }, { name: 'Sneakers 42' }],
      },
    } as unknown as Order;
    const failure = {
      code: 'required',
      detail: 'Field required',
      pointer: '/data/attributes/orders/[3]/order_details/order_items/1/hs_code',
    };
    expect(batchOrderError(failure, order)).toEqual({
      code: 'invalid-input',
      key: 'customs.item.noHsCode',
      params: { item: 2, name: 'Sneakers 42' },
    });
    // Without the order, or pointing at no item, Sendcloud's words stay.
    expect(batchOrderError(failure)).toMatchObject({ key: 'batch.order.refused' });
    expect(
      batchOrderError({ ...failure, pointer: '/data/attributes/orders/[3]' }, order),
    ).toMatchObject({ key: 'batch.order.refused' });
  });
});
