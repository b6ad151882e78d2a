// The webhook receiver (`npm run hub`): the one small server in the warehouse that Sendcloud can
// reach, behind the warehouse's reverse proxy. It takes `parcel_status_changed` webhooks, checks
// their signature on the raw bytes, and writes each status into PostgreSQL once; stations read
// the statuses from there instead of polling Sendcloud.
//
// What it answers, and why: Sendcloud redelivers whatever does not get a 2xx, up to 10 times over
// about 7 hours. So a 2xx goes to every delivery whose answer cannot change by trying again (a
// duplicate, an older status, a replay outside the window, an action the hub does not keep),
// and a non-2xx only where a retry can help or where Sendcloud's log of failed deliveries is the
// right place for it: 503 while PostgreSQL is down, 401 for a bad signature (a wrong secret is
// set here), 422 for a signed status the hub cannot read, 413 for a body over the limit.
import { createHash, randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import pg from 'pg';
import type { Pool } from 'pg';
import { systemClock, type Clock } from '../clock';
import { createLogger } from '../log';
import {
  parcelStatusChangedSchema,
  verifyWebhookSignature,
  webhookEnvelopeSchema,
  webhookSignatureHeader,
} from '../sendcloud/webhook';
import { trackingStatusOfV2Id } from '../shipping/tracking';
import { isConnectionFailure, warehouseTarget } from '../warehouse/link';
import { migrateWarehouse } from '../warehouse/migrations';
import { describeHubSettings, type HubSettings } from './settings';
import { hubGone, hubHeartbeat, storeStatus } from './statuses';

const log = createLogger('hub');

/** Where Sendcloud's integration posts (its `webhook_url`, through the reverse proxy). */
export const WEBHOOK_PATH = '/webhooks/sendcloud';
export const HEALTH_PATH = '/health';
/** How often the hub says it is alive; stations count it gone after HUB_SEEN_WINDOW_S. */
export const HUB_HEARTBEAT_MS = 10_000;

export interface HubOptions extends HubSettings {
  clock?: Clock;
  heartbeatMs?: number;
  /** The hub's name in the `hubs` table; default the host name. */
  name?: string;
}

export interface Hub {
  /** `http://host:port`, where the hub listens. */
  url: string;
  /** The hub's row in `hubs`. */
  id: string;
  close(): Promise<void>;
}

type Answer = { status: number; body: Record<string, unknown> };

class BodyTooLarge extends Error {}

/** The raw body, refused as soon as it passes `limit` bytes (or says it will). */
function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      // Read and thrown away, so the sender hears the 413 instead of a reset.
      req.resume();
      return reject(new BodyTooLarge());
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.off('data', onData);
        req.resume();
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function send(res: http.ServerResponse, answer: Answer, close = false): void {
  const body = JSON.stringify(answer.body);
  res.writeHead(answer.status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
    ...(close ? { connection: 'close' } : {}),
  });
  res.end(body);
}

export async function startHub(options: HubOptions): Promise<Hub> {
  const clock = options.clock ?? systemClock;
  const id = randomUUID();
  const name = (options.name ?? os.hostname()).slice(0, 60);
  const pool: Pool = new pg.Pool({
    connectionString: options.warehouseDb,
    max: 8,
    connectionTimeoutMillis: 2_000,
    idleTimeoutMillis: 10_000,
    query_timeout: 5_000,
    keepAlive: true,
    application_name: `packdesk hub ${name}`.slice(0, 63),
  });
  // An idle connection the server dropped: the next query opens another.
  pool.on('error', (error) => log.warn('warehouse connection lost', { error: error.message }));
  let migrated = false;
  let stopped = false;
  const abort = new AbortController();

  const beat = async () => {
    if (!migrated) {
      await migrateWarehouse(pool);
      migrated = true;
    }
    // Twice the window: a delivery the window still takes always finds its digest.
    const forgetBefore = new Date(clock.now() - 2 * options.replayWindowMs);
    await hubHeartbeat(pool, { id, name, forgetBefore });
  };
  const beatLogged = async () => {
    try {
      await beat();
    } catch (error) {
      if (!stopped) log.warn('warehouse heartbeat failed', { error: (error as Error).message });
    }
  };

  async function webhook(raw: Buffer, signature: string | undefined): Promise<Answer> {
    if (!signature || !options.secrets.some((s) => verifyWebhookSignature(raw, signature, s))) {
      log.warn('webhook refused: bad or missing signature', { bytes: raw.length });
      return { status: 401, body: { error: 'signature' } };
    }
    let json: unknown;
    try {
      json = JSON.parse(raw.toString('utf8'));
    } catch {
      log.warn('signed webhook is not JSON', { bytes: raw.length });
      return { status: 422, body: { error: 'body' } };
    }
    const envelope = webhookEnvelopeSchema.safeParse(json);
    if (!envelope.success) {
      log.warn('signed webhook without action or timestamp', { bytes: raw.length });
      return { status: 422, body: { error: 'body' } };
    }
    const age = clock.now() - envelope.data.timestamp;
    if (age > options.replayWindowMs) {
      log.info('webhook dropped: older than the replay window', {
        action: envelope.data.action,
        ageS: Math.round(age / 1000),
      });
      return { status: 200, body: { result: 'too-old' } };
    }
    if (envelope.data.action !== 'parcel_status_changed') {
      return { status: 200, body: { result: 'ignored' } };
    }
    const parsed = parcelStatusChangedSchema.safeParse(json);
    if (!parsed.success) {
      log.warn('signed parcel_status_changed the hub cannot read', {
        issues: parsed.error.issues.map((issue) => issue.path.join('.')),
      });
      return { status: 422, body: { error: 'body' } };
    }
    const { parcel, timestamp } = parsed.data;
    try {
      if (!migrated) await beat();
      const result = await storeStatus(pool, {
        digest: createHash('sha256').update(raw).digest(),
        parcelId: parcel.id,
        statusId: parcel.status.id,
        statusMessage: parcel.status.message,
        status: trackingStatusOfV2Id(parcel.status.id),
        trackingNumber: parcel.tracking_number ?? null,
        timestampMs: timestamp,
      });
      log.debug('webhook', { parcelId: parcel.id, statusId: parcel.status.id, result });
      return { status: 200, body: { result } };
    } catch (error) {
      // Sendcloud tries again later: the status is not lost while PostgreSQL is down.
      log.warn('webhook not stored', {
        parcelId: parcel.id,
        error: (error as Error).message,
        connection: isConnectionFailure(error),
      });
      return { status: 503, body: { error: 'warehouse' } };
    }
  }

  async function health(): Promise<Answer> {
    try {
      await pool.query('select 1');
    } catch {
      return { status: 503, body: { ok: false, database: 'unreachable' } };
    }
    try {
      // Reachable but not migrated yet: migrate now, or say why not (a newer schema).
      if (!migrated) await beat();
    } catch {
      return { status: 503, body: { ok: false, database: 'not-migrated' } };
    }
    return { status: 200, body: { ok: true, database: 'reachable' } };
  }

  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    void (async () => {
      if (path === HEALTH_PATH && (req.method === 'GET' || req.method === 'HEAD')) {
        return send(res, await health());
      }
      if (path !== WEBHOOK_PATH) return send(res, { status: 404, body: { error: 'not-found' } });
      if (req.method !== 'POST') return send(res, { status: 405, body: { error: 'method' } });
      let raw: Buffer;
      try {
        raw = await readBody(req, options.bodyLimitBytes);
      } catch (error) {
        if (error instanceof BodyTooLarge) {
          log.warn('webhook refused: body over the limit', { limit: options.bodyLimitBytes });
          return send(res, { status: 413, body: { error: 'too-large' } }, true);
        }
        return send(res, { status: 400, body: { error: 'body' } }, true);
      }
      const header = req.headers[webhookSignatureHeader];
      send(res, await webhook(raw, Array.isArray(header) ? header[0] : header));
    })().catch((error: unknown) => {
      log.error('hub request failed', { error: (error as Error).message });
      if (!res.headersSent) send(res, { status: 500, body: { error: 'internal' } });
    });
  });
  server.requestTimeout = 30_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  const url = `http://${host}:${port}`;

  // The first beat migrates; a warehouse not reachable yet is tried again on every beat, and
  // meanwhile webhooks get 503 (Sendcloud redelivers them).
  await beatLogged();
  const loop = (async () => {
    const heartbeatMs = options.heartbeatMs ?? HUB_HEARTBEAT_MS;
    while (!stopped) {
      try {
        await clock.sleep(heartbeatMs, abort.signal);
      } catch {
        return;
      }
      await beatLogged();
    }
  })();
  log.info('hub listening', { url, ...describeHubSettings({ ...options, port }) });

  return {
    url,
    id,
    async close() {
      stopped = true;
      abort.abort();
      await loop;
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await hubGone(pool, id).catch(() => undefined);
      await pool.end().catch(() => undefined);
      log.info('hub stopped', { warehouse: warehouseTarget(options.warehouseDb) });
    },
  };
}
