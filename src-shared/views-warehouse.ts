// Settings → Warehouse: whether this station is one of a warehouse's, and how it is set.
import type { WarehouseView } from './views';

/**
 * `none`: a single station. `screen`: joined on the Warehouse screen (the connection string in
 * SQLite, its password in the keychain). `environment`: PACKDESK_WAREHOUSE_DB sets it, and the
 * screen only shows it. Never carries a password.
 */
export interface WarehouseSettings {
  source: 'none' | 'screen' | 'environment';
  /** The connection string without its password; null for a single station. */
  connection: string | null;
  /** A password goes with the connection (kept in the keychain, or in the environment). */
  hasPassword: boolean;
  stationName: string;
  /** PACKDESK_STATION_NAME names the station: it is not renamed here. */
  stationNameFixed: boolean;
  /** What the link is doing now (the header's view of it). */
  link: WarehouseView;
}
