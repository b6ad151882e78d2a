// What the Shipments screen shows: every label the station made (and ones found in Sendcloud),
// a shipment's details and history, and the rules a void follows.
import type { Message } from './messages';
import type { ServicePointView } from './views-service-points';

/** Where a label stands, as the Shipments screen names it. */
export const shipmentStates = [
  'made',
  'printed',
  'reprinted',
  'void-requested',
  'voided',
  'returned',
] as const;
export type ShipmentState = (typeof shipmentStates)[number];

/** The carrier's last word on a parcel, kept fresh for the last 14 days' shipments. */
export const trackingStatuses = [
  'announced',
  'in-transit',
  'delivered',
  'exception',
  'returned',
  'cancelled',
  'unknown',
] as const;
export type TrackingStatus = (typeof trackingStatuses)[number];

export const reprintReasons = ['damaged', 'lost', 'wrong-printer', 'other'] as const;
export type ReprintReason = (typeof reprintReasons)[number];

export interface PackerRef {
  id: string;
  name: string;
}

/** One row of the Shipments table. */
export interface ShipmentRow {
  /** Sendcloud's parcel id: the row's key. */
  parcelId: number;
  shipmentId: string;
  orderNumber: string;
  recipientName: string | null;
  recipientPostcode: string | null;
  /** The carrier's code (`dhl`); the screen shows its display name. */
  carrier: string;
  shippingOption: { code: string; name: string } | null;
  trackingNumber: string;
  trackingUrl: string | null;
  state: ShipmentState;
  /** How many times the label was printed again. */
  reprints: number;
  packer: PackerRef | null;
  /** The station that made it, by name; null for a label made elsewhere. */
  stationName: string | null;
  /** ISO 8601: when the label was made. */
  createdAt: string;
  accountId: string;
  merchantId: string | null;
  /** `sendcloud`: found in Sendcloud, not made at this station (the panel, another station). */
  source: 'station' | 'sendcloud';
  trackingStatus: TrackingStatus | null;
  /** Sendcloud's own words for the tracking status, shown as they are. */
  trackingStatusText: string | null;
  cost: { value: number; currency: string } | null;
  /** Box `nr` of `count` of a multicollo shipment; absent or null for a parcel shipped alone. */
  collo?: { nr: number; count: number } | null;
  /**
   * Made at another station of the warehouse (read from the shared ledger): this station can only
   * show it; a reprint or void is done at the station that labelled it.
   */
  labelledAt?: StationRef | null;
}

export interface StationRef {
  id: string;
  name: string;
}

/**
 * Whose data a Shipments or Day screen shows. `station`: no warehouse, this station's own.
 * `warehouse`: every station's, from the shared ledger (`stations` to filter by; `station` the
 * one filtered to, if any). `alone`: a warehouse is set but cannot be read now (`reason`): this
 * station's own, until the link is back.
 */
export type LedgerScope =
  | { kind: 'station' }
  | { kind: 'warehouse'; stations: StationRef[]; station: string | null; self: string }
  | { kind: 'alone'; reason: Message };

/** The Shipments screen's filters; every one is optional. Days are the station's local days. */
export interface ShipmentFilter {
  from?: string;
  to?: string;
}

export interface ShipmentList {
  rows: ShipmentRow[];
  /** True when more rows matched than were sent (the newest are sent). */
  truncated: boolean;
  /** Whose rows these are; absent from a station that predates the warehouse. */
  scope?: LedgerScope;
}

export const shipmentEventKinds = [
  'scanned',
  'made',
  'printed',
  'reprinted',
  'void-requested',
  'voided',
  'void-refused',
  'returned',
] as const;
export type ShipmentEventKind = (typeof shipmentEventKinds)[number];

/** One step of a shipment's history: what happened, who did it, where, when. */
export interface ShipmentEvent {
  kind: ShipmentEventKind;
  at: string;
  packer: PackerRef | null;
  stationName: string | null;
  /** The reason of a reprint, the printer, Sendcloud's answer to a void, in a packer's words. */
  detail: Message | null;
}

/** How long each step of making the label took, in ms; null where the step did not run. */
export interface StepTimings {
  lookupMs: number | null;
  sendcloudMs: number | null;
  renderMs: number | null;
  printerMs: number | null;
}

/**
 * Sendcloud's rules for cancelling a label, worked out for one shipment now. `free` until 23:59
 * on the day the label was made; then `refund` (only if not shipped and within 42 days); else
 * `none` (Sendcloud will refuse it).
 */
export interface VoidRules {
  window: 'free' | 'refund' | 'none';
  /** ISO 8601: the end of the free window (23:59:59 local on the day it was made). */
  freeUntil: string;
  /** ISO 8601: the last moment a refund can be asked for (42 days on). */
  refundUntil: string;
  /** Whether the packer signed in may void it now (after the free window: supervisors only). */
  allowed: boolean;
  /** The rule in a packer's words, shown before they confirm. */
  rule: Message;
  /** Why it cannot be voided, when it cannot. */
  refusal: Message | null;
}

export interface ShipmentDetails {
  row: ShipmentRow;
  history: ShipmentEvent[];
  timings: StepTimings | null;
  voidRules: VoidRules;
  /** False for a voided label; a label not stored is fetched from Sendcloud to reprint. */
  canReprint: boolean;
  labelStored: boolean;
  /** The pick-up point the label goes to; null for home delivery. */
  servicePoint?: ServicePointView | null;
}
