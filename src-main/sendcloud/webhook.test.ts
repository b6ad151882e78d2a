import { describe, expect, it } from 'vitest';
import { readExample } from '../../test/helpers/sendcloud-fakes';
import { verifyWebhookSignature } from './webhook';

interface Vector {
  secret: string;
  raw_body: string;
  signature: string;
}

describe('verifyWebhookSignature', () => {
  for (const name of ['webhook-signature-doc-example.json', 'webhook-parcel-status-changed.json']) {
    it(`accepts the signature of ${name} over the raw body, as string or bytes`, () => {
      const v = readExample(name) as Vector;
      expect(verifyWebhookSignature(v.raw_body, v.signature, v.secret)).toBe(true);
      expect(
        verifyWebhookSignature(Buffer.from(v.raw_body), v.signature.toUpperCase(), v.secret),
      ).toBe(true);
    });

    it(`refuses ${name} with another secret, a changed body or re-serialised JSON`, () => {
      const v = readExample(name) as Vector;
      expect(verifyWebhookSignature(v.raw_body, v.signature, `${v.secret}x`)).toBe(false);
      expect(verifyWebhookSignature(`${v.raw_body} `, v.signature, v.secret)).toBe(false);
      const reserialised = JSON.stringify(JSON.parse(v.raw_body), null, 1);
      expect(verifyWebhookSignature(reserialised, v.signature, v.secret)).toBe(false);
    });
  }

  it('refuses a signature that is not 64 hex digits, without throwing', () => {
    const v = readExample('webhook-signature-doc-example.json') as Vector;
    expect(verifyWebhookSignature(v.raw_body, '', v.secret)).toBe(false);
    expect(verifyWebhookSignature(v.raw_body, v.signature.slice(0, 62), v.secret)).toBe(false);
    expect(verifyWebhookSignature(v.raw_body, `${v.signature.slice(0, 63)}g`, v.secret)).toBe(
      false,
    );
    expect(verifyWebhookSignature(v.raw_body, v.signature, '')).toBe(false);
  });
});
