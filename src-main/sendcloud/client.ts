// Typed client for the Sendcloud API: v3 first, v2 under `client.v2` for accounts that still use
// it. Each area lives in its own module over one request sender (sender.ts), which owns auth,
// timeouts, the shared rate limiter and retries; this file only composes them.
import { systemClock, type Clock } from '../clock';
import { sharedRateLimiter, type RateLimiter } from './rate-limit';
import { defaultRetry, type RetryOptions } from './retry';
import { createSender } from './sender';
import { v2AccountApi } from './v2/account';
import { brandsApi } from './v2/brands';
import { v2ParcelsApi } from './v2/parcels';
import { accountApi } from './v3/account';
import { documentsApi } from './v3/documents';
import { ordersApi } from './v3/orders';
import { returnsApi } from './v3/returns';
import { shipAnOrderApi } from './v3/ship-an-order';
import { shipmentsApi } from './v3/shipments';
import { shippingOptionsApi } from './v3/shipping-options';
import { servicePointsApi } from './v3/service-points';
import { trackingApi } from './v3/tracking';

export type { ListOrdersParams, OrderPage, OrderInput, UpsertedOrder } from './v3/orders';
export { orderInputFrom } from './v3/orders';
export { parcelInputFrom, type ParcelFromOrderOptions, type V2ParcelInput } from './v2/parcels';
export type { LabelPrice, LabelPriceQuery } from './v3/shipping-options';
export type { V2Brand as Brand } from './v2/schemas';
export type {
  AsyncParcelInput,
  CreateLabelRequest,
  CreatedLabel,
  CreateLabelsAsyncRequest,
  LabelDpi,
  LabelFormat,
  LabelsAsyncResult,
} from './v3/ship-an-order';
export { carrierOf, mimeTypes } from './v3/ship-an-order';
export type { DocumentType, PaperSize, ParcelDocumentOptions } from './v3/documents';
export type {
  AnnounceShipmentRequest,
  CancelResult,
  ListShipmentsParams,
  ShipmentPage,
} from './v3/shipments';
export type { Page } from './pages';

export interface SendcloudClientOptions {
  /** Origin, e.g. `https://panel.sendcloud.sc` or `http://127.0.0.1:4010`; `/api/v3` and `/api/v2` are appended. */
  baseUrl: string;
  publicKey: string;
  secretKey: string;
  fetch?: typeof fetch;
  /** Per attempt, including reading the body. Default 30 000. */
  timeoutMs?: number;
  /** Drives the limiter and the retry waits. Default: the system clock. */
  clock?: Clock;
  /** Default: the one limiter this process shares for the account (base URL + public key). */
  limiter?: RateLimiter;
  retry?: Partial<RetryOptions>;
  /** Sendcloud refused the keys (401: changed or revoked), whichever call it was. */
  onKeysRefused?: () => void;
  /** For backoff jitter; default Math.random. */
  random?: () => number;
}

function composeClient(opts: SendcloudClientOptions) {
  const clock = opts.clock ?? systemClock;
  const sender = createSender({
    baseUrl: opts.baseUrl,
    publicKey: opts.publicKey,
    secretKey: opts.secretKey,
    fetch: opts.fetch ?? globalThis.fetch,
    timeoutMs: opts.timeoutMs ?? 30_000,
    clock,
    limiter: opts.limiter ?? sharedRateLimiter(opts.baseUrl, opts.publicKey, clock),
    retry: { ...defaultRetry, ...opts.retry },
    random: opts.random ?? Math.random,
    ...(opts.onKeysRefused ? { onKeysRefused: opts.onKeysRefused } : {}),
  });
  return {
    ...ordersApi(sender),
    ...shipAnOrderApi(sender),
    ...shipmentsApi(sender),
    ...documentsApi(sender),
    ...accountApi(sender),
    ...shippingOptionsApi(sender),
    ...servicePointsApi(sender),
    ...trackingApi(sender),
    ...returnsApi(sender),
    // A v2 endpoint every account needs: v3 labels take a brand id, v3 has no way to list them.
    ...brandsApi(sender),
    v2: { ...v2ParcelsApi(sender), ...v2AccountApi(sender) },
  };
}

export type SendcloudClient = ReturnType<typeof composeClient>;

export function createSendcloudClient(opts: SendcloudClientOptions): SendcloudClient {
  return composeClient(opts);
}
