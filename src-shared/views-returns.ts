// Returns: a return made from a shipment, with the way the customer gets it (a printed label for
// the box, or the return portal link), and where the return parcel stands.
import type { Message } from './messages';
import type { PackerRef } from './views-shipments';

/** How the customer gets the return: its label printed for the box, or the portal link. */
export const returnDeliveries = ['label', 'link'] as const;
export type ReturnDelivery = (typeof returnDeliveries)[number];

/** Where a return parcel stands, from Sendcloud's parent status. */
export const returnStatuses = [
  'announcing',
  'ready-to-send',
  'in-transit',
  'delivered',
  'cancelled',
  'unknown',
] as const;
export type ReturnStatus = (typeof returnStatuses)[number];

/** Sendcloud's parent statuses (the returns list filter's codes) in the station's few words. */
export function returnStatusOf(parent: string): ReturnStatus {
  switch (parent) {
    case 'announcing':
    case 'no-label':
      return 'announcing';
    case 'ready-to-send':
    case 'announced':
      return 'ready-to-send';
    case 'delivered':
    case 'collected-by-customer':
      return 'delivered';
    case 'cancelled':
    case 'cancelling':
    case 'cancelled-upstream':
    case 'cancelling-upstream':
      return 'cancelled';
    case 'to-sorting':
    case 'sorted':
    case 'sorting':
    case 'at-sorting-centre':
    case 'driver-on-route':
    case 'shipment-on-route':
    case 'picked-up-by-driver':
    case 'delayed':
      return 'in-transit';
    default:
      return 'unknown';
  }
}

export interface ReturnRow {
  returnId: number;
  /** The outgoing shipment's parcel it is a return for. */
  parcelId: number;
  returnParcelId: number | null;
  orderNumber: string;
  status: ReturnStatus;
  /** Sendcloud's own status code, shown where the station's word is `unknown`. */
  statusText: string;
  trackingNumber: string | null;
  /** The return portal link, when the customer was given the link. */
  portalUrl: string | null;
  /** True when the return label is kept, so it can be printed (again). */
  labelStored: boolean;
  printedAt: string | null;
  /** ISO 8601. */
  createdAt: string;
  packer: PackerRef | null;
  /** The station that made it, by name; null when another station did. */
  stationName: string | null;
}

/** What asking for a return did. */
export interface ReturnMade {
  row: ReturnRow;
  /** True when the shipment already had a return: it was shown, not made again. */
  existing: boolean;
  /** The label was asked for but did not print (no printer, printer fault): why. */
  printProblem: Message | null;
  /** The link was asked for but the account has no return portal for this shipment. */
  noPortal: boolean;
}
