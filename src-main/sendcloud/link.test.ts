import { describe, expect, it } from 'vitest';
import { nextPage, parseLinkHeader } from './link';

describe('parseLinkHeader', () => {
  it('reads next and prev from the documented v3 header', () => {
    const header =
      '<https://panel.sendcloud.sc/api/v3/shipments?cursor=cD0xMjM=>; rel="next", ' +
      '<https://panel.sendcloud.sc/api/v3/shipments?cursor=cj0xJnA9NDU2>; rel="prev"';
    const links = parseLinkHeader(header);
    expect(links.get('next')).toBe('https://panel.sendcloud.sc/api/v3/shipments?cursor=cD0xMjM=');
    expect(links.get('prev')).toBe(
      'https://panel.sendcloud.sc/api/v3/shipments?cursor=cj0xJnA9NDU2',
    );
  });

  it('copes with commas inside the URI, unquoted rel and several relation types', () => {
    const header =
      '<https://x.test/orders?integration=1,2&cursor=abc>; rel=next, <https://x.test/a>; title="a, b"; rel="prev first"';
    const links = parseLinkHeader(header);
    expect(links.get('next')).toBe('https://x.test/orders?integration=1,2&cursor=abc');
    expect(links.get('prev')).toBe('https://x.test/a');
    expect(links.get('first')).toBe('https://x.test/a');
  });

  it('is empty for a missing header', () => {
    expect(parseLinkHeader(null).size).toBe(0);
    expect(parseLinkHeader('').size).toBe(0);
  });
});

describe('nextPage', () => {
  it('extracts the cursor of the next link, decoding it', () => {
    expect(
      nextPage('<https://p.test/api/v3/orders?page_size=2&cursor=cD0xMjM%3D>; rel="next"'),
    ).toEqual({
      kind: 'next',
      cursor: 'cD0xMjM=',
    });
  });

  it('resolves a relative next link', () => {
    expect(nextPage('</api/v3/orders?cursor=bz0y>; rel="next"', 'http://127.0.0.1:4010')).toEqual({
      kind: 'next',
      cursor: 'bz0y',
    });
  });

  it('is the last page when only prev is present', () => {
    expect(nextPage('<https://p.test/api/v3/orders?cursor=cj0x>; rel="prev"')).toEqual({
      kind: 'last',
    });
  });

  it('flags a next link without a cursor instead of calling it the last page', () => {
    expect(nextPage('<https://p.test/api/v3/orders?page=2>; rel="next"')).toEqual({
      kind: 'no-cursor',
    });
  });
});
