// What a station is built from: its settings, and what tests and benchmarks vary.
import type { KeyStore } from '../accounts/keychain';
import type { Clock } from '../clock';
import type { CurrentActor } from './actor';
import type { StationSettings } from '../config';
import type { SendcloudClientOptions } from '../sendcloud/client';

export interface StationOptions {
  settings: StationSettings;
  /** Time for the outbox, retries, staleness and the Sendcloud client. */
  clock?: Clock;
  newId?: () => string;
  /** Electron passes the better-sqlite3 binary built for its ABI; Node uses the default. */
  sqliteBinding?: string;
  /** Keep orders fresh in the background; off in tests that drive sync themselves. */
  syncIntervalMs?: number;
  /** What varies in the Sendcloud client: its clock, rate limiter or fetch (benchmarks, tests). */
  sendcloudClient?: Pick<SendcloudClientOptions, 'clock' | 'limiter' | 'fetch' | 'timeoutMs'>;
  /** How often to try Sendcloud while offline. Default 5 s. */
  probeIntervalMs?: number;
  /** How often to ask every printer how it is. Default 3 s; 0 turns polling off. */
  printerPollMs?: number;
  /** How often the tracking poll reads Sendcloud; default 20 s; 0 turns it off. */
  trackingIntervalMs?: number;
  /** Who acts (tests stand in for a signed-in packer); default the packers module's session. */
  actor?: CurrentActor;
  /** How often the station tells the warehouse it is alive (and retries a lost link); default 5 s. */
  warehouseHeartbeatMs?: number;
  /** How long a dead station's claim on an order holds before another may take it; 30 s. */
  claimTimeoutMs?: number;
  /** Where account keys live; default the OS keychain (keytar). */
  keys?: KeyStore;
}
