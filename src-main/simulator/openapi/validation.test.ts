import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  loadSpecs,
  v2ErrorBody,
  v3ErrorBody,
  type ApiVersion,
  type MatchedOperation,
} from './index';
import { exampleUrl } from '../../../test/helpers/examples';

const specs = loadSpecs();

function example<T = Record<string, unknown>>(file: string): T {
  const url = exampleUrl(file);
  return JSON.parse(readFileSync(url, 'utf8')) as T;
}

function op(version: ApiVersion, method: string, path: string): MatchedOperation {
  const found = specs.match(version, method, path);
  if (!found) throw new Error(`no operation ${method} ${path}`);
  return found;
}

function request(version: ApiVersion, method: string, path: string, body: unknown, query = '') {
  return specs.validateRequest(op(version, method, path), {
    query: new URLSearchParams(query),
    headers: {},
    body,
    contentType: body === undefined ? undefined : 'application/json',
  });
}

type Announce = {
  to_address: Record<string, unknown>;
  parcels: { weight: Record<string, unknown> }[];
  [key: string]: unknown;
};

describe('request bodies', () => {
  it('reports a missing required field, a wrong type and a bad enum with their pointers', () => {
    const body = example<Announce>('v3-shipments-announce-request.json');
    delete body.to_address.name;
    body.to_address.city = 5;
    body.parcels[0]!.weight.unit = 'stone';
    expect(request('v3', 'POST', '/shipments/announce', body)).toEqual([
      {
        location: 'body',
        pointer: '/to_address/city',
        keyword: 'type',
        message: 'Input should be a valid string',
      },
      {
        location: 'body',
        pointer: '/to_address/name',
        keyword: 'required',
        message: 'This field is required.',
      },
      {
        location: 'body',
        pointer: '/parcels/0/weight/unit',
        keyword: 'enum',
        message: '"stone" is not a valid choice.',
      },
    ]);
  });

  it('accepts unknown fields unless the schema forbids them', () => {
    const body = { ...example('v3-shipments-announce-request.json'), not_in_the_spec: true };
    expect(request('v3', 'POST', '/shipments/announce', body)).toEqual([]);
    const tracking = request('v3', 'POST', '/parcels/tracking', {
      ship_with: { type: 'contract', properties: { contract_id: 1, extra: 2 } },
    });
    expect(tracking).toContainEqual({
      location: 'body',
      pointer: '/ship_with/properties/extra',
      keyword: 'additionalProperties',
      message: 'Extra inputs are not permitted',
    });
  });

  it('explains a oneOf by the branch the body was meant for', () => {
    // ship_with is shipping_option_code | contract; a contract without contract_id is about contract.
    const tracking = request('v3', 'POST', '/parcels/tracking', {
      ship_with: { type: 'contract', properties: {} },
    });
    const shipWith = tracking.filter((v) => v.pointer.startsWith('/ship_with'));
    expect(shipWith).toEqual([
      {
        location: 'body',
        pointer: '/ship_with/properties/contract_id',
        keyword: 'required',
        message: 'This field is required.',
      },
    ]);
  });

  it('validates v2 POST /parcels by the shape actually sent (single or batch)', () => {
    const single = example<{ parcel: Record<string, unknown> }>('v2-parcels-create-request.json');
    delete single.parcel.name;
    expect(request('v2', 'POST', '/parcels', single)).toEqual([
      {
        location: 'body',
        pointer: '/parcel/name',
        keyword: 'required',
        message: 'This field is required.',
      },
    ]);
    const batch = example<{ parcels: Record<string, unknown>[] }>(
      'v2-parcels-batch-create-request.json',
    );
    batch.parcels[1]!.weight = 2;
    expect(request('v2', 'POST', '/parcels', batch)).toEqual([
      {
        location: 'body',
        pointer: '/parcels/1/weight',
        keyword: 'type',
        message: 'Input should be a valid string',
      },
    ]);
    expect(request('v2', 'POST', '/parcels', {})).not.toEqual([]);
  });

  it('reports a missing body only where the spec marks it required', () => {
    expect(request('v3', 'POST', '/parcels/tracking', undefined)).toEqual([
      { location: 'body', pointer: '', keyword: 'required', message: 'This field is required.' },
    ]);
    // create-label-sync does not mark its requestBody `required`.
    expect(request('v3', 'POST', '/orders/create-label-sync', undefined)).toEqual([]);
  });

  it('reports a body of the wrong type and an unsupported content type', () => {
    expect(request('v3', 'POST', '/orders', { order_id: '1' })).toEqual([
      { location: 'body', pointer: '', keyword: 'type', message: 'Input should be a valid list' },
    ]);
    const violations = specs.validateRequest(op('v3', 'POST', '/orders'), {
      query: new URLSearchParams(),
      headers: {},
      body: [],
      contentType: 'text/plain',
    });
    expect(violations).toEqual([
      {
        location: 'header',
        pointer: '',
        parameter: 'Content-Type',
        keyword: 'contentType',
        message: 'Unsupported media type "text/plain" in request.',
      },
    ]);
  });

  it('does not require readOnly properties in requests', () => {
    // Order `id` is readOnly; the example create request never sends it.
    const body = example<Record<string, unknown>[]>('v3-orders-create-request.json');
    expect(body[0]).not.toHaveProperty('id');
    expect(request('v3', 'POST', '/orders', body)).toEqual([]);
  });

  it('flags the limits of an array', () => {
    const body = example<{ orders: Record<string, unknown>[] }>(
      'v3-create-labels-async-request.json',
    );
    const path = '/orders/create-labels-async';
    const tooMany = {
      ...body,
      orders: Array.from({ length: 21 }, (_, i) => ({ order_number: `N${i}` })),
    };
    expect(request('v3', 'POST', path, tooMany)).toEqual([
      {
        location: 'body',
        pointer: '/orders',
        keyword: 'maxItems',
        message: 'Ensure this field has no more than 20 elements.',
      },
    ]);
    expect(request('v3', 'POST', path, { ...body, orders: [] })).toEqual([
      {
        location: 'body',
        pointer: '/orders',
        keyword: 'minItems',
        message: 'Ensure this field has at least 1 elements.',
      },
    ]);
  });
});

describe('parameters', () => {
  it('coerces query strings by their schema and checks the limits', () => {
    expect(request('v3', 'GET', '/orders', undefined, 'page_size=50')).toEqual([]);
    expect(request('v3', 'GET', '/orders', undefined, 'page_size=0')).toEqual([
      {
        location: 'query',
        pointer: '',
        parameter: 'page_size',
        keyword: 'minimum',
        message: 'Ensure this value is greater than or equal to 1.',
      },
    ]);
    expect(request('v3', 'GET', '/orders', undefined, 'page_size=201')[0]).toMatchObject({
      parameter: 'page_size',
      keyword: 'maximum',
    });
    expect(request('v3', 'GET', '/orders', undefined, 'page_size=lots')).toEqual([
      {
        location: 'query',
        pointer: '',
        parameter: 'page_size',
        keyword: 'type',
        message: 'Input should be a valid number',
      },
    ]);
  });

  it('checks enums of path and query parameters', () => {
    expect(request('v3', 'GET', '/parcels/42/documents/label', undefined, 'dpi=203')).toEqual([]);
    expect(request('v3', 'GET', '/parcels/abc/documents/selfie', undefined, 'dpi=7')).toEqual([
      {
        location: 'path',
        pointer: '',
        parameter: 'id',
        keyword: 'type',
        message: 'Input should be a valid integer',
      },
      {
        location: 'path',
        pointer: '',
        parameter: 'type',
        keyword: 'enum',
        message: '"selfie" is not a valid choice.',
      },
      {
        location: 'query',
        pointer: '',
        parameter: 'dpi',
        keyword: 'enum',
        message: '"7" is not a valid choice.',
      },
    ]);
  });

  it('reads array parameters as repeated and as comma-separated values', () => {
    const path = '/parcel-documents/label';
    expect(request('v3', 'GET', path, undefined, 'parcels=1&parcels=2')).toEqual([]);
    expect(request('v3', 'GET', path, undefined, 'parcels=1,2')).toEqual([]);
    expect(request('v3', 'GET', path, undefined, 'parcels=1,x')).toEqual([
      {
        location: 'query',
        pointer: '/1',
        parameter: 'parcels',
        keyword: 'type',
        message: 'Input should be a valid integer',
      },
    ]);
  });

  it('reports a missing required query parameter', () => {
    expect(request('v3', 'GET', '/parcel-documents/label', undefined, '')).toEqual([
      {
        location: 'query',
        pointer: '',
        parameter: 'parcels',
        keyword: 'required',
        message: 'This field is required.',
      },
    ]);
  });
});

describe('responses', () => {
  const labelSync = op('v3', 'POST', '/orders/create-label-sync');

  it('flags a status the operation does not document', () => {
    expect(specs.validateResponse(labelSync, { status: 418, body: {} })).toEqual([
      {
        location: 'body',
        pointer: '',
        keyword: 'status',
        message: 'Status 418 is not documented for POST /orders/create-label-sync.',
      },
    ]);
  });

  it('accepts the statuses any endpoint can answer, in the generic error shape', () => {
    const orders = op('v3', 'PATCH', '/orders/1');
    const notFound = example('v3-404-not-found.json');
    expect(specs.validateResponse(orders, { status: 404, body: notFound })).toEqual([]);
    expect(specs.validateResponse(orders, { status: 429, body: undefined })).toEqual([]);
    expect(
      specs.validateResponse(orders, { status: 503, body: example('v3-429-rate-limit.json') }),
    ).toEqual([]);
    const v2 = op('v2', 'GET', '/parcels/1');
    expect(
      specs.validateResponse(v2, {
        status: 401,
        body: example('v2-401-unauthorized-webador.json'),
      }),
    ).toEqual([]);
    expect(specs.validateResponse(v2, { status: 401, body: notFound })).toEqual([
      {
        location: 'body',
        pointer: '/error',
        keyword: 'required',
        message: 'This field is required.',
      },
    ]);
  });

  it('checks the content type of binary documents', () => {
    const documents = op('v3', 'GET', '/parcels/42/documents/label');
    const pdf = Buffer.from('%PDF-1.4');
    expect(
      specs.validateResponse(documents, { status: 200, contentType: 'application/pdf', body: pdf }),
    ).toEqual([]);
    expect(
      specs.validateResponse(documents, { status: 200, contentType: 'application/zpl', body: pdf }),
    ).toEqual([]);
    expect(
      specs.validateResponse(documents, { status: 200, contentType: 'text/html', body: pdf }),
    ).toEqual([expect.objectContaining({ keyword: 'contentType' })]);
  });

  it('requires what the response schema requires', () => {
    const announced = example<{ data: Record<string, unknown> }>(
      'v3-shipments-announce-response.json',
    );
    const announce = op('v3', 'POST', '/shipments/announce');
    // The example's null customs_information contradicts the schema (see knownSpecConflicts).
    delete announced.data.customs_information;
    expect(specs.validateResponse(announce, { status: 201, body: announced })).toEqual([]);
    delete announced.data.from_address;
    expect(specs.validateResponse(announce, { status: 201, body: announced })).toEqual([
      {
        location: 'body',
        pointer: '/data/from_address',
        keyword: 'required',
        message: 'This field is required.',
      },
    ]);
  });
});

describe('error bodies as responses', () => {
  const violation = {
    location: 'body' as const,
    pointer: '/to_address/name',
    keyword: 'required',
    message: 'This field is required.',
  };

  it.each([
    ['POST', '/orders'],
    ['GET', '/orders'],
    ['PATCH', '/orders/1'],
    ['POST', '/orders/create-label-sync'],
    ['POST', '/orders/create-labels-async'],
    ['POST', '/shipping-options'],
    ['GET', '/parcels/1/documents/label'],
  ])('v3ErrorBody validates as the documented 400 of %s %s', (method, path) => {
    const body = v3ErrorBody([violation]);
    expect(specs.validateResponse(op('v3', method, path), { status: 400, body })).toEqual([]);
  });

  it('v3ErrorBody does not fit the shipments 4xx schema, which is the bare array (see knownSpecConflicts)', () => {
    const body = v3ErrorBody([violation]);
    expect(
      specs.validateResponse(op('v3', 'POST', '/shipments/announce'), { status: 400, body }),
    ).toEqual([
      { location: 'body', pointer: '', keyword: 'type', message: 'Input should be a valid list' },
    ]);
  });

  it('v2ErrorBody validates as the documented 400 of v2 POST /parcels', () => {
    const body = v2ErrorBody([violation], 'api/v2/parcels');
    expect(specs.validateResponse(op('v2', 'POST', '/parcels'), { status: 400, body })).toEqual([]);
  });
});
