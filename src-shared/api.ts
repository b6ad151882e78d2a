// What the renderer sees as `window.packdesk`: one named function per command, built from the
// contract by `buildApi`, so a call site names the command it uses.
import type { CommandInput, CommandName, CommandOutput } from './commands';
import type { Result } from './errors';
import type { EventMap, EventName } from './events';
import type {
  AccountChoices,
  AccountView,
  BillingExport,
  CustomsCopies,
  DemoFaults,
  JobView,
  LabelPreview,
  MerchantView,
  NextScan,
  NextScanSet,
  OutboxSettings,
  PrinterDiscovery,
  PrinterSetup,
  ScanEntry,
  StationStatus,
  TestPrint,
} from './views';
import type {
  BatchDetails,
  BatchPdf,
  BatchStarted,
  BatchView,
  OpenOrderRow,
  OpenOrders,
} from './views-batch';
import type { DayExport, DaySummary, HandoverList } from './views-day';
import type { ReturnMade, ReturnRow } from './views-returns';
import type { BadgeSheet, PackerView, SessionView } from './views-packers';
import type { ShipmentDetails, ShipmentList, ShipmentRow } from './views-shipments';
import type { RoutingSetup, RoutingTest } from './routing';
import type { ServicePointOffers } from './views-service-points';
import type { WarehouseSettings } from './views-warehouse';

export interface PackdeskApi {
  station: {
    status(input?: CommandInput<'station.status'>): Promise<Result<StationStatus>>;
  };
  scan: {
    submit(input: CommandInput<'scan.submit'>): Promise<Result<ScanEntry>>;
    recent(input?: CommandInput<'scan.recent'>): Promise<Result<ScanEntry[]>>;
    /** What the next order's label takes (boxes, a one-off option). */
    next(input?: CommandInput<'scan.next'>): Promise<Result<NextScan>>;
    setNext(input: CommandInput<'scan.setNext'>): Promise<Result<NextScanSet>>;
  };
  orders: {
    sync(input?: CommandInput<'orders.sync'>): Promise<Result<StationStatus>>;
  };
  label: {
    preview(input: CommandInput<'label.preview'>): Promise<Result<LabelPreview>>;
  };
  queue: {
    list(input?: CommandInput<'queue.list'>): Promise<Result<JobView[]>>;
    retry(input: CommandInput<'queue.retry'>): Promise<Result<JobView>>;
    cancel(input: CommandInput<'queue.cancel'>): Promise<Result<JobView>>;
    printHeld(input?: CommandInput<'queue.printHeld'>): Promise<Result<{ released: number }>>;
  };
  outbox: {
    /** Read the settings, or change some of them. */
    settings(input?: CommandInput<'outbox.settings'>): Promise<Result<OutboxSettings>>;
  };
  printers: {
    list(input?: CommandInput<'printers.list'>): Promise<Result<PrinterSetup>>;
    discover(input?: CommandInput<'printers.discover'>): Promise<Result<PrinterDiscovery>>;
    add(input: CommandInput<'printers.add'>): Promise<Result<PrinterSetup>>;
    update(input: CommandInput<'printers.update'>): Promise<Result<PrinterSetup>>;
    remove(input: CommandInput<'printers.remove'>): Promise<Result<PrinterSetup>>;
    route(input: CommandInput<'printers.route'>): Promise<Result<PrinterSetup>>;
    test(input: CommandInput<'printers.test'>): Promise<Result<TestPrint>>;
    refresh(input?: CommandInput<'printers.refresh'>): Promise<Result<PrinterSetup>>;
  };
  customs: {
    copies(input?: CommandInput<'customs.copies'>): Promise<Result<CustomsCopies>>;
    setCopies(input: CommandInput<'customs.setCopies'>): Promise<Result<CustomsCopies>>;
  };
  accounts: {
    list(input?: CommandInput<'accounts.list'>): Promise<Result<AccountView[]>>;
    verify(input: CommandInput<'accounts.verify'>): Promise<Result<AccountChoices>>;
    add(input: CommandInput<'accounts.add'>): Promise<Result<AccountView>>;
    update(input: CommandInput<'accounts.update'>): Promise<Result<AccountView>>;
    reconnect(input: CommandInput<'accounts.reconnect'>): Promise<Result<AccountView>>;
    remove(input: CommandInput<'accounts.remove'>): Promise<Result<AccountView[]>>;
  };
  merchants: {
    list(input?: CommandInput<'merchants.list'>): Promise<Result<MerchantView[]>>;
    save(input: CommandInput<'merchants.save'>): Promise<Result<MerchantView[]>>;
    remove(input: CommandInput<'merchants.remove'>): Promise<Result<MerchantView[]>>;
  };
  billing: {
    export(input: CommandInput<'billing.export'>): Promise<Result<BillingExport>>;
  };
  shipments: {
    list(input?: CommandInput<'shipments.list'>): Promise<Result<ShipmentList>>;
    lookUp(input: CommandInput<'shipments.lookUp'>): Promise<Result<ShipmentRow[]>>;
    details(input: CommandInput<'shipments.details'>): Promise<Result<ShipmentDetails>>;
    preview(input: CommandInput<'shipments.preview'>): Promise<Result<LabelPreview>>;
    reprint(input: CommandInput<'shipments.reprint'>): Promise<Result<ShipmentRow>>;
    void(input: CommandInput<'shipments.void'>): Promise<Result<ShipmentRow>>;
  };
  returns: {
    create(input: CommandInput<'returns.create'>): Promise<Result<ReturnMade>>;
    print(input: CommandInput<'returns.print'>): Promise<Result<ReturnMade>>;
    list(input?: CommandInput<'returns.list'>): Promise<Result<ReturnRow[]>>;
  };
  session: {
    current(input?: CommandInput<'session.current'>): Promise<Result<SessionView>>;
    signIn(input: CommandInput<'session.signIn'>): Promise<Result<SessionView>>;
    lock(input?: CommandInput<'session.lock'>): Promise<Result<SessionView>>;
    activity(input?: CommandInput<'session.activity'>): Promise<Result<SessionView>>;
    settings(input: CommandInput<'session.settings'>): Promise<Result<SessionView>>;
  };
  packers: {
    list(input?: CommandInput<'packers.list'>): Promise<Result<PackerView[]>>;
    add(input: CommandInput<'packers.add'>): Promise<Result<PackerView[]>>;
    update(input: CommandInput<'packers.update'>): Promise<Result<PackerView[]>>;
    remove(input: CommandInput<'packers.remove'>): Promise<Result<PackerView[]>>;
    badges(input?: CommandInput<'packers.badges'>): Promise<Result<BadgeSheet>>;
  };
  batch: {
    openOrders(input?: CommandInput<'batch.openOrders'>): Promise<Result<OpenOrders>>;
    scan(input: CommandInput<'batch.scan'>): Promise<Result<OpenOrderRow>>;
    start(input: CommandInput<'batch.start'>): Promise<Result<BatchStarted>>;
    list(input?: CommandInput<'batch.list'>): Promise<Result<BatchView[]>>;
    details(input: CommandInput<'batch.details'>): Promise<Result<BatchDetails>>;
    pause(input: CommandInput<'batch.pause'>): Promise<Result<BatchView>>;
    resume(input: CommandInput<'batch.resume'>): Promise<Result<BatchView>>;
    cancel(input: CommandInput<'batch.cancel'>): Promise<Result<BatchView>>;
    retryOrder(input: CommandInput<'batch.retryOrder'>): Promise<Result<BatchDetails>>;
    leaveOut(input: CommandInput<'batch.leaveOut'>): Promise<Result<BatchDetails>>;
    reprint(input: CommandInput<'batch.reprint'>): Promise<Result<BatchView>>;
    pdf(input: CommandInput<'batch.pdf'>): Promise<Result<BatchPdf>>;
  };
  day: {
    summary(input: CommandInput<'day.summary'>): Promise<Result<DaySummary>>;
    export(input: CommandInput<'day.export'>): Promise<Result<DayExport>>;
    handover(input: CommandInput<'day.handover'>): Promise<Result<HandoverList>>;
  };
  routing: {
    rules(input?: CommandInput<'routing.rules'>): Promise<Result<RoutingSetup>>;
    saveRules(input: CommandInput<'routing.saveRules'>): Promise<Result<RoutingSetup>>;
    saveAccount(input: CommandInput<'routing.saveAccount'>): Promise<Result<RoutingSetup>>;
    test(input: CommandInput<'routing.test'>): Promise<Result<RoutingTest>>;
  };
  warehouse: {
    get(input?: CommandInput<'warehouse.get'>): Promise<Result<WarehouseSettings>>;
    join(input: CommandInput<'warehouse.join'>): Promise<Result<WarehouseSettings>>;
    leave(input?: CommandInput<'warehouse.leave'>): Promise<Result<WarehouseSettings>>;
    rename(input: CommandInput<'warehouse.rename'>): Promise<Result<WarehouseSettings>>;
  };
  /** Demo mode only: what the embedded Sendcloud and the virtual printer get wrong on purpose. */
  demo: {
    faults(input?: CommandInput<'demo.faults'>): Promise<Result<DemoFaults>>;
    setFaults(input: CommandInput<'demo.setFaults'>): Promise<Result<DemoFaults>>;
    printerFaults(input: CommandInput<'demo.printerFaults'>): Promise<Result<PrinterSetup>>;
  };
  servicePoints: {
    offers(input: CommandInput<'scan.pointOffers'>): Promise<Result<ServicePointOffers>>;
    choose(input: CommandInput<'scan.choosePoint'>): Promise<Result<{ jobId: string }>>;
    homeDelivery(
      input: CommandInput<'servicePoints.homeDelivery'>,
    ): Promise<Result<{ allowed: boolean }>>;
    setHomeDelivery(
      input: CommandInput<'servicePoints.setHomeDelivery'>,
    ): Promise<Result<{ allowed: boolean }>>;
  };
  /** Subscribe to an event; returns the unsubscribe function. */
  on<E extends EventName>(event: E, listener: (payload: EventMap[E]) => void): () => void;
}

/**
 * Build the named API from one transport function. Each command gets its own function so a
 * call site names the command it uses; the transport only moves `{ name, input }`.
 */
export function buildApi(
  call: (name: CommandName, input: unknown) => Promise<Result<unknown>>,
  on: PackdeskApi['on'],
): PackdeskApi {
  const typed =
    <C extends CommandName>(name: C) =>
    (input?: CommandInput<C>) =>
      call(name, input ?? {}) as Promise<Result<CommandOutput<C>>>;
  return {
    station: { status: typed('station.status') },
    scan: {
      submit: typed('scan.submit'),
      recent: typed('scan.recent'),
      next: typed('scan.next'),
      setNext: typed('scan.setNext'),
    },
    orders: { sync: typed('orders.sync') },
    label: { preview: typed('label.preview') },
    queue: {
      list: typed('queue.list'),
      retry: typed('queue.retry'),
      cancel: typed('queue.cancel'),
      printHeld: typed('queue.printHeld'),
    },
    outbox: { settings: typed('outbox.settings') },
    customs: { copies: typed('customs.copies'), setCopies: typed('customs.setCopies') },
    printers: {
      list: typed('printers.list'),
      discover: typed('printers.discover'),
      add: typed('printers.add'),
      update: typed('printers.update'),
      remove: typed('printers.remove'),
      route: typed('printers.route'),
      test: typed('printers.test'),
      refresh: typed('printers.refresh'),
    },
    accounts: {
      list: typed('accounts.list'),
      verify: typed('accounts.verify'),
      add: typed('accounts.add'),
      update: typed('accounts.update'),
      reconnect: typed('accounts.reconnect'),
      remove: typed('accounts.remove'),
    },
    merchants: {
      list: typed('merchants.list'),
      save: typed('merchants.save'),
      remove: typed('merchants.remove'),
    },
    billing: { export: typed('billing.export') },
    shipments: {
      list: typed('shipments.list'),
      lookUp: typed('shipments.lookUp'),
      details: typed('shipments.details'),
      preview: typed('shipments.preview'),
      reprint: typed('shipments.reprint'),
      void: typed('shipments.void'),
    },
    returns: {
      create: typed('returns.create'),
      print: typed('returns.print'),
      list: typed('returns.list'),
    },
    session: {
      current: typed('session.current'),
      signIn: typed('session.signIn'),
      lock: typed('session.lock'),
      activity: typed('session.activity'),
      settings: typed('session.settings'),
    },
    packers: {
      list: typed('packers.list'),
      add: typed('packers.add'),
      update: typed('packers.update'),
      remove: typed('packers.remove'),
      badges: typed('packers.badges'),
    },
    batch: {
      openOrders: typed('batch.openOrders'),
      scan: typed('batch.scan'),
      start: typed('batch.start'),
      list: typed('batch.list'),
      details: typed('batch.details'),
      pause: typed('batch.pause'),
      resume: typed('batch.resume'),
      cancel: typed('batch.cancel'),
      retryOrder: typed('batch.retryOrder'),
      leaveOut: typed('batch.leaveOut'),
      reprint: typed('batch.reprint'),
      pdf: typed('batch.pdf'),
    },
    day: {
      summary: typed('day.summary'),
      export: typed('day.export'),
      handover: typed('day.handover'),
    },
    routing: {
      rules: typed('routing.rules'),
      saveRules: typed('routing.saveRules'),
      saveAccount: typed('routing.saveAccount'),
      test: typed('routing.test'),
    },
    warehouse: {
      get: typed('warehouse.get'),
      join: typed('warehouse.join'),
      leave: typed('warehouse.leave'),
      rename: typed('warehouse.rename'),
    },
    demo: {
      faults: typed('demo.faults'),
      setFaults: typed('demo.setFaults'),
      printerFaults: typed('demo.printerFaults'),
    },
    servicePoints: {
      offers: typed('scan.pointOffers'),
      choose: typed('scan.choosePoint'),
      homeDelivery: typed('servicePoints.homeDelivery'),
      setHomeDelivery: typed('servicePoints.setHomeDelivery'),
    },
    on,
  };
}

declare global {
  interface Window {
    packdesk: PackdeskApi;
  }
}
