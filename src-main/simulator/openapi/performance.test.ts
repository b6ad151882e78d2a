// The simulator validates every request and response of every scan; after the first call per
// operation (parse + compile) a validation must stay well under a millisecond.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadSpecs } from './index';
import { exampleUrl } from '../../../test/helpers/examples';

function example(file: string): unknown {
  const url = exampleUrl(file);
  return JSON.parse(readFileSync(url, 'utf8'));
}

describe('validation speed', () => {
  it('validates a label request and its response in well under 1 ms after warm-up', () => {
    const specs = loadSpecs();
    const request = example('v3-shipments-announce-request.json');
    const response = example('v3-orders-list-response.json');
    const announce = specs.match('v3', 'POST', '/shipments/announce');
    const list = specs.match('v3', 'GET', '/orders');
    if (!announce || !list) throw new Error('operations missing');
    const round = () => {
      specs.validateRequest(announce, {
        query: new URLSearchParams(),
        headers: {},
        body: request,
        contentType: 'application/json',
      });
      specs.validateRequest(list, {
        query: new URLSearchParams('page_size=50'),
        headers: {},
        body: undefined,
      });
      specs.validateResponse(list, {
        status: 200,
        contentType: 'application/json',
        body: response,
      });
    };
    for (let i = 0; i < 50; i += 1) round();
    const rounds = 500;
    const start = performance.now();
    for (let i = 0; i < rounds; i += 1) round();
    const perValidation = (performance.now() - start) / (rounds * 3);
    expect(perValidation).toBeLessThan(1);
  });
});
