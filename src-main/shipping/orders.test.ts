import { describe, expect, it } from 'vitest';
import { msg } from '../../src-shared';
import { AppError } from '../errors';
import { setLogSink } from '../log';
import { openDatabase } from '../store/db';
import { fakeFetch, json, readExample, testClient } from '../../test/helpers/sendcloud-fakes';
import { lookUpOrder } from './orders';

// Sendcloud's own list body (two orders: OXSDFGHTD-12 with order id 555413, OXSDFGHTD-13), as a
// server answering a filtered look-up with whatever it has.
const listBody = readExample('v3-orders-list-response.json') as { data: unknown[] };

function lookUp(code: string, answer = listBody) {
  const { fetch, seen } = fakeFetch(() => json(200, answer));
  const { client } = testClient(fetch);
  const db = openDatabase(':memory:');
  const run = lookUpOrder({
    db,
    sources: () => [{ accountId: 'env', sendcloud: () => client, integrationId: null }],
    now: () => Date.parse('2026-11-21T09:00:00Z'),
    reached: () => undefined,
    code,
  });
  return { run, seen };
}

describe('looking up a scanned order with Sendcloud', () => {
  it('takes the order whose number the scan names, whatever else the list holds', async () => {
    const { run, seen } = lookUp('OXSDFGHTD-13');
    await expect(run).resolves.toMatchObject({ orderNumber: 'OXSDFGHTD-13', orderId: '555414' });
    expect(seen[0]?.url.searchParams.get('order_number')).toBe('OXSDFGHTD-13');
  });

  it('matches the number case-insensitively, as Sendcloud filters, or the order id', async () => {
    await expect(lookUp('oxsdfghtd-12').run).resolves.toMatchObject({ orderId: '555413' });
    await expect(lookUp('555414').run).resolves.toMatchObject({ orderNumber: 'OXSDFGHTD-13' });
  });

  it('never labels another order: a list of orders the scan does not name is order-not-found, logged', async () => {
    const lines: string[] = [];
    setLogSink({ write: (line) => lines.push(line) }, 'debug');
    const { run } = lookUp('PD-10042');
    const error = await run.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).toData()).toEqual({
      code: 'order-not-found',
      ...msg('error.orderNotFound', { code: 'PD-10042' }),
    });
    const logged = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(logged).toContainEqual(
      expect.objectContaining({
        level: 'warn',
        code: 'PD-10042',
        returned: [
          { orderNumber: 'OXSDFGHTD-12', orderId: '555413' },
          { orderNumber: 'OXSDFGHTD-13', orderId: '555414' },
        ],
      }),
    );
    setLogSink({ write: (line) => process.stderr.write(line + '\n') }, 'info');
  });

  it('an empty list is order-not-found too', async () => {
    await expect(lookUp('PD-1', { data: [] }).run).rejects.toMatchObject({
      code: 'order-not-found',
    });
  });
});
