import { describe, expect, it } from 'vitest';
import { loadSpecs, specDir } from './index';

const specs = loadSpecs();

describe('match', () => {
  it('finds a templated v3 path and extracts its parameters', () => {
    const op = specs.match('v3', 'GET', '/orders/7012401');
    expect(op).toMatchObject({
      version: 'v3',
      method: 'GET',
      pathTemplate: '/orders/{id}',
      pathParams: { id: '7012401' },
      source: 'sendcloud-dev/v3-orders.yaml',
    });
    expect(op?.operationId).toEqual(expect.any(String));
  });

  it('lets literal segments win over templates', () => {
    expect(specs.match('v3', 'POST', '/orders/create-label-sync')?.pathTemplate).toBe(
      '/orders/create-label-sync',
    );
    expect(specs.match('v3', 'POST', '/orders/create-labels-async')?.pathTemplate).toBe(
      '/orders/create-labels-async',
    );
    expect(specs.match('v2', 'GET', '/parcels/statuses')?.pathTemplate).toBe('/parcels/statuses');
    expect(specs.match('v2', 'GET', '/parcels/12')?.pathTemplate).toBe('/parcels/{id}');
    expect(specs.match('v3', 'GET', '/parcels/statuses')?.pathTemplate).toBe('/parcels/statuses');
  });

  it('does not read a literal path as a template with another method', () => {
    // GET /orders/create-label-sync is the literal route with the wrong method, not order "create-label-sync".
    expect(specs.match('v3', 'GET', '/orders/create-label-sync')).toBeNull();
    expect(specs.pathExists('v3', '/orders/create-label-sync')).toBe(true);
  });

  it('matches documents with two path parameters', () => {
    expect(specs.match('v3', 'GET', '/parcels/42/documents/label')).toMatchObject({
      pathTemplate: '/parcels/{id}/documents/{type}',
      pathParams: { id: '42', type: 'label' },
      source: 'sendcloud-dev/v3-parcel-documents.yaml',
    });
    expect(specs.match('v3', 'GET', '/parcel-documents/label')?.pathParams).toEqual({
      type: 'label',
    });
    expect(specs.match('v2', 'GET', '/parcels/42/documents/cn23')?.version).toBe('v2');
  });

  it('prefers the raw sendcloud.dev documents and falls back to the merged bundles', () => {
    expect(specs.match('v2', 'POST', '/parcels')?.source).toBe('sendcloud-dev/v2-parcels.yaml');
    expect(specs.match('v2', 'GET', '/shipping_methods')?.source).toBe(
      'toppynl-merged/v2-openapi.json',
    );
    expect(specs.match('v2', 'GET', '/user/addresses/sender/5')?.source).toBe(
      'toppynl-merged/v2-openapi.json',
    );
    expect(specs.match('v3', 'GET', '/addresses/sender-addresses')?.source).toBe(
      'toppynl-merged/v3-openapi.json',
    );
    expect(specs.match('v3', 'POST', '/shipping-options')?.source).toBe(
      'sendcloud-dev/v3-shipping-options.yaml',
    );
  });

  it('indexes the service-points host as v2', () => {
    expect(specs.match('v2', 'GET', '/service-points')?.source).toBe(
      'sendcloud-dev/v2-service-points.yaml',
    );
    expect(specs.match('v2', 'GET', '/service-points/')?.pathTemplate).toBe('/service-points');
  });

  it('keeps versions apart', () => {
    expect(specs.match('v2', 'POST', '/shipments/announce')).toBeNull();
    expect(specs.match('v3', 'GET', '/shipping_methods')).toBeNull();
  });

  it('returns null for an unknown path, and pathExists tells a wrong method from no route', () => {
    expect(specs.match('v3', 'GET', '/nope')).toBeNull();
    expect(specs.pathExists('v3', '/nope')).toBe(false);
    expect(specs.match('v3', 'PUT', '/orders')).toBeNull();
    expect(specs.pathExists('v3', '/orders')).toBe(true);
    expect(specs.match('v3', 'get', '/orders')?.method).toBe('GET');
  });

  it('ignores a query string and decodes path segments', () => {
    expect(specs.match('v3', 'GET', '/orders?page_size=5')?.pathTemplate).toBe('/orders');
    expect(specs.match('v3', 'GET', '/shipments/a%2Fb')?.pathParams).toEqual({ id: 'a/b' });
  });
});

describe('loading', () => {
  it('finds the vendored documents from the module and caches the parsed set', () => {
    expect(specDir()).toMatch(/resources[\\/]sendcloud-spec$/);
    expect(loadSpecs()).toBe(specs);
  });
});

describe('warmUp', () => {
  // Compiling some 600 schemas takes a second alone and several on a loaded machine: what is
  // checked is that every one compiles, not how fast (that is no test's business).
  it('compiles the schema of every parameter, request body and response of every operation', () => {
    expect(specs.operations().length).toBeGreaterThan(130);
    expect(specs.warmUp()).toBeGreaterThan(500);
  }, 60_000);
});
