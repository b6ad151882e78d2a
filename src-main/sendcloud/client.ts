// Typed client for the Sendcloud API v3. Every response is parsed with zod; every failure is a
// SendcloudError with a kind the caller can act on. Retries and rate limiting belong in `send`,
// the one function that puts requests on the wire.
import type { z } from 'zod';
import { SendcloudError, classify, parseErrorDetails, parseRetryAfter } from './errors';
import { nextPage } from './link';
import {
  integrationListSchema,
  labelSyncResponseSchema,
  orderListSchema,
  orderResponseSchema,
  type Integration,
  type LabelSyncItem,
  type Order,
} from './schemas';

export type LabelFormat = 'zpl' | 'pdf' | 'png';
export type LabelDpi = 72 | 150 | 203 | 300 | 600;
export type DocumentType = 'label' | 'customs-declaration' | 'air-waybill';

export interface SendcloudClientOptions {
  /** Origin, e.g. `https://panel.sendcloud.sc` or `http://127.0.0.1:4010`; `/api/v3` is appended. */
  baseUrl: string;
  publicKey: string;
  secretKey: string;
  fetch?: typeof fetch;
  /** Per request, including reading the body. Default 30 000. */
  timeoutMs?: number;
}

export interface ListOrdersParams {
  integrationIds?: number[];
  orderNumber?: string;
  orderId?: string;
  status?: string;
  /** Sent as `order_updated_at_min` (a date or date-time). */
  updatedAtMin?: string;
  /** 1..200; Sendcloud's default is 100. */
  pageSize?: number;
  cursor?: string;
}

export interface OrderPage {
  orders: Order[];
  nextCursor: string | null;
}

export interface CreateLabelRequest {
  integrationId: number;
  order: { orderId: string } | { orderNumber: string };
  format: LabelFormat;
  dpi: LabelDpi;
  senderAddressId?: number;
  shippingOptionCode?: string;
}

export interface CreatedLabel {
  parcelId: number;
  shipmentId: string;
  orderId: string;
  orderNumber: string;
  trackingNumber: string;
  trackingUrl: string | null;
  /** Carrier code, the part of the shipping option code before the colon (`postnl`). */
  carrier: string;
  shippingOptionCode: string | null;
  label: { bytes: Buffer; mimeType: string; dpi: number };
}

export interface ParcelDocumentOptions {
  format: LabelFormat;
  dpi?: number;
  paperSize?: 'A4' | 'A5' | 'A6';
}

export interface SendcloudClient {
  listIntegrations(): Promise<Integration[]>;
  listOrders(params?: ListOrdersParams): Promise<OrderPage>;
  listAllOrders(params?: Omit<ListOrdersParams, 'cursor'>): Promise<Order[]>;
  getOrder(id: string): Promise<Order>;
  createLabelSync(req: CreateLabelRequest): Promise<CreatedLabel>;
  getParcelDocument(
    parcelId: number,
    type: DocumentType,
    opts: ParcelDocumentOptions,
  ): Promise<Buffer>;
}

export const mimeTypes: Record<LabelFormat, string> = {
  zpl: 'application/zpl',
  pdf: 'application/pdf',
  png: 'image/png',
};

interface ApiRequest {
  method: 'GET' | 'POST';
  /** Path under `/api/v3`, starting with a slash. */
  path: string;
  query?: URLSearchParams;
  body?: unknown;
  accept: string;
}

interface ApiResponse {
  status: number;
  headers: Headers;
  body: Buffer;
}

const requestIdHeaders = [
  'x-request-id',
  'x-sendcloud-request-id',
  'request-id',
  'x-correlation-id',
];

export function createSendcloudClient(opts: SendcloudClientOptions): SendcloudClient {
  const fetchImpl = opts.fetch ?? globalThis.fetch;
  const timeoutMs = opts.timeoutMs ?? 30_000;
  const apiRoot = `${opts.baseUrl.replace(/\/+$/, '').replace(/\/api\/v3$/, '')}/api/v3`;
  const authorization = `Basic ${Buffer.from(`${opts.publicKey}:${opts.secretKey}`).toString('base64')}`;

  async function send(request: ApiRequest): Promise<ApiResponse> {
    const url = new URL(apiRoot + request.path);
    if (request.query) url.search = request.query.toString();
    const what = `${request.method} ${request.path}`;
    const headers: Record<string, string> = {
      Authorization: authorization,
      Accept: request.accept,
    };
    if (request.body !== undefined) headers['Content-Type'] = 'application/json';

    const signal = AbortSignal.timeout(timeoutMs);
    let response: Response;
    let body: Buffer;
    try {
      response = await fetchImpl(url, {
        method: request.method,
        headers,
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        signal,
      });
      body = Buffer.from(await response.arrayBuffer());
    } catch (error) {
      throw transportError(error, signal.aborted, what, timeoutMs);
    }

    if (response.status < 200 || response.status > 299) {
      throw httpError(response, body, what);
    }
    return { status: response.status, headers: response.headers, body };
  }

  async function requestJson<T>(schema: z.ZodType<T>, request: Omit<ApiRequest, 'accept'>) {
    const response = await send({ ...request, accept: 'application/json' });
    const what = `${request.method} ${request.path}`;
    let json: unknown;
    try {
      json = JSON.parse(response.body.toString('utf8'));
    } catch (error) {
      throw new SendcloudError(
        'server',
        `Sendcloud answered ${what} with something that is not JSON.`,
        {
          status: response.status,
          requestId: requestIdOf(response.headers),
          cause: error,
        },
      );
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      throw new SendcloudError(
        'server',
        `Sendcloud answered ${what} in a shape Packdesk does not understand: ${summarizeIssues(parsed.error)}`,
        { status: response.status, requestId: requestIdOf(response.headers) },
      );
    }
    return { data: parsed.data, headers: response.headers, status: response.status };
  }

  async function listOrders(params: ListOrdersParams = {}): Promise<OrderPage> {
    const query = new URLSearchParams();
    if (params.integrationIds?.length) query.set('integration', params.integrationIds.join(','));
    if (params.orderNumber !== undefined) query.set('order_number', params.orderNumber);
    if (params.orderId !== undefined) query.set('order_id', params.orderId);
    if (params.status !== undefined) query.set('status', params.status);
    if (params.updatedAtMin !== undefined) query.set('order_updated_at_min', params.updatedAtMin);
    if (params.pageSize !== undefined) query.set('page_size', String(params.pageSize));
    if (params.cursor !== undefined) query.set('cursor', params.cursor);
    const { data, headers, status } = await requestJson(orderListSchema, {
      method: 'GET',
      path: '/orders',
      query,
    });
    const next = nextPage(headers.get('link'), apiRoot);
    if (next.kind === 'no-cursor') {
      // Treating this as the last page would silently drop orders from the sync.
      throw new SendcloudError('server', 'Sendcloud sent a next-page link without a cursor.', {
        status,
        requestId: requestIdOf(headers),
      });
    }
    return { orders: data.data, nextCursor: next.kind === 'next' ? next.cursor : null };
  }

  return {
    async listIntegrations() {
      const { data } = await requestJson(integrationListSchema, {
        method: 'GET',
        path: '/integrations',
      });
      return data.data;
    },

    listOrders,

    async listAllOrders(params = {}) {
      const orders: Order[] = [];
      const seen = new Set<string>();
      let cursor: string | undefined;
      for (;;) {
        const page = await listOrders({ ...params, cursor });
        orders.push(...page.orders);
        if (page.nextCursor === null) return orders;
        if (seen.has(page.nextCursor)) {
          throw new SendcloudError('server', 'Sendcloud sent the same order page cursor twice.');
        }
        seen.add(page.nextCursor);
        cursor = page.nextCursor;
      }
    },

    async getOrder(id) {
      const { data } = await requestJson(orderResponseSchema, {
        method: 'GET',
        path: `/orders/${encodeURIComponent(id)}`,
      });
      return data.data;
    },

    async createLabelSync(req) {
      const body: Record<string, unknown> = {
        integration_id: req.integrationId,
        order:
          'orderId' in req.order
            ? { order_id: req.order.orderId }
            : { order_number: req.order.orderNumber },
        label_details: { mime_type: mimeTypes[req.format], dpi: req.dpi },
      };
      if (req.senderAddressId !== undefined) body.sender_address_id = req.senderAddressId;
      if (req.shippingOptionCode !== undefined) {
        body.ship_with = {
          type: 'shipping_option_code',
          properties: { shipping_option_code: req.shippingOptionCode },
        };
      }
      const path = '/orders/create-label-sync';
      const { data, headers, status } = await requestJson(labelSyncResponseSchema, {
        method: 'POST',
        path,
        body,
      });
      const item = pickLabelItem(data.data, req.order);
      try {
        return toCreatedLabel(item, req);
      } catch (error) {
        throw new SendcloudError(
          'server',
          `Sendcloud answered POST ${path} with ${String(error)}`,
          {
            status,
            requestId: requestIdOf(headers),
          },
        );
      }
    },

    async getParcelDocument(parcelId, type, docOpts) {
      const query = new URLSearchParams();
      if (docOpts.dpi !== undefined) query.set('dpi', String(docOpts.dpi));
      if (docOpts.paperSize !== undefined) query.set('paper_size', docOpts.paperSize);
      const path = `/parcels/${parcelId}/documents/${type}`;
      const response = await send({
        method: 'GET',
        path,
        query,
        accept: mimeTypes[docOpts.format],
      });
      if (response.body.length === 0) {
        throw new SendcloudError(
          'server',
          `Sendcloud answered GET ${path} with an empty document.`,
          {
            status: response.status,
            requestId: requestIdOf(response.headers),
          },
        );
      }
      return response.body;
    },
  };
}

/** The official example answers one order with an array; pick the entry for the asked order. */
function pickLabelItem(
  data: LabelSyncItem | LabelSyncItem[],
  order: CreateLabelRequest['order'],
): LabelSyncItem {
  if (!Array.isArray(data)) return data;
  const match = data.find((item) =>
    'orderId' in order ? item.order_id === order.orderId : item.order_number === order.orderNumber,
  );
  // The schema guarantees at least one entry.
  return match ?? (data[0] as LabelSyncItem);
}

function toCreatedLabel(item: LabelSyncItem, req: CreateLabelRequest): CreatedLabel {
  const file = item.label ?? item.label_details;
  if (!file) throw new Error('no label file');
  const base64 = file.file.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) throw new Error('a label file that is not base64');
  const shippingOptionCode =
    item.ship_with?.properties.shipping_option_code ?? req.shippingOptionCode ?? null;
  return {
    parcelId: item.parcel_id,
    shipmentId: item.shipment_id,
    orderId: item.order_id,
    orderNumber: item.order_number,
    trackingNumber: item.tracking_number,
    trackingUrl: item.tracking_url ?? null,
    carrier: carrierOf(shippingOptionCode),
    shippingOptionCode,
    label: {
      bytes: Buffer.from(base64, 'base64'),
      mimeType: file.mime_type,
      dpi: file.dpi ?? req.dpi,
    },
  };
}

/** `postnl:standard/insured=3000` -> `postnl`. */
export function carrierOf(shippingOptionCode: string | null): string {
  if (!shippingOptionCode) return 'unknown';
  return shippingOptionCode.split(':')[0] || 'unknown';
}

function requestIdOf(headers: Headers): string | undefined {
  for (const name of requestIdHeaders) {
    const value = headers.get(name);
    if (value) return value;
  }
  return undefined;
}

function httpError(response: Response, body: Buffer, what: string): SendcloudError {
  let json: unknown = undefined;
  try {
    json = JSON.parse(body.toString('utf8'));
  } catch {
    // Not every error has a JSON body (v2 tracking 429 is empty); the status still classifies it.
  }
  const details = parseErrorDetails(json);
  const summary = details.length ? `: ${details.map((d) => d.detail).join('; ')}` : '.';
  return new SendcloudError(
    classify(response.status),
    `Sendcloud answered ${response.status} to ${what}${summary}`,
    {
      status: response.status,
      requestId: requestIdOf(response.headers),
      details,
      retryAfterMs: parseRetryAfter(response.headers.get('retry-after')),
    },
  );
}

function transportError(
  error: unknown,
  timedOut: boolean,
  what: string,
  timeoutMs: number,
): SendcloudError {
  const name = error instanceof Error ? error.name : '';
  if (timedOut || name === 'TimeoutError') {
    return new SendcloudError(
      'timeout',
      `Sendcloud did not answer ${what} within ${timeoutMs} ms.`,
      {
        cause: error,
      },
    );
  }
  // undici reports "fetch failed" and keeps the reason (ECONNREFUSED, ENOTFOUND…) in `cause`.
  const cause = error instanceof Error ? error.cause : undefined;
  const code =
    cause && typeof cause === 'object' && 'code' in cause && typeof cause.code === 'string'
      ? cause.code
      : error instanceof Error
        ? error.message
        : 'unknown error';
  return new SendcloudError('network', `Could not reach Sendcloud for ${what} (${code}).`, {
    cause: error,
  });
}

function summarizeIssues(error: z.ZodError): string {
  const issues = error.issues.slice(0, 3).map((issue) => {
    const path = issue.path.map(String).join('.');
    return path ? `${path}: ${issue.message}` : issue.message;
  });
  const more = error.issues.length > 3 ? ` (and ${error.issues.length - 3} more)` : '';
  return issues.join('; ') + more;
}
