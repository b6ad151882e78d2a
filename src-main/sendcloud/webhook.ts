// Sendcloud signs each webhook with `Sendcloud-Signature`: lowercase hex HMAC-SHA256 of the raw
// request body, keyed with the integration's secret. Verify the bytes as received: re-serialised
// JSON does not match.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const webhookSignatureHeader = 'sendcloud-signature';

export function verifyWebhookSignature(
  rawBody: Buffer | string,
  signatureHex: string,
  secret: string,
): boolean {
  const given = signatureHex.trim().toLowerCase();
  if (!/^[0-9a-f]{64}$/.test(given) || secret.length === 0) return false;
  const expected = createHmac('sha256', secret).update(rawBody).digest();
  return timingSafeEqual(expected, Buffer.from(given, 'hex'));
}
