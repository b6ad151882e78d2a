import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseErrorDetails } from './errors';
import {
  errorBodySchema,
  integrationListSchema,
  labelSyncResponseSchema,
  orderListSchema,
  orderResponseSchema,
} from './schemas';
import { exampleUrl } from '../../test/helpers/examples';

function readExample(name: string): unknown {
  const url = exampleUrl(name);
  return JSON.parse(readFileSync(url, 'utf8')) as unknown;
}

describe('orders', () => {
  it('parses the official GET /orders example', () => {
    const { data } = orderListSchema.parse(readExample('v3-orders-list-response.json'));
    expect(data.map((order) => [order.id, order.order_id, order.order_number])).toEqual([
      ['669', '555413', 'OXSDFGHTD-12'],
      ['1337', '555414', 'OXSDFGHTD-13'],
    ]);
    const first = data[0];
    expect(first?.order_details.integration.id).toBe(739283);
    expect(first?.order_details.status.code).toBe('fulfilled');
    expect(first?.shipping_address?.postal_code).toBe('5341TW');
    expect(first?.shipping_details?.ship_with?.properties.shipping_option_code).toBe(
      'postnl:standard',
    );
    expect(data[1]?.order_details.order_items.map((item) => item.quantity)).toEqual([3, 2]);
  });

  it('normalises an integer id to a string, as POST/PATCH responses send it', () => {
    const { data } = orderListSchema.parse(readExample('v3-orders-list-response.json'));
    const order = { ...data[0], id: 669 };
    expect(orderResponseSchema.parse({ data: order }).data.id).toBe('669');
  });

  it('keeps fields the schema does not name', () => {
    const { data } = orderListSchema.parse(readExample('v3-orders-list-response.json'));
    expect(data[0]).toHaveProperty('customs_details.commercial_invoice_number', '0124-03102022');
  });

  it('rejects an order without an order number', () => {
    const { data } = orderListSchema.parse(readExample('v3-orders-list-response.json'));
    const broken: Record<string, unknown> = { ...data[0] };
    delete broken.order_number;
    const result = orderResponseSchema.safeParse({ data: broken });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['data', 'order_number']);
  });
});

describe('create-label-sync response', () => {
  it('parses the official example: data is an array and the file is under `label`', () => {
    const { data } = labelSyncResponseSchema.parse(
      readExample('v3-create-label-sync-response.json'),
    );
    expect(Array.isArray(data)).toBe(true);
    const items = Array.isArray(data) ? data : [data];
    expect(items.map((item) => [item.parcel_id, item.shipment_id, item.order_number])).toEqual([
      [420, '511', 'ORD-2024-00174'],
      [4428, '512', 'ORD-2024-00166'],
    ]);
    expect(items[0]?.label?.mime_type).toBe('application/pdf');
    expect(items[0]?.label?.dpi).toBe(72);
  });

  it('parses the shape of the spec schema: data an object, the file under `label_details`', () => {
    const { data } = labelSyncResponseSchema.parse({
      data: {
        parcel_id: 7,
        shipment_id: 99,
        order_id: 'A1',
        order_number: 'PD-1',
        tracking_number: '3SABCD1234567',
        tracking_url: null,
        label_details: { file: 'XlhBXlha', mime_type: 'application/zpl', dpi: 203 },
      },
    });
    expect(Array.isArray(data)).toBe(false);
    if (Array.isArray(data)) return;
    expect(data.shipment_id).toBe('99');
    expect(data.label_details?.mime_type).toBe('application/zpl');
  });

  it('rejects an answer without any label file', () => {
    const result = labelSyncResponseSchema.safeParse({
      data: [
        {
          parcel_id: 7,
          shipment_id: '1',
          order_id: 'A1',
          order_number: 'PD-1',
          tracking_number: 'X',
        },
      ],
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/neither `label` nor `label_details`/);
  });
});

describe('integrations', () => {
  it('parses the GET /integrations example of the spec', () => {
    // The example of v3-integrations.yaml; there is no separate example file for it.
    const body = {
      data: [
        {
          id: 23452345,
          shop_name: 'Integration #1',
          shop_url: 'https://www.my-shop-integration.com/',
          type: 'api',
          started_failing_at: '2023-11-10T16:16:42Z',
          last_fetched_at: '2023-11-10T16:15:09Z',
          created_at: '2023-11-04T14:15:22Z',
          updated_at: '2023-11-08T12:23:56Z',
          service_point_enabled: true,
          service_point_carriers: ['ups', 'dhl'],
          webhook_active: true,
          webhook_url: 'https://my-shop-integration.integrator/api/webhooks/sendcloud',
          feedback_type: 'eager',
        },
      ],
    };
    const { data } = integrationListSchema.parse(body);
    expect(data[0]?.id).toBe(23452345);
    expect(data[0]?.shop_name).toBe('Integration #1');
  });

  it('rejects an integration whose id is not an integer', () => {
    expect(integrationListSchema.safeParse({ data: [{ id: '12' }] }).success).toBe(false);
  });
});

describe('v3 error bodies', () => {
  it('reads the 401 example', () => {
    expect(parseErrorDetails(readExample('v3-401-invalid-credentials.json'))).toEqual([
      {
        code: 'authentication_failed',
        detail:
          'The username or password provided is incorrect. Please make a request with the valid credentials.',
      },
    ]);
  });

  it('reads the 404 example', () => {
    expect(parseErrorDetails(readExample('v3-404-not-found.json'))).toEqual([
      { code: 'not_found', detail: 'The page you have requested could not be found.' },
    ]);
  });

  it('reads the 429 example, whose status is a number', () => {
    const body = readExample('v3-429-rate-limit.json');
    expect(errorBodySchema.parse(body).errors).toEqual([
      expect.objectContaining({ status: 429, code: 'hit_rate_limit' }),
    ]);
    expect(parseErrorDetails(body)).toEqual([
      { code: 'hit_rate_limit', detail: 'Rate limit exceeded: 30 per 1 minute' },
    ]);
  });

  it('reads the parcel documents invalid type example', () => {
    expect(parseErrorDetails(readExample('v3-parcel-documents-400-invalid-type.json'))).toEqual([
      { code: 'invalid', detail: 'Invalid document type.' },
    ]);
  });

  it('reads every 400 example of POST /orders, pointers included', () => {
    const examples = readExample('v3-orders-create-400-errors.json') as Record<string, unknown>;
    const names = Object.keys(examples);
    expect(names.length).toBeGreaterThanOrEqual(10);
    for (const name of names) {
      expect(errorBodySchema.safeParse(examples[name]).success, name).toBe(true);
    }
    expect(parseErrorDetails(examples.IntegrationNotFound)).toEqual([
      {
        code: 'invalid',
        detail: 'Integration with id 99999 does not exist',
        pointer: '/data/attributes/[0]/order_details/integration/id',
      },
    ]);
  });

  it('accepts `errors` as a single object, which the spec allows', () => {
    expect(
      parseErrorDetails({
        errors: {
          status: '400',
          code: 'invalid_choice',
          detail: 'Bad',
          source: { parameter: 'integration' },
        },
      }),
    ).toEqual([{ code: 'invalid_choice', detail: 'Bad', parameter: 'integration' }]);
  });

  it('yields no details for a body that is no error at all', () => {
    expect(parseErrorDetails(undefined)).toEqual([]);
    expect(parseErrorDetails('<html>Bad gateway</html>')).toEqual([]);
    expect(parseErrorDetails({})).toEqual([]);
  });
});
