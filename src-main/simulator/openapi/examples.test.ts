// Every official request/response example validates against its operation, except the ones
// recorded in knownSpecConflicts, and that list holds exactly the examples that fail.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { knownSpecConflicts, loadSpecs, type ApiVersion, type Violation } from './index';

const EXAMPLES = new URL('../../../../shared/sendcloud/examples/', import.meta.url);

interface ExampleCase {
  file: string;
  version: ApiVersion;
  method: string;
  path: string;
  /** The documented status of a response example; 'request' for a request body. */
  status: number | 'request';
  /** The file is a map of example name -> body (the `*-400-errors.json` bundles). */
  bundle?: boolean;
}

const cases: ExampleCase[] = [
  {
    file: 'v3-orders-create-request.json',
    version: 'v3',
    method: 'POST',
    path: '/orders',
    status: 'request',
  },
  {
    file: 'v3-create-label-sync-request.json',
    version: 'v3',
    method: 'POST',
    path: '/orders/create-label-sync',
    status: 'request',
  },
  {
    file: 'v3-create-labels-async-request.json',
    version: 'v3',
    method: 'POST',
    path: '/orders/create-labels-async',
    status: 'request',
  },
  {
    file: 'v3-shipments-announce-request.json',
    version: 'v3',
    method: 'POST',
    path: '/shipments/announce',
    status: 'request',
  },
  {
    file: 'v3-shipping-options-request.json',
    version: 'v3',
    method: 'POST',
    path: '/shipping-options',
    status: 'request',
  },
  {
    file: 'v2-parcels-create-request.json',
    version: 'v2',
    method: 'POST',
    path: '/parcels',
    status: 'request',
  },
  {
    file: 'v2-parcels-batch-create-request.json',
    version: 'v2',
    method: 'POST',
    path: '/parcels',
    status: 'request',
  },

  {
    file: 'v3-orders-list-response.json',
    version: 'v3',
    method: 'GET',
    path: '/orders',
    status: 200,
  },
  {
    file: 'v3-orders-create-response.json',
    version: 'v3',
    method: 'POST',
    path: '/orders',
    status: 201,
  },
  {
    file: 'v3-orders-create-400-errors.json',
    version: 'v3',
    method: 'POST',
    path: '/orders',
    status: 400,
    bundle: true,
  },
  {
    file: 'v3-401-invalid-credentials.json',
    version: 'v3',
    method: 'GET',
    path: '/orders',
    status: 401,
  },
  {
    file: 'v3-create-label-sync-response.json',
    version: 'v3',
    method: 'POST',
    path: '/orders/create-label-sync',
    status: 201,
  },
  {
    file: 'v3-404-not-found.json',
    version: 'v3',
    method: 'POST',
    path: '/orders/create-label-sync',
    status: 404,
  },
  {
    file: 'v3-create-labels-async-response.json',
    version: 'v3',
    method: 'POST',
    path: '/orders/create-labels-async',
    status: 202,
  },
  {
    file: 'v3-create-labels-async-partial-error.json',
    version: 'v3',
    method: 'POST',
    path: '/orders/create-labels-async',
    status: 202,
  },
  {
    file: 'v3-shipments-announce-response.json',
    version: 'v3',
    method: 'POST',
    path: '/shipments/announce',
    status: 201,
  },
  {
    file: 'v3-shipments-announce-failed-response.json',
    version: 'v3',
    method: 'POST',
    path: '/shipments/announce',
    status: 201,
  },
  {
    file: 'v3-shipments-cancel-202-queued.json',
    version: 'v3',
    method: 'POST',
    path: '/shipments/abc/cancel',
    status: 202,
  },
  {
    file: 'v3-shipments-cancel-409.json',
    version: 'v3',
    method: 'POST',
    path: '/shipments/abc/cancel',
    status: 409,
  },
  {
    file: 'v3-parcel-documents-400-invalid-type.json',
    version: 'v3',
    method: 'GET',
    path: '/parcels/1/documents/label',
    status: 400,
  },
  {
    file: 'v3-shipping-options-response.json',
    version: 'v3',
    method: 'POST',
    path: '/shipping-options',
    status: 200,
  },
  {
    file: 'v3-shipping-options-empty-response.json',
    version: 'v3',
    method: 'POST',
    path: '/shipping-options',
    status: 200,
  },
  {
    file: 'v3-shipping-options-400-errors.json',
    version: 'v3',
    method: 'POST',
    path: '/shipping-options',
    status: 400,
    bundle: true,
  },
  {
    file: 'v3-429-rate-limit.json',
    version: 'v3',
    method: 'POST',
    path: '/dsf/tickets/lost',
    status: 429,
  },

  {
    file: 'v2-parcels-create-response.json',
    version: 'v2',
    method: 'POST',
    path: '/parcels',
    status: 200,
  },
  {
    file: 'v2-parcels-batch-partial-error.json',
    version: 'v2',
    method: 'POST',
    path: '/parcels',
    status: 200,
  },
  {
    file: 'v2-parcels-create-verbose-carrier-response.json',
    version: 'v2',
    method: 'POST',
    path: '/parcels',
    status: 200,
  },
  {
    file: 'v2-parcels-create-400-carrier-error.json',
    version: 'v2',
    method: 'POST',
    path: '/parcels',
    status: 400,
  },
  {
    file: 'v2-parcels-create-response-no-label-webador.json',
    version: 'v2',
    method: 'POST',
    path: '/parcels',
    status: 200,
  },
  {
    file: 'v2-parcels-create-customs-response-webador.json',
    version: 'v2',
    method: 'POST',
    path: '/parcels',
    status: 200,
  },
  {
    file: 'v2-parcels-batch-all-failed-verbose-webador.json',
    version: 'v2',
    method: 'POST',
    path: '/parcels',
    status: 200,
  },
  {
    file: 'v2-parcels-list-response.json',
    version: 'v2',
    method: 'GET',
    path: '/parcels',
    status: 200,
  },
  {
    file: 'v2-parcels-list-404-invalid-cursor.json',
    version: 'v2',
    method: 'GET',
    path: '/parcels',
    status: 404,
  },
  {
    file: 'v2-401-unauthorized-webador.json',
    version: 'v2',
    method: 'GET',
    path: '/parcels',
    status: 401,
  },
  {
    file: 'v2-parcels-update-response.json',
    version: 'v2',
    method: 'PUT',
    path: '/parcels',
    status: 200,
  },
  {
    file: 'v2-parcels-request-label-response-webador.json',
    version: 'v2',
    method: 'PUT',
    path: '/parcels',
    status: 200,
  },
  {
    file: 'v2-parcels-cancel-200.json',
    version: 'v2',
    method: 'POST',
    path: '/parcels/1/cancel',
    status: 200,
  },
  {
    file: 'v2-parcels-cancel-200-deleted-webador.json',
    version: 'v2',
    method: 'POST',
    path: '/parcels/1/cancel',
    status: 200,
  },
  {
    file: 'v2-parcels-cancel-400-webador.json',
    version: 'v2',
    method: 'POST',
    path: '/parcels/1/cancel',
    status: 400,
  },
  {
    file: 'v2-parcel-documents-404-not-found.json',
    version: 'v2',
    method: 'GET',
    path: '/parcels/1/documents/commercial-invoice',
    status: 404,
  },
  {
    file: 'v2-labels-get-response.json',
    version: 'v2',
    method: 'GET',
    path: '/labels/1',
    status: 200,
  },
  {
    file: 'v2-labels-bulk-response.json',
    version: 'v2',
    method: 'POST',
    path: '/labels',
    status: 200,
  },
  {
    file: 'v2-shipping-methods-list-response.json',
    version: 'v2',
    method: 'GET',
    path: '/shipping_methods',
    status: 200,
  },
  {
    file: 'v2-shipping-method-get-404.json',
    version: 'v2',
    method: 'GET',
    path: '/shipping_methods/0',
    status: 404,
  },
  {
    file: 'v2-sender-addresses-list-response.json',
    version: 'v2',
    method: 'GET',
    path: '/user/addresses/sender',
    status: 200,
  },
  {
    file: 'v2-integrations-list-response.json',
    version: 'v2',
    method: 'GET',
    path: '/integrations',
    status: 200,
  },
  {
    file: 'v2-returns-list-response.json',
    version: 'v2',
    method: 'GET',
    path: '/returns',
    status: 200,
  },
  {
    file: 'v2-service-points-list-response.json',
    version: 'v2',
    method: 'GET',
    path: '/service-points',
    status: 200,
  },
  {
    file: 'v2-service-points-400-errors.json',
    version: 'v2',
    method: 'GET',
    path: '/service-points',
    status: 400,
    bundle: true,
  },
];

/** Files that are not bodies of an API call. */
const NOT_API_BODIES = ['webhook-parcel-status-changed.json', 'webhook-signature-doc-example.json'];

function readExample(file: string): unknown {
  return JSON.parse(readFileSync(new URL(file, EXAMPLES), 'utf8'));
}

function bodiesOf(example: ExampleCase): [string, unknown][] {
  const body = readExample(example.file);
  if (!example.bundle) return [[example.file, body]];
  return Object.entries(body as Record<string, unknown>).map(([name, value]) => [
    `${example.file}#${name}`,
    value,
  ]);
}

function violationsOf(example: ExampleCase, body: unknown): Violation[] {
  const specs = loadSpecs();
  const op = specs.match(example.version, example.method, example.path);
  if (!op) throw new Error(`No operation for ${example.method} ${example.path}`);
  if (example.status === 'request') {
    return specs.validateRequest(op, {
      query: new URLSearchParams(),
      headers: {},
      body,
      contentType: 'application/json',
    });
  }
  return specs.validateResponse(op, {
    status: example.status,
    contentType: 'application/json',
    body,
  });
}

describe('official examples', () => {
  it('covers every example file', () => {
    const files = readdirSync(fileURLToPath(EXAMPLES)).filter(
      (f) => f.endsWith('.json') && !NOT_API_BODIES.includes(f),
    );
    expect(files.sort()).toEqual([...new Set(cases.map((c) => c.file))].sort());
  });

  const conflicting = new Set(knownSpecConflicts.map((c) => c.example));

  for (const example of cases) {
    for (const [name, body] of bodiesOf(example)) {
      const what = example.status === 'request' ? 'request' : String(example.status);
      it(`${name} validates as ${example.version} ${example.method} ${example.path} ${what}`, () => {
        const violations = violationsOf(example, body);
        if (conflicting.has(name)) expect(violations).not.toEqual([]);
        else expect(violations).toEqual([]);
      });
    }
  }

  it('lists exactly the examples that contradict their schema', () => {
    const failing = cases
      .flatMap((example) => bodiesOf(example).map(([name, body]) => ({ name, example, body })))
      .filter(({ example, body }) => violationsOf(example, body).length > 0)
      .map(({ name }) => name);
    expect(failing.sort()).toEqual(knownSpecConflicts.map((c) => c.example).sort());
  });
});
