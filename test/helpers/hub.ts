// The warehouse's webhook receiver for tests: a real hub over real HTTP on a real PostgreSQL,
// Sendcloud's real example webhook, and webhooks signed as Sendcloud signs them.
import { createHmac } from 'node:crypto';
import pg from 'pg';
import type { Clock } from '../../src-main/clock';
import { startHub, WEBHOOK_PATH, type Hub } from '../../src-main/hub/server';
import { DEFAULT_BODY_LIMIT_BYTES } from '../../src-main/hub/settings';
import { readExampleJson } from './examples';

export interface WebhookExample {
  secret: string;
  signature: string;
  raw_body: string;
}

/** Sendcloud's real `parcel_status_changed` webhook, with the secret and signature it came with. */
export function webhookExample(): WebhookExample {
  return readExampleJson('webhook-parcel-status-changed.json') as WebhookExample;
}

export function sign(raw: string | Buffer, secret: string): string {
  return createHmac('sha256', secret).update(raw).digest('hex');
}

/**
 * The real example's body with another status and timestamp (and parcel, if given), as the raw
 * bytes Sendcloud would send: same keys, same order, no spaces.
 */
export function exampleWith(change: {
  statusId: number;
  message: string;
  timestamp: number;
  parcelId?: number;
}): string {
  const body = JSON.parse(webhookExample().raw_body) as {
    timestamp: number;
    parcel: { id: number; status: { id: number; message: string } };
  };
  body.timestamp = change.timestamp;
  body.parcel.status = { id: change.statusId, message: change.message };
  if (change.parcelId !== undefined) body.parcel.id = change.parcelId;
  return JSON.stringify(body);
}

export async function startTestHub(options: {
  warehouseDb: string;
  secrets: string[];
  clock?: Clock;
  replayWindowMs?: number;
  bodyLimitBytes?: number;
  heartbeatMs?: number;
}): Promise<Hub> {
  return startHub({
    warehouseDb: options.warehouseDb,
    secrets: options.secrets,
    port: 0,
    host: '127.0.0.1',
    replayWindowMs: options.replayWindowMs ?? 8 * 3_600_000,
    bodyLimitBytes: options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES,
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.heartbeatMs !== undefined ? { heartbeatMs: options.heartbeatMs } : {}),
    name: 'test hub',
  });
}

/** POST `raw` to the hub's webhook path as Sendcloud does; null signature sends none. */
export async function deliver(
  hub: Pick<Hub, 'url'>,
  raw: string | Buffer,
  signature: string | null,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${hub.url}${WEBHOOK_PATH}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(signature !== null ? { 'Sendcloud-Signature': signature } : {}),
    },
    body: typeof raw === 'string' ? raw : new Uint8Array(raw),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** What the warehouse holds for a parcel's tracking, read straight from PostgreSQL. */
export async function storedStatuses(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const statuses = await client.query<{
      parcel_id: string;
      status: string;
      status_id: number;
      status_message: string;
      tracking_number: string | null;
      changed_at: Date;
    }>('select * from tracking_statuses order by parcel_id');
    const deliveries = await client.query<{ n: string }>(
      'select count(*)::text as n from webhook_deliveries',
    );
    return { statuses: statuses.rows, deliveries: Number(deliveries.rows[0]?.n ?? 0) };
  } finally {
    await client.end();
  }
}
