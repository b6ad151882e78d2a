// Batch labels: the end of the day in one go, in pick order, resumable.
import type { AppErrorData } from './errors';
import type { Message } from './messages';

/** What a batch's labels are printed in the order of (the pick cart's order). */
export const batchSortFields = [
  'order-number',
  'order-date',
  'shipping-option',
  'country',
  'first-sku',
] as const;
export type BatchSortField = (typeof batchSortFields)[number];
export type SortDirection = 'asc' | 'desc';

export interface BatchSort {
  field: BatchSortField;
  direction: SortDirection;
}

/** How a PDF printer gets a batch: one A6 page a label, or A4 sheets of four. ZPL: one by one. */
export const batchLayouts = ['a6', 'a4-four-up'] as const;
export type BatchLayout = (typeof batchLayouts)[number];

export interface OpenOrdersFilter {
  accountId?: string;
  merchantId?: string;
  carrier?: string;
  shippingOptionCode?: string;
  country?: string;
  /** YYYY-MM-DD, the order date from (inclusive) and to (inclusive). */
  orderedFrom?: string;
  orderedTo?: string;
  servicePoint?: 'yes' | 'no';
  /** Order number or name, contains, case-insensitive. */
  search?: string;
}

/** An open order without a label, from the local cache: what a batch is made of. */
export interface OpenOrderRow {
  /** The station's id of the cached order. */
  orderRef: string;
  orderNumber: string;
  accountId: string;
  accountName: string;
  merchantName: string | null;
  name: string | null;
  country: string | null;
  /** ISO date-time the shop took the order, when Sendcloud says. */
  orderedAt: string | null;
  shippingOptionCode: string | null;
  shippingOptionName: string | null;
  carrier: string | null;
  servicePoint: boolean;
  firstSku: string | null;
}

export interface OpenOrders {
  rows: OpenOrderRow[];
  /** Every open order the filter matches (rows may be fewer: `limit`). */
  total: number;
  /** What the filters can choose from, over every open order. */
  choices: {
    accounts: { id: string; name: string }[];
    merchants: { id: string; name: string }[];
    carriers: string[];
    shippingOptions: { code: string; name: string | null }[];
    countries: string[];
  };
}

/**
 * `waiting`: its orders cannot go now (offline, an account to reconnect); it runs by itself when
 * they can. `paused` by a person. `done`: every order labelled and printed, failed or left out.
 */
export type BatchState = 'running' | 'waiting' | 'paused' | 'cancelled' | 'done';

/**
 * One order's way through a batch. `sending`: asked for, answer not in (after a crash or a lost
 * answer the station asks Sendcloud before it asks again). `made`: Sendcloud is making the label.
 * `labelled`: its label is here, to print. `failed`: refused, with the reason; retry or leave out.
 */
export type BatchOrderState =
  'pending' | 'sending' | 'made' | 'labelled' | 'printed' | 'failed' | 'left-out' | 'cancelled';

export interface BatchOrderView {
  position: number;
  orderRef: string;
  orderNumber: string;
  state: BatchOrderState;
  parcelId: number | null;
  trackingNumber: string | null;
  /** Why it failed, in a packer's words. */
  error: AppErrorData | null;
}

export interface BatchCounts {
  total: number;
  /** Labels Sendcloud made (labelled or printed). */
  made: number;
  printed: number;
  failed: number;
  /** Not made yet: pending, sending or being made. */
  toDo: number;
  leftOut: number;
  cancelled: number;
}

export interface BatchView {
  id: string;
  state: BatchState;
  counts: BatchCounts;
  sort: BatchSort;
  layout: BatchLayout;
  chunkSize: number;
  printer: { id: string; name: string } | null;
  startedBy: { id: string; name: string } | null;
  stationName: string | null;
  createdAt: string;
  finishedAt: string | null;
  /** Milliseconds of work the batch took, or has taken so far. */
  elapsedMs: number;
  /** What is left, from the account's write budget and the time labels took so far; null: nothing. */
  etaMs: number | null;
  /** Why it waits, or what it is doing, in a packer's words. */
  reason: Message | null;
  /** Times its labels were printed again. */
  reprints: number;
  /** A reprint of the whole batch is running: its labels printed so far, in order. */
  reprinting: { printed: number; total: number } | null;
  /**
   * When main made this view, rising (µs): of a push and a command's answer, which may arrive in
   * either order, the screen keeps the later view.
   */
  revision: number;
}

export interface BatchDetails extends BatchView {
  orders: BatchOrderView[];
}

/** What a batch's start made of the orders it was given. */
export interface BatchStarted {
  batch: BatchView;
  /** Orders left out because they had a label or were in another batch by then. */
  skipped: { orderRef: string; orderNumber: string; reason: Message }[];
}

export interface BatchPdf {
  fileName: string;
  pdfBase64: string;
  pages: number;
}
