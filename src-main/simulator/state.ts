// One simulator's memory: the accounts with their keys, orders, shipments and returns, the
// ledger of every label made, and the id counters. Nothing here touches HTTP.
import type { Carrier } from './carriers';
import type { LabelData, LabelFormat } from './labels';
import type { ParcelTimes } from './lifecycle';
import type { Random } from './prng';
import type { SeededAccount } from './seed';
import type { V3Address, V3Order } from './wire';

export interface LedgerEntry {
  orderId: string;
  orderNumber: string;
  parcelId: number;
  shipmentId: string;
  trackingNumber: string;
  carrier: string;
  format: LabelFormat;
  bytes: Buffer;
  /** ISO 8601, on the simulator's clock. */
  createdAt: string;
  /** The key the label was made with: which account, and which of its keys over a rotation. */
  publicKey: string;
  /** The account's integration the order belongs to; null for labels made without an order. */
  integrationId: number | null;
  /** As asked for, e.g. `sendcloud:letter`, or the order's own. */
  shippingOptionCode: string;
  /** The sender address used; null where the request gave a full address instead of an id. */
  senderAddressId: number | null;
  /** The brand asked for; null when none was. */
  brandId: number | null;
  /**
   * What the account pays for this label, fuel included: the shipping-options quote's total for
   * its weight and destination. Null if the product has no price there (never for a label the
   * simulator checked first).
   */
  price: { value: number; currency: string } | null;
  /** Which call made it. */
  via:
    'create-label-sync' | 'create-labels-async' | 'shipments/announce' | 'returns' | 'v2 parcels';
}

export interface OrderRecord {
  order: V3Order;
  /** Clock ms from which list and get show it: orders are saved asynchronously. */
  visibleAt: number;
}

export interface ParcelRecord extends ParcelTimes {
  id: number;
  shipmentId: string;
  trackingNumber: string;
  trackingUrl: string;
  weightKg: number;
  dimensions: { length: string; width: string; height: string; unit: string } | null;
  items: unknown[];
  labelNotes: string[];
  createdAt: number;
  updatedAt: number;
  /** The format the label was first made in; a native ZPL label is only ever served as ZPL. */
  native: LabelFormat;
  /** The carrier makes native ZPL; a PDF-only carrier's label is served as PDF when ZPL is asked. */
  zpl: boolean;
  label: LabelData;
  /** Renderings served so far, by format and paper, so a document is byte-identical each time. */
  documents: Map<string, Buffer>;
  /** v2 parcels are deleted (not cancelled) when they never had a label. */
  deleted: boolean;
}

export interface ShipmentRecord {
  id: string;
  publicKey: string;
  api: 'v2' | 'v3';
  integrationId: number | null;
  orderId: string | null;
  orderNumber: string;
  externalReferenceId: string | null;
  reference: string | null;
  from: V3Address;
  to: V3Address;
  shippingOptionCode: string;
  carrier: Carrier;
  contractId: number;
  totalOrderPrice: { value: string; currency: string } | null;
  isReturn: boolean;
  /** The v2 request as sent, echoed on v2 parcel answers. */
  v2Fields: Record<string, unknown>;
  parcels: ParcelRecord[];
  /** The pick-up point it goes to (v3 `to_service_point`); absent for home delivery. */
  toServicePoint?: { id: string; carrier_service_point_id: string };
}

export interface ReturnRecord {
  id: number;
  publicKey: string;
  parcelId: number;
  createdAt: number;
  reason: string | null;
}

export interface AccountState {
  /** Stable over key rotations, e.g. `account-1`: what the rate limit counts by. */
  id: string;
  /** Orders seeded for this account are numbered after this, e.g. `PD-`. */
  orderNumberPrefix: string;
  data: SeededAccount;
  /** Keys revoked in the panel: every request with them gets 401 until new keys are made. */
  keysRevoked: boolean;
  /** Accounts made after 13 April 2026 may not create v2 parcels. */
  v2ParcelsClosed: boolean;
  orders: OrderRecord[];
  shipments: ShipmentRecord[];
  returns: ReturnRecord[];
}

export interface SimulatorState {
  accounts: AccountState[];
  ledger: LedgerEntry[];
  /** Draws tracking numbers. */
  random: Random;
  /** Draws new API keys when a test rotates an account's keys. */
  keyRandom: Random;
  /** `example`: data an array with `label` (the published example); `schema`: an object with `label_details`. */
  labelResponse: 'example' | 'schema';
  asyncLabelDelayMs: number;
  orderVisibilityDelayMs: number;
  nextParcelId: number;
  nextShipmentId: number;
  nextOrderId: number;
  nextReturnId: number;
  /** Every tracking number handed out, so none repeats. */
  trackingNumbers: Set<string>;
  /** Carrier codes whose label requests are refused (a test's `carrierRefuses`). */
  refusingCarriers: Set<string>;
  /** With service-point orders on: the points closed for good (labels to them are refused). */
  servicePoints?: { closed: Set<number> };
}

/** The orders list and get show: the latest saved version of each, once it is visible. */
export function visibleOrders(account: AccountState, now: number): V3Order[] {
  const byId = new Map<string, V3Order>();
  for (const record of account.orders) {
    if (record.visibleAt <= now) byId.set(record.order.id, record.order);
  }
  return [...byId.values()];
}

/** Every parcel of the account with its shipment, oldest first. */
export function* parcelsOf(
  account: AccountState,
): Generator<{ shipment: ShipmentRecord; parcel: ParcelRecord }> {
  for (const shipment of account.shipments) {
    for (const parcel of shipment.parcels) {
      if (!parcel.deleted) yield { shipment, parcel };
    }
  }
}

export function findParcel(
  account: AccountState,
  id: number,
): { shipment: ShipmentRecord; parcel: ParcelRecord } | undefined {
  for (const found of parcelsOf(account)) if (found.parcel.id === id) return found;
  return undefined;
}

/** A tracking number no parcel of this simulator has had yet. */
export function freshTrackingNumber(state: SimulatorState, carrier: Carrier): string {
  let trackingNumber = carrier.trackingNumber(state.random);
  while (state.trackingNumbers.has(trackingNumber)) {
    trackingNumber = carrier.trackingNumber(state.random);
  }
  state.trackingNumbers.add(trackingNumber);
  return trackingNumber;
}
