// The supervisor's day: what was shipped, by whom, what went wrong.
import type { Message } from './messages';
import type { LedgerScope, ShipmentRow } from './views-shipments';

export interface DayCounts {
  made: number;
  printed: number;
  reprinted: number;
  voided: number;
  failed: number;
  waiting: number;
}

export interface PackerDay {
  /** Null: labels made with nobody signed in. */
  packerId: string | null;
  name: string | null;
  labels: number;
  /** Labels over the hours between the first and the last scan (at least one hour). */
  labelsPerHour: number;
  firstScan: string | null;
  lastScan: string | null;
  errors: number;
  reprints: number;
}

export type DayExceptionKind =
  'needs-attention' | 'failed' | 'stale' | 'voided' | 'reprinted' | 'tracking';

/** Something on the day a supervisor should look at, and what they can do about it. */
export interface DayException {
  kind: DayExceptionKind;
  at: string;
  orderNumber: string | null;
  trackingNumber: string | null;
  parcelId: number | null;
  /** The outbox job to retry or cancel, for failures and orders needing attention. */
  jobId: string | null;
  packerName: string | null;
  what: Message;
}

export interface DaySummary {
  /** YYYY-MM-DD, the station's local day. */
  day: string;
  counts: DayCounts;
  /** Returns made at this station on the day. */
  returns: number;
  /** 24 entries, hour 0 to 23 local. */
  perHour: { hour: number; labels: number }[];
  byCarrier: { carrier: string; labels: number }[];
  byAccount: { accountId: string; name: string; labels: number }[];
  byMerchant: { merchantId: string; name: string; labels: number }[];
  byPacker: PackerDay[];
  exceptions: DayException[];
  /** The last 14 days' shipments by their tracking status. */
  tracking: { delivered: number; inTransit: number; exception: number; checkedAt: string | null };
  trackingExceptions: ShipmentRow[];
  /** Whose day it is: this station's, or the warehouse's (filtered to one station or not). */
  scope?: LedgerScope;
}

export interface DayExport {
  fileName: string;
  csv: string;
  rows: number;
}

export interface HandoverList {
  carrier: string;
  parcels: number;
  fileName: string;
  pdfBase64: string;
  /** The printer it went to on the A4 route, when printed. */
  printedOn: string | null;
}
