// Every event main pushes, with its payload.
import type {
  AccountView,
  Connectivity,
  JobView,
  NextScan,
  PrinterSetup,
  ScanEntry,
  SharedSettingsArea,
  StationStatus,
} from './views';
import type { BatchView } from './views-batch';
import type { SessionView } from './views-packers';
import type { ShipmentRow } from './views-shipments';

/** How an event travels on a transport: one envelope per push. */
export interface EventEnvelope<E extends EventName = EventName> {
  event: E;
  payload: EventMap[E];
}

export interface EventMap {
  'scan.updated': ScanEntry;
  /** What the next order's label takes changed (a command barcode, a key, a label used it). */
  'scan.next': NextScan;
  'station.status': StationStatus;
  /** The active outbox (every job not done or cancelled), after any change. */
  'jobs.changed': JobView[];
  'connectivity.changed': Connectivity;
  /** Printers, their routes and live status, after any change. */
  'printers.changed': PrinterSetup;
  /** Every account and its state, after any change (a 401 turns one to `reconnect`). */
  'accounts.changed': AccountView[];
  /** One shipment changed: printed again, voided, its tracking status moved. */
  'shipment.changed': ShipmentRow;
  /** Who is signed in, after a sign-in, a lock or a change of packers. */
  'session.changed': SessionView;
  /** A batch moved: an order made, a chunk printed, paused, done. */
  'batch.changed': BatchView;
  /** Another station of the warehouse changed these settings, and this station now has them. */
  'settings.shared': { areas: SharedSettingsArea[] };
}
export type EventName = keyof EventMap;
export const eventNames: readonly EventName[] = [
  'scan.updated',
  'scan.next',
  'station.status',
  'jobs.changed',
  'connectivity.changed',
  'printers.changed',
  'accounts.changed',
  'shipment.changed',
  'session.changed',
  'batch.changed',
  'settings.shared',
];
