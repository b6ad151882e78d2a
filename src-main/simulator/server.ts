// The simulator's HTTP API: Sendcloud v3 routes with the spec's shapes, Basic auth on every
// route, and injected faults (latency, then failures) on every /api route after auth.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createLogger } from '../log';
import { carrierForOption, serviceName } from './carriers';
import { errorForStatus, invalidField, invalidParameter, v3Errors, type V3Error } from './errors';
import { renderPdfLabel, renderPngLabel, renderZplLabel, type LabelData } from './labels';
import type { Random } from './prng';
import type { SeededAccount, V3Order } from './seed';

export type LabelFormat = 'zpl' | 'pdf' | 'png';

export interface LedgerEntry {
  orderId: string;
  orderNumber: string;
  parcelId: number;
  shipmentId: string;
  trackingNumber: string;
  carrier: string;
  format: LabelFormat;
  bytes: Buffer;
  createdAt: string;
  publicKey: string;
}

export interface Faults {
  latencyMs: number;
  /** Every API request answers this status with the documented v3 error body. */
  failStatus: number | null;
  /** 0..1: the probability that a request gets `failStatus`. */
  failRate: number;
}

export interface SimulatorState {
  account: SeededAccount;
  ledger: LedgerEntry[];
  faults: Faults;
  /** Draws tracking numbers. */
  random: Random;
  /** Draws injected failures, apart from `random` so faults do not shift the tracking numbers. */
  faultRandom: Random;
  /** `example`: data an array with `label` (the published example); `schema`: an object with `label_details`. */
  labelResponse: 'example' | 'schema';
  parcels: Map<number, ParcelRecord>;
  nextParcelId: number;
  nextShipmentId: number;
}

interface ParcelRecord {
  native: LabelFormat;
  data: LabelData;
  /** Every rendering served so far, so a document is byte-identical on every request. */
  documents: Map<LabelFormat, Buffer>;
}

const log = createLogger('simulator');
const API = '/api/v3';
const MAX_BODY_BYTES = 1_000_000;
const mimeOf: Record<LabelFormat, string> = {
  pdf: 'application/pdf',
  zpl: 'application/zpl',
  png: 'image/png',
};
const formatOf = new Map<string, LabelFormat>([
  ['application/pdf', 'pdf'],
  ['application/zpl', 'zpl'],
  ['image/png', 'png'],
]);
const DPIS = [72, 150, 203, 300, 600];

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly errors: V3Error[],
  ) {
    super(errors[0]?.detail ?? String(status));
  }
}

export function createSimulatorServer(state: SimulatorState): {
  server: Server;
  cancelPending(): void;
} {
  const pending = new Set<{ timer: NodeJS.Timeout; resolve: () => void }>();
  const delay = (ms: number) =>
    new Promise<void>((resolve) => {
      const entry = {
        timer: setTimeout(() => {
          pending.delete(entry);
          resolve();
        }, ms),
        resolve,
      };
      pending.add(entry);
    });

  const server = createServer((req, res) => {
    const started = Date.now();
    res.setHeader('X-Request-Id', randomUUID());
    handle(req, res)
      .catch((error: unknown) => {
        if (error instanceof HttpError) return sendErrors(res, error.status, error.errors);
        log.error('simulator request failed', { error, path: req.url });
        return sendErrors(res, 500, [errorForStatus(500)]);
      })
      .finally(() =>
        log.debug('request', {
          method: req.method,
          path: req.url,
          status: res.statusCode,
          ms: Date.now() - started,
        }),
      );
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://simulator');
    const auth = checkAuth(req.headers.authorization, state.account.keys);
    if (auth !== 'ok') {
      res.setHeader('WWW-Authenticate', 'Basic realm="api"');
      throw new HttpError(401, [
        auth === 'missing' ? v3Errors.noCredentials : v3Errors.invalidCredentials,
      ]);
    }
    if (url.pathname.startsWith('/api/')) {
      const { latencyMs, failStatus, failRate } = state.faults;
      if (latencyMs > 0) await delay(latencyMs);
      if (failStatus !== null && state.faultRandom.next() < failRate) {
        if (failStatus === 429) res.setHeader('Retry-After', '1');
        return sendErrors(res, failStatus, [errorForStatus(failStatus)]);
      }
    }

    const path = url.pathname.replace(/\/+$/, '');
    const method = req.method ?? 'GET';
    const route = (allowed: string) => {
      if (method !== allowed) throw methodNotAllowed(method);
    };
    if (path === `${API}/integrations`) {
      route('GET');
      return sendJson(res, 200, { data: [state.account.integration] });
    }
    if (path === `${API}/orders`) {
      route('GET');
      return listOrders(req, res, url);
    }
    if (path === `${API}/orders/create-label-sync`) {
      route('POST');
      return createLabelSync(res, await readJson(req), req.headers.host);
    }
    const orderMatch = new RegExp(`^${API}/orders/([^/]+)$`).exec(path);
    if (orderMatch) {
      route('GET');
      return getOrder(res, decodeURIComponent(orderMatch[1] ?? ''));
    }
    const documentMatch = new RegExp(`^${API}/parcels/([^/]+)/documents/([^/]+)$`).exec(path);
    if (documentMatch) {
      route('GET');
      return getDocument(req, res, url, documentMatch[1] ?? '', documentMatch[2] ?? '');
    }
    throw new HttpError(404, [v3Errors.pageNotFound]);
  }

  function listOrders(req: IncomingMessage, res: ServerResponse, url: URL) {
    const query = url.searchParams;
    const pageSize = parsePageSize(query.get('page_size'));
    let orders = state.account.orders;

    const integration = query.get('integration');
    if (integration !== null) {
      const ids = integration.split(',').map((part) => part.trim());
      for (const id of ids) {
        if (!/^\d+$/.test(id) || Number(id) !== state.account.integration.id) {
          throw new HttpError(400, [
            invalidParameter(
              'integration',
              `Select a valid choice. ${id} is not one of the available choices.`,
              'invalid_choice',
            ),
          ]);
        }
      }
    }
    const equalsIgnoringCase = (name: string, pick: (order: V3Order) => string) => {
      const value = query.get(name);
      if (value === null) return;
      orders = orders.filter((order) => pick(order).toLowerCase() === value.toLowerCase());
    };
    equalsIgnoringCase('order_number', (order) => order.order_number);
    equalsIgnoringCase('order_id', (order) => order.order_id);
    equalsIgnoringCase('status', (order) => order.order_details.status.code);
    for (const field of ['order_created_at', 'order_updated_at'] as const) {
      for (const suffix of ['', '_min', '_max'] as const) {
        const name = `${field}${suffix}`;
        const value = query.get(name);
        if (value === null) continue;
        const [from, to] = dateBounds(name, value);
        orders = orders.filter((order) => {
          const at = Date.parse(order.order_details[field]);
          return (suffix === '_max' || at >= from) && (suffix === '_min' || at <= to);
        });
      }
    }

    // Default sort `-pk`: newest first; the cursor holds the last position seen.
    orders = [...orders].sort((a, b) => Number(b.id) - Number(a.id));
    const cursor = query.get('cursor');
    if (cursor !== null) {
      const position = decodeCursor(cursor);
      orders = orders.filter((order) => Number(order.id) < position);
    }
    const page = orders.slice(0, pageSize);
    const last = page[page.length - 1];
    if (orders.length > pageSize && last) {
      const next = new URL(`http://${req.headers.host ?? '127.0.0.1'}${API}/orders`);
      query.forEach((value, key) => {
        if (key !== 'cursor') next.searchParams.set(key, value);
      });
      next.searchParams.set('cursor', Buffer.from(`p=${last.id}`).toString('base64'));
      res.setHeader('Link', `<${next.toString()}>; rel="next"`);
    }
    sendJson(res, 200, { data: page });
  }

  function getOrder(res: ServerResponse, id: string) {
    const order = state.account.orders.find((candidate) => candidate.id === id);
    if (!/^\d+$/.test(id) || !order) throw new HttpError(404, [v3Errors.orderNotFound]);
    sendJson(res, 200, { data: order });
  }

  async function createLabelSync(res: ServerResponse, body: unknown, host: string | undefined) {
    const request = validateLabelRequest(body);
    if (request.integrationId !== state.account.integration.id) {
      throw new HttpError(400, [
        invalidField(
          '/data/attributes/integration_id',
          `Integration with id ${request.integrationId} does not exist`,
        ),
      ]);
    }
    if (
      request.senderAddressId !== undefined &&
      request.senderAddressId !== state.account.senderAddress.id
    ) {
      throw new HttpError(404, [
        {
          status: '404',
          code: 'invalid',
          detail: 'Does not exist.',
          source: { pointer: '/data/attributes/sender_address_id' },
        },
      ]);
    }
    const order = state.account.orders.find(
      (candidate) =>
        candidate.order_details.integration.id === request.integrationId &&
        (request.orderId === undefined || candidate.order_id === request.orderId) &&
        (request.orderNumber === undefined || candidate.order_number === request.orderNumber),
    );
    if (!order) throw new HttpError(404, [v3Errors.orderNotFound]);

    const optionCode =
      request.shippingOptionCode ??
      order.shipping_details.ship_with.properties.shipping_option_code;
    const carrier = carrierForOption(optionCode);
    if (!carrier) {
      throw new HttpError(400, [
        invalidField(
          '/data/attributes/ship_with/properties/shipping_option_code',
          `Shipping option ${optionCode} is not available.`,
        ),
      ]);
    }

    // Real Sendcloud has no duplicate protection here: every call makes a new parcel.
    let trackingNumber = carrier.trackingNumber(state.random);
    while (state.ledger.some((entry) => entry.trackingNumber === trackingNumber)) {
      trackingNumber = carrier.trackingNumber(state.random);
    }
    const parcelId = state.nextParcelId++;
    const shipmentId = String(state.nextShipmentId++);
    const createdAt = new Date().toISOString();
    const data: LabelData = {
      trackingNumber,
      carrierName: carrier.name,
      service: serviceName(optionCode),
      orderNumber: order.order_number,
      parcelId,
      weightKg: order.shipping_details.measurement.weight.value,
      createdAt,
      sender: state.account.senderAddress,
      recipient: order.shipping_address,
    };
    const bytes = await render(data, request.format);
    state.parcels.set(parcelId, {
      native: request.format,
      data,
      documents: new Map([[request.format, bytes]]),
    });
    state.ledger.push({
      orderId: order.order_id,
      orderNumber: order.order_number,
      parcelId,
      shipmentId,
      trackingNumber,
      carrier: carrier.code,
      format: request.format,
      bytes,
      createdAt,
      publicKey: state.account.keys.publicKey,
    });

    const origin = `http://${host ?? '127.0.0.1'}`;
    const file = {
      file: bytes.toString('base64'),
      mime_type: mimeOf[request.format],
      // ZPL and our PNG come at the carrier's 203 dpi whatever was asked; PDF echoes the request.
      dpi: request.format === 'pdf' ? request.dpi : 203,
    };
    const item = {
      parcel_id: parcelId,
      shipment_id: shipmentId,
      order_id: order.order_id,
      order_number: order.order_number,
      ship_with: {
        type: 'shipping_option_code',
        properties: { shipping_option_code: optionCode, contract_id: carrier.contractId },
      },
      tracking_number: trackingNumber,
      tracking_url: carrier.trackingUrl(
        trackingNumber,
        order.shipping_address.country_code,
        order.shipping_address.postal_code,
      ),
      ...(state.labelResponse === 'example' ? { label: file } : { label_details: file }),
      documents: [
        {
          type: 'label',
          document_type: 'label',
          size: 'a6',
          link: `${origin}${API}/parcels/${parcelId}/documents/label`,
        },
      ],
    };
    sendJson(res, 201, { data: state.labelResponse === 'example' ? [item] : item });
  }

  async function getDocument(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    id: string,
    type: string,
  ) {
    if (!['label', 'customs-declaration', 'air-waybill'].includes(type)) {
      throw new HttpError(400, [v3Errors.invalidDocumentType]);
    }
    const dpi = url.searchParams.get('dpi');
    if (dpi !== null && !DPIS.includes(Number(dpi))) {
      throw new HttpError(400, [
        invalidParameter('dpi', `"${dpi}" is not a valid choice.`, 'invalid_choice'),
      ]);
    }
    const paperSize = url.searchParams.get('paper_size');
    if (paperSize !== null && !['A4', 'A5', 'A6'].includes(paperSize)) {
      throw new HttpError(400, [
        invalidParameter('paper_size', `"${paperSize}" is not a valid choice.`, 'invalid_choice'),
      ]);
    }
    const parcel = /^\d+$/.test(id) ? state.parcels.get(Number(id)) : undefined;
    if (!parcel) throw new HttpError(404, [v3Errors.parcelNotFound]);
    // Domestic EU parcels carry no customs papers.
    if (type !== 'label') throw new HttpError(404, [v3Errors.documentNotAvailable]);

    // A label first made as native ZPL can only ever be served as ZPL (spec, Accept header).
    const format = parcel.native === 'zpl' ? 'zpl' : acceptedFormat(req.headers.accept);
    let bytes = parcel.documents.get(format);
    if (!bytes) {
      bytes = await render(parcel.data, format);
      parcel.documents.set(format, bytes);
    }
    res.writeHead(200, {
      'Content-Type': mimeOf[format],
      'Content-Length': bytes.length,
      'Content-Disposition': `inline; filename="label-${id}.${format}"`,
    });
    res.end(bytes);
  }

  return {
    server,
    cancelPending() {
      for (const entry of pending) {
        clearTimeout(entry.timer);
        entry.resolve();
      }
      pending.clear();
    },
  };
}

async function render(data: LabelData, format: LabelFormat): Promise<Buffer> {
  switch (format) {
    case 'zpl':
      return renderZplLabel(data);
    case 'pdf':
      return renderPdfLabel(data);
    case 'png':
      return renderPngLabel(renderZplLabel(data));
  }
}

interface LabelRequest {
  integrationId: number;
  orderId?: string;
  orderNumber?: string;
  format: LabelFormat;
  dpi: number;
  senderAddressId?: number;
  shippingOptionCode?: string;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Validate a create-label-sync body as the spec's `create-labels-sync` schema does. */
function validateLabelRequest(body: unknown): LabelRequest {
  const at = (field: string) => `/data/attributes/${field}`;
  if (!isRecord(body)) {
    throw new HttpError(400, [
      invalidField('/data', 'Wrong request format, expected an object', 'non_field_errors'),
    ]);
  }
  const errors: V3Error[] = [];
  const known = [
    'integration_id',
    'sender_address_id',
    'brand_id',
    'ship_with',
    'order',
    'label_details',
  ];
  for (const key of Object.keys(body)) {
    if (!known.includes(key))
      errors.push(invalidField(at(key), 'Extra inputs are not permitted', 'unknown_field'));
  }

  const integrationId = body.integration_id;
  if (integrationId === undefined)
    errors.push(invalidField(at('integration_id'), 'Field required', 'required'));
  else if (!Number.isInteger(integrationId))
    errors.push(invalidField(at('integration_id'), 'Input should be a valid integer'));

  const senderAddressId = body.sender_address_id;
  if (senderAddressId !== undefined && !Number.isInteger(senderAddressId)) {
    errors.push(invalidField(at('sender_address_id'), 'Input should be a valid integer'));
  }

  let orderId: string | undefined;
  let orderNumber: string | undefined;
  const order = body.order;
  if (order === undefined) errors.push(invalidField(at('order'), 'Field required', 'required'));
  else if (!isRecord(order))
    errors.push(invalidField(at('order'), 'Input should be a valid dictionary'));
  else {
    const selector = (field: 'order_id' | 'order_number', max: number) => {
      const value = order[field];
      if (value === undefined) return undefined;
      if (typeof value !== 'string')
        errors.push(invalidField(at(`order/${field}`), 'Input should be a valid string'));
      else if (value.length < 1 || value.length > max) {
        errors.push(
          invalidField(at(`order/${field}`), `String should have between 1 and ${max} characters`),
        );
      } else return value;
      return undefined;
    };
    orderId = selector('order_id', 64);
    orderNumber = selector('order_number', 255);
    if (order.order_id === undefined && order.order_number === undefined) {
      errors.push(
        invalidField(at('order'), 'Either order_id or order_number is required', 'required'),
      );
    }
    if (
      order.apply_shipping_rules !== undefined &&
      typeof order.apply_shipping_rules !== 'boolean'
    ) {
      errors.push(
        invalidField(at('order/apply_shipping_rules'), 'Input should be a valid boolean'),
      );
    }
  }

  let format: LabelFormat = 'pdf';
  let dpi = 72;
  const details = body.label_details;
  if (details !== undefined) {
    if (!isRecord(details))
      errors.push(invalidField(at('label_details'), 'Input should be a valid dictionary'));
    else {
      if (details.mime_type !== undefined) {
        const asked =
          typeof details.mime_type === 'string' ? formatOf.get(details.mime_type) : undefined;
        if (asked) format = asked;
        else {
          errors.push(
            invalidField(
              at('label_details/mime_type'),
              "Input should be 'application/pdf', 'application/zpl' or 'image/png'",
            ),
          );
        }
      }
      if (details.dpi !== undefined) {
        if (typeof details.dpi === 'number' && DPIS.includes(details.dpi)) dpi = details.dpi;
        else
          errors.push(
            invalidField(at('label_details/dpi'), 'Input should be 72, 150, 203, 300 or 600'),
          );
      }
    }
  }

  let shippingOptionCode: string | undefined;
  const shipWith = body.ship_with;
  if (shipWith !== undefined) {
    const properties = isRecord(shipWith) ? shipWith.properties : undefined;
    if (!isRecord(shipWith) || shipWith.type !== 'shipping_option_code') {
      errors.push(invalidField(at('ship_with/type'), "Input should be 'shipping_option_code'"));
    } else if (!isRecord(properties) || typeof properties.shipping_option_code !== 'string') {
      errors.push(
        invalidField(at('ship_with/properties/shipping_option_code'), 'Field required', 'required'),
      );
    } else shippingOptionCode = properties.shipping_option_code;
  }

  if (errors.length > 0) throw new HttpError(400, errors);
  return {
    integrationId: integrationId as number,
    orderId,
    orderNumber,
    format,
    dpi,
    senderAddressId: senderAddressId as number | undefined,
    shippingOptionCode,
  };
}

function checkAuth(
  header: string | undefined,
  keys: { publicKey: string; secretKey: string },
): 'ok' | 'missing' | 'invalid' {
  const match = /^Basic\s+(\S+)$/i.exec(header ?? '');
  if (!match?.[1]) return 'missing';
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return 'invalid';
  return decoded.slice(0, colon) === keys.publicKey && decoded.slice(colon + 1) === keys.secretKey
    ? 'ok'
    : 'invalid';
}

function parsePageSize(value: string | null): number {
  if (value === null) return 100;
  if (!/^\d+$/.test(value))
    throw new HttpError(400, [invalidParameter('page_size', 'A valid integer is required.')]);
  const size = Number(value);
  if (size < 1)
    throw new HttpError(400, [
      invalidParameter('page_size', 'Ensure this value is greater than or equal to 1.'),
    ]);
  if (size > 200)
    throw new HttpError(400, [
      invalidParameter('page_size', 'Ensure this value is less than or equal to 200.'),
    ]);
  return size;
}

function decodeCursor(cursor: string): number {
  const decoded = /^[A-Za-z0-9+/]+={0,2}$/.test(cursor)
    ? Buffer.from(cursor, 'base64').toString('utf8')
    : '';
  const match = /^p=(\d+)$/.exec(decoded);
  if (!match) throw new HttpError(404, [v3Errors.invalidCursor]);
  return Number(match[1]);
}

/** A date (the whole day, UTC) or a date-time (that instant) as [from, to] milliseconds. */
function dateBounds(parameter: string, value: string): [number, number] {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const start = Date.parse(`${value}T00:00:00Z`);
    if (!Number.isNaN(start)) return [start, start + 86_400_000 - 1];
  } else {
    const at = Date.parse(value);
    if (!Number.isNaN(at) && /^\d{4}-\d{2}-\d{2}T/.test(value)) return [at, at];
  }
  throw new HttpError(400, [invalidParameter(parameter, 'Enter a valid date.')]);
}

function acceptedFormat(accept: string | undefined): LabelFormat {
  for (const part of (accept ?? '').split(',')) {
    const format = formatOf.get(part.split(';')[0]?.trim().toLowerCase() ?? '');
    if (format) return format;
  }
  return 'pdf';
}

function methodNotAllowed(method: string): HttpError {
  return new HttpError(405, [
    {
      status: '405',
      code: 'method_not_allowed',
      title: 'Method not allowed',
      detail: `Method "${method}" not allowed.`,
    },
  ]);
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, [errorForStatus(413)]);
    chunks.push(buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    throw new HttpError(400, [invalidField('/data', 'JSON parse error', 'invalid')]);
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}

function sendErrors(res: ServerResponse, status: number, errors: V3Error[]): void {
  if (res.headersSent || res.destroyed) return;
  sendJson(res, status, { errors });
}
