// Every official request/response example validates against its operation, except the ones
// recorded in knownSpecConflicts, and that list holds exactly the examples that fail.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { knownSpecConflicts, loadSpecs, type ApiVersion, type Violation } from './index';
import { examplesDir } from '../../../test/helpers/examples';

const EXAMPLES = examplesDir;

/** [file, "version METHOD path", documented status or 'request']; `*-400-errors.json` files bundle several bodies. */
const table: [string, string, number | 'request'][] = [
  ['v3-orders-create-request.json', 'v3 POST /orders', 'request'],
  ['v3-create-label-sync-request.json', 'v3 POST /orders/create-label-sync', 'request'],
  ['v3-create-labels-async-request.json', 'v3 POST /orders/create-labels-async', 'request'],
  ['v3-shipments-announce-request.json', 'v3 POST /shipments/announce', 'request'],
  ['v3-shipping-options-request.json', 'v3 POST /shipping-options', 'request'],
  ['v2-parcels-create-request.json', 'v2 POST /parcels', 'request'],
  ['v2-parcels-batch-create-request.json', 'v2 POST /parcels', 'request'],

  ['v3-orders-list-response.json', 'v3 GET /orders', 200],
  ['v3-orders-create-response.json', 'v3 POST /orders', 201],
  ['v3-orders-create-400-errors.json', 'v3 POST /orders', 400],
  ['v3-401-invalid-credentials.json', 'v3 GET /orders', 401],
  ['v3-create-label-sync-response.json', 'v3 POST /orders/create-label-sync', 201],
  ['v3-404-not-found.json', 'v3 POST /orders/create-label-sync', 404],
  ['v3-create-labels-async-response.json', 'v3 POST /orders/create-labels-async', 202],
  ['v3-create-labels-async-partial-error.json', 'v3 POST /orders/create-labels-async', 202],
  ['v3-shipments-announce-response.json', 'v3 POST /shipments/announce', 201],
  ['v3-shipments-announce-failed-response.json', 'v3 POST /shipments/announce', 201],
  ['v3-shipments-cancel-202-queued.json', 'v3 POST /shipments/abc/cancel', 202],
  ['v3-shipments-cancel-409.json', 'v3 POST /shipments/abc/cancel', 409],
  ['v3-parcel-documents-400-invalid-type.json', 'v3 GET /parcels/1/documents/label', 400],
  ['v3-shipping-options-response.json', 'v3 POST /shipping-options', 200],
  ['v3-shipping-options-empty-response.json', 'v3 POST /shipping-options', 200],
  ['v3-shipping-options-400-errors.json', 'v3 POST /shipping-options', 400],
  ['v3-429-rate-limit.json', 'v3 POST /dsf/tickets/lost', 429],

  ['v2-parcels-create-response.json', 'v2 POST /parcels', 200],
  ['v2-parcels-batch-partial-error.json', 'v2 POST /parcels', 200],
  ['v2-parcels-create-verbose-carrier-response.json', 'v2 POST /parcels', 200],
  ['v2-parcels-create-400-carrier-error.json', 'v2 POST /parcels', 400],
  ['v2-parcels-create-response-no-label-webador.json', 'v2 POST /parcels', 200],
  ['v2-parcels-create-customs-response-webador.json', 'v2 POST /parcels', 200],
  ['v2-parcels-batch-all-failed-verbose-webador.json', 'v2 POST /parcels', 200],
  ['v2-parcels-list-response.json', 'v2 GET /parcels', 200],
  ['v2-parcels-list-404-invalid-cursor.json', 'v2 GET /parcels', 404],
  ['v2-401-unauthorized-webador.json', 'v2 GET /parcels', 401],
  ['v2-parcels-update-response.json', 'v2 PUT /parcels', 200],
  ['v2-parcels-request-label-response-webador.json', 'v2 PUT /parcels', 200],
  ['v2-parcels-cancel-200.json', 'v2 POST /parcels/1/cancel', 200],
  ['v2-parcels-cancel-200-deleted-webador.json', 'v2 POST /parcels/1/cancel', 200],
  ['v2-parcels-cancel-400-webador.json', 'v2 POST /parcels/1/cancel', 400],
  ['v2-parcel-documents-404-not-found.json', 'v2 GET /parcels/1/documents/commercial-invoice', 404],
  ['v2-labels-get-response.json', 'v2 GET /labels/1', 200],
  ['v2-labels-bulk-response.json', 'v2 POST /labels', 200],
  ['v2-shipping-methods-list-response.json', 'v2 GET /shipping_methods', 200],
  ['v2-shipping-method-get-404.json', 'v2 GET /shipping_methods/0', 404],
  ['v2-sender-addresses-list-response.json', 'v2 GET /user/addresses/sender', 200],
  ['v2-integrations-list-response.json', 'v2 GET /integrations', 200],
  ['v2-returns-list-response.json', 'v2 GET /returns', 200],
  ['v2-service-points-list-response.json', 'v2 GET /service-points', 200],
  ['v2-service-points-400-errors.json', 'v2 GET /service-points', 400],
];

/** Files that are not bodies of an API call. */
const NOT_API_BODIES = ['webhook-parcel-status-changed.json', 'webhook-signature-doc-example.json'];

interface Sample {
  name: string;
  version: ApiVersion;
  method: string;
  path: string;
  status: number | 'request';
  body: unknown;
}

const specs = loadSpecs();

function samples(): Sample[] {
  return table.flatMap(([file, operation, status]) => {
    const [version, method, path] = operation.split(' ') as [ApiVersion, string, string];
    const body: unknown = JSON.parse(readFileSync(new URL(file, EXAMPLES), 'utf8'));
    const named: [string, unknown][] = file.endsWith('-400-errors.json')
      ? Object.entries(body as Record<string, unknown>).map(([key, value]) => [
          `${file}#${key}`,
          value,
        ])
      : [[file, body]];
    return named.map(([name, value]) => ({ name, version, method, path, status, body: value }));
  });
}

function violationsOf(sample: Sample): Violation[] {
  const op = specs.match(sample.version, sample.method, sample.path);
  if (!op) throw new Error(`No operation for ${sample.method} ${sample.path}`);
  if (sample.status === 'request') {
    const input = { query: new URLSearchParams(), headers: {}, contentType: 'application/json' };
    return specs.validateRequest(op, { ...input, body: sample.body });
  }
  return specs.validateResponse(op, {
    status: sample.status,
    contentType: 'application/json',
    body: sample.body,
  });
}

describe('official examples', () => {
  it('covers every example file', () => {
    const files = readdirSync(fileURLToPath(EXAMPLES)).filter(
      (f) => f.endsWith('.json') && !NOT_API_BODIES.includes(f),
    );
    expect(files.sort()).toEqual(table.map(([file]) => file).sort());
  });

  const conflicting = new Set(knownSpecConflicts.map((c) => c.example));

  for (const sample of samples()) {
    const { name, version, method, path, status } = sample;
    it(`${name} validates as ${version} ${method} ${path} ${status}`, () => {
      if (conflicting.has(name)) expect(violationsOf(sample)).not.toEqual([]);
      else expect(violationsOf(sample)).toEqual([]);
    });
  }

  it('lists exactly the examples that contradict their schema', () => {
    const failing = samples().filter((sample) => violationsOf(sample).length > 0);
    expect(failing.map((s) => s.name).sort()).toEqual([...conflicting].sort());
  });

  it('records each conflict with the operation and status of its example', () => {
    for (const conflict of knownSpecConflicts) {
      const sample = samples().find((s) => s.name === conflict.example);
      const op = sample && specs.match(sample.version, sample.method, sample.path);
      expect({
        version: op?.version,
        method: op?.method,
        pathTemplate: op?.pathTemplate,
        status: sample?.status,
      }).toEqual({
        version: conflict.version,
        method: conflict.method,
        pathTemplate: conflict.pathTemplate,
        status: conflict.status,
      });
    }
  });
});
