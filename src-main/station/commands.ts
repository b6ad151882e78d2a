// Every command of the contract, from the module of the capability it belongs to. The whole is
// checked against the contract: a command without a handler does not compile.
import { accountCommands } from '../accounts/account-commands';
import type { Accounts } from '../accounts/accounts';
import { merchantCommands } from '../accounts/merchant-commands';
import { batchCommands } from '../batch/batch-commands';
import type { Batches } from '../batch/batches';
import { billingCommands } from '../billing/billing-commands';
import type { Clock } from '../clock';
import { dayCommands } from '../day/day-commands';
import { demoCommands } from '../demo/demo-commands';
import type { CommandHandlers } from '../host/dispatch';
import type { Outbox } from '../outbox/outbox';
import type { OutboxSettingsStore } from '../outbox/outbox-settings';
import { queueCommands } from '../outbox/queue-commands';
import { printerCommands } from '../printing/printer-commands';
import type { PrinterRegistry } from '../printing/registry';
import { packerCommands } from '../packers/packer-commands';
import { guardRoles } from '../packers/role-guard';
import type { Sessions } from '../packers/sessions';
import type { OrderSyncs } from '../shipping/order-syncs';
import type { ScanService } from '../shipping/scan';
import type { NextScanState } from '../shipping/command-codes';
import { scanCommands } from '../shipping/scan-commands';
import type { Routing } from '../shipping/routing';
import { routingCommands } from '../shipping/routing-commands';
import { customsCommands } from '../shipping/customs-commands';
import { servicePointCommands } from '../shipping/service-point-commands';
import { shipmentCommands } from '../shipping/shipment-commands';
import { returnCommands } from '../shipping/return-commands';
import type { ShippingOptions } from '../shipping/shipping-options';
import type { Voids } from '../shipping/void';
import { voidCommands } from '../shipping/void-commands';
import type { Db } from '../store/db';
import type { ShipmentListRecord } from '../store/shipment-list';
import type { WarehouseMembership } from '../warehouse/membership';
import { warehouseCommands } from '../warehouse/warehouse-commands';
import type { VoidRules } from '../../src-shared';
import type { Actor, CurrentActor } from './actor';
import type { StationIdentity } from './identity';
import type { StartingPoint } from './starting-point';
import type { StatusViews } from './status-views';

export interface StationParts {
  db: Db;
  clock: Clock;
  newId: () => string;
  accounts: Accounts;
  syncs: OrderSyncs;
  printers: PrinterRegistry;
  outbox: Outbox;
  outboxSettings: OutboxSettingsStore;
  scans: ScanService;
  /** What the next order's label takes (boxes, a one-off option). */
  next: NextScanState;
  /** Who is signed in; the role guard asks it before every supervisor's command. */
  sessions: Sessions;
  shippingOptions: ShippingOptions;
  /** The station's routing rules and each account's way of choosing an option. */
  routing: Routing;
  views: StatusViews;
  /** Which station this is; shipments, scans and jobs record it. */
  identity: StationIdentity;
  voids: Voids;
  batches: Batches;
  /** Who acts at the station now. */
  actor: CurrentActor;
  /** Sendcloud's rules for voiding a shipment now, for the actor. */
  voidRules: (record: ShipmentListRecord, actor: Actor) => VoidRules;
  /** Something the status shows changed: push it. */
  pushStatus: () => void;
  /** In demo mode, the embedded Sendcloud and the virtual printer. */
  start: Pick<StartingPoint, 'simulator' | 'virtualPrinter'>;
  /** The CUPS scheduler printer discovery asks; default 127.0.0.1:631. */
  cupsUrl?: string | undefined;
  /** Which warehouse the station is joined to, if any. */
  membership: WarehouseMembership;
}

export function stationCommands(parts: StationParts): CommandHandlers {
  const { db, accounts, outbox, printers, views } = parts;
  const requestSync = parts.syncs.request;
  const handlers = {
    'station.status': async () => views.status(),
    ...scanCommands({
      db,
      scans: parts.scans,
      next: parts.next,
      outbox,
      requestSync,
      status: views.status,
    }),
    ...queueCommands({
      db,
      outbox,
      settings: parts.outboxSettings,
      onSettingsChanged: parts.pushStatus,
    }),
    ...printerCommands(printers, parts.cupsUrl),
    ...customsCommands(db),
    ...accountCommands({
      accounts,
      requestSync,
      onRemove: parts.syncs.forget,
      onChoices: (choices) => parts.shippingOptions.learn(choices.shippingOptions),
    }),
    ...merchantCommands({
      db,
      clock: parts.clock,
      newId: parts.newId,
      accountIds: () => accounts.ids(),
    }),
    ...billingCommands(db),
    ...servicePointCommands({ db, accounts, outbox }),
    ...shipmentCommands({
      db,
      clock: parts.clock,
      newId: parts.newId,
      accounts,
      printers,
      outbox,
      identity: parts.identity,
      actor: parts.actor,
      voidRules: parts.voidRules,
    }),
    ...returnCommands(parts),
    ...dayCommands({
      db,
      clock: parts.clock,
      identity: parts.identity,
      printers,
      accountNames: () => new Map(accounts.list().map((account) => [account.id, account.name])),
    }),
    ...demoCommands({ ...parts.start, printers }),
    ...voidCommands(parts.voids),
    ...batchCommands(parts.batches),
    ...routingCommands({
      db,
      accounts,
      routing: parts.routing,
      shippingOptions: parts.shippingOptions,
    }),
    ...packerCommands({
      db,
      clock: parts.clock,
      newId: parts.newId,
      identity: parts.identity,
      sessions: parts.sessions,
    }),
    ...warehouseCommands({ membership: parts.membership, pushStatus: parts.pushStatus }),
  } satisfies CommandHandlers;
  return guardRoles(handlers, parts.sessions.actor);
}
