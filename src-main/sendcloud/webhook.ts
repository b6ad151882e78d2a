// Sendcloud signs each webhook with `Sendcloud-Signature`: lowercase hex HMAC-SHA256 of the raw
// request body, keyed with the integration's secret. Verify the bytes as received: re-serialised
// JSON does not match.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

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

/** The envelope every integration webhook has: which action, and when (ms since the epoch). */
export const webhookEnvelopeSchema = z.looseObject({
  action: z.string(),
  timestamp: z.number().nonnegative(),
});

/**
 * `parcel_status_changed`, as much of it as the hub reads: the parcel's id, its status and
 * tracking number. The rest of the parcel (the shape of `GET /parcels/{id}`) passes untouched.
 */
export const parcelStatusChangedSchema = z.looseObject({
  action: z.literal('parcel_status_changed'),
  timestamp: z.number().nonnegative(),
  carrier_status_change_timestamp: z.number().nullable().optional(),
  parcel: z.looseObject({
    id: z.number().int().positive(),
    tracking_number: z.string().nullable().optional(),
    status: z.looseObject({ id: z.number().int(), message: z.string() }),
  }),
});

export type ParcelStatusChanged = z.infer<typeof parcelStatusChangedSchema>;
