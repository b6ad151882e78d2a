// Every command of the contract, from the module of the capability it belongs to. The whole is
// checked against the contract: a command without a handler does not compile.
import type { StationStatus } from '../../src-shared';
import { accountCommands } from '../accounts/account-commands';
import type { Accounts } from '../accounts/accounts';
import { merchantCommands } from '../accounts/merchant-commands';
import { billingCommands } from '../billing/billing-commands';
import type { Clock } from '../clock';
import { demoCommands } from '../demo/demo-commands';
import type { CommandHandlers } from '../host/dispatch';
import type { Outbox } from '../outbox/outbox';
import type { OutboxSettingsStore } from '../outbox/outbox-settings';
import { queueCommands } from '../outbox/queue-commands';
import { printerCommands } from '../printing/printer-commands';
import type { PrinterRegistry } from '../printing/registry';
import type { VirtualPrinter } from '../printing/virtual-printer';
import type { OrderSyncs } from '../shipping/order-syncs';
import type { ScanService } from '../shipping/scan';
import { scanCommands } from '../shipping/scan-commands';
import type { ShippingOptions } from '../shipping/shipping-options';
import type { Simulator } from '../simulator/index';
import type { Db } from '../store/db';

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
  shippingOptions: ShippingOptions;
  status: () => StationStatus;
  /** Something the status shows changed: push it. */
  pushStatus: () => void;
  simulator: Simulator | null;
  virtualPrinter: VirtualPrinter | null;
}

export function stationCommands(parts: StationParts): CommandHandlers {
  const { db, accounts, outbox, printers } = parts;
  const requestSync = parts.syncs.request;
  return {
    'station.status': async () => parts.status(),
    ...scanCommands({ db, scans: parts.scans, outbox, requestSync, status: parts.status }),
    ...queueCommands({
      db,
      outbox,
      settings: parts.outboxSettings,
      onSettingsChanged: parts.pushStatus,
    }),
    ...printerCommands(printers),
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
    ...demoCommands({
      simulator: parts.simulator,
      virtualPrinter: parts.virtualPrinter,
      printers,
    }),
  } satisfies CommandHandlers;
}
