// The station's printers: the ones a packer set up (stored), the fixed ones (the environment's
// printer, demo mode's virtual printer), which printer takes which document, and each one's
// live status, polled so a paper-out shows on screen before the next scan.
import {
  msg,
  printerDocuments,
  type Message,
  type MessageKey,
  type PrinterDocument,
  type PrinterSetup,
  type PrinterStatusView,
  type PrinterView,
} from '../../src-shared';
import type { Clock } from '../clock';
import { AppError } from '../errors';
import { createLogger } from '../log';
import type { Db } from '../store/db';
import {
  deletePrinter,
  findPrinterByAddress,
  listPrinters,
  readRoutes,
  savePrinter,
  writeRoute,
  type PrinterRecord,
} from '../store/printers';
import type { TargetPrinter } from './formats';
import { PrinterError, type Printer, type PrinterStatus } from './printer';

export type { PrinterRecord };

/** A printer with the set-up it was opened with. */
export interface PrinterEntry {
  record: PrinterRecord;
  printer: Printer;
  fixed: boolean;
  status: PrinterStatusView;
}

export interface PrinterRegistryOptions {
  db: Db;
  clock: Clock;
  newId: () => string;
  /** Open a transport for a stored printer. */
  open: (record: PrinterRecord) => Printer;
  /**
   * Printers set up outside the screen; they come first and cannot be removed. `routes` override
   * what is stored (the environment's printer); `fallback` applies only where nothing is stored
   * (demo mode's virtual printer).
   */
  fixed?: {
    record: PrinterRecord;
    printer: Printer;
    routes?: PrinterDocument[];
    fallback?: PrinterDocument[];
  }[];
  /** How often to ask every printer how it is. 0 turns polling off (tests drive `refresh`). */
  pollMs?: number;
  onChange: (setup: PrinterSetup) => void;
  /** A printer went from a fault (or unreachable) to ready: wake the jobs waiting for it. */
  onReady: (printerId: string) => void;
}

const log = createLogger('printers');

const unknownStatus: PrinterStatusView = {
  reachable: true,
  faults: [],
  pending: null,
  dpi: null,
  source: 'none',
  message: msg('printer.status.notChecked'),
  checkedAt: null,
};

const isReady = (status: PrinterStatusView) => status.reachable && status.faults.length === 0;

export function createPrinterRegistry(options: PrinterRegistryOptions) {
  const { db } = options;
  const entries = new Map<string, PrinterEntry>();
  const fixedRoutes: Partial<Record<PrinterDocument, string>> = {};
  const fallbackRoutes: Partial<Record<PrinterDocument, string>> = {};
  let timer: NodeJS.Timeout | null = null;
  let polling: Promise<void> | null = null;
  let closed = false;

  for (const fixed of options.fixed ?? []) {
    entries.set(fixed.record.id, {
      record: fixed.record,
      printer: fixed.printer,
      fixed: true,
      status: unknownStatus,
    });
    for (const document of fixed.routes ?? []) fixedRoutes[document] ??= fixed.record.id;
    for (const document of fixed.fallback ?? []) fallbackRoutes[document] ??= fixed.record.id;
  }
  for (const record of listPrinters(db)) open(record);
  // The stored routes, read once: every scan asks which printer takes its label.
  let stored = readRoutes(db);
  const setRoute = (document: PrinterDocument, printerId: string | null) => {
    writeRoute(db, document, printerId);
    stored = readRoutes(db);
  };

  /** A stored printer whose transport cannot open (a moved USB id, no libusb) still starts. */
  function open(record: PrinterRecord, printer?: Printer): PrinterEntry {
    let opened = printer;
    if (!opened) {
      try {
        opened = options.open(record);
      } catch (error) {
        log.warn('printer cannot be opened', { printer: record.id, error });
        opened = unavailablePrinter(record, whyNotOpened(error));
      }
    }
    const entry: PrinterEntry = { record, printer: opened, fixed: false, status: unknownStatus };
    entries.set(record.id, entry);
    return entry;
  }

  function routes(): Record<PrinterDocument, string | null> {
    const result = {} as Record<PrinterDocument, string | null>;
    for (const document of printerDocuments) {
      // The environment's printer is an override: it wins over what is stored.
      const chosen = fixedRoutes[document] ?? stored[document];
      const id = chosen !== undefined && entries.has(chosen) ? chosen : fallbackRoutes[document];
      result[document] = id ?? null;
    }
    return result;
  }

  const view = (entry: PrinterEntry): PrinterView => ({
    id: entry.record.id,
    name: entry.record.name,
    transport: entry.record.transport,
    address: entry.record.address,
    language: entry.record.language,
    dpi: entry.record.dpi,
    paper: entry.record.paper,
    position: entry.record.position,
    fixed: entry.fixed,
    status: entry.status,
  });

  function setup(): PrinterSetup {
    return { printers: [...entries.values()].map(view), routes: routes() };
  }

  const changed = () => {
    if (!closed) options.onChange(setup());
  };

  function get(id: string): PrinterEntry {
    const entry = entries.get(id);
    if (!entry) {
      throw new AppError('invalid-input', msg('printer.unknown', { id }), {
        log: `There is no printer ${id}.`,
      });
    }
    return entry;
  }

  function editable(id: string): PrinterEntry {
    const entry = get(id);
    if (entry.fixed) {
      throw new AppError('forbidden', msg('printer.fixed', { printer: entry.record.name }), {
        log: `${entry.record.name} is set up by the station's environment.`,
      });
    }
    return entry;
  }

  /** Record a status a query (or a job) found; tell the screen and the outbox what changed. */
  function noteStatus(id: string, status: PrinterStatus): PrinterStatusView {
    const entry = entries.get(id);
    const next: PrinterStatusView = {
      ...status,
      checkedAt: new Date(options.clock.now()).toISOString(),
    };
    if (!entry) return next;
    const before = entry.status;
    entry.status = next;
    const same =
      before.reachable === next.reachable &&
      JSON.stringify(before.message) === JSON.stringify(next.message) &&
      before.dpi === next.dpi &&
      before.faults.join() === next.faults.join();
    if (!same) {
      if (!isReady(next)) log.warn('printer reports a problem', { printer: id, status: next });
      changed();
      if (isReady(next) && (!isReady(before) || before.checkedAt === null)) options.onReady(id);
    }
    return next;
  }

  async function refresh(id: string): Promise<PrinterStatusView> {
    const entry = get(id);
    return noteStatus(id, await entry.printer.status());
  }

  async function pollAll(): Promise<void> {
    await Promise.all([...entries.keys()].map((id) => refresh(id).catch(() => undefined)));
  }

  const schedule = () => {
    if (closed || !options.pollMs) return;
    timer = setTimeout(() => {
      polling = pollAll().finally(() => {
        polling = null;
        schedule();
      });
    }, options.pollMs);
    timer.unref();
  };

  const turns = new Map<string, Promise<unknown>>();
  /**
   * Run `work` when the printer is free of other work: a batch's chunk and a packer's label never
   * interleave on one printer, and whoever asked first goes first.
   */
  function inTurn<T>(id: string, work: () => Promise<T>): Promise<T> {
    const before = turns.get(id) ?? Promise.resolve();
    const mine = before.then(work, work);
    const tail = mine.then(
      () => undefined,
      () => undefined,
    );
    turns.set(id, tail);
    void tail.then(() => {
      if (turns.get(id) === tail) turns.delete(id);
    });
    return mine;
  }

  return {
    setup,
    routes,
    get,
    inTurn,
    entries: () => [...entries.values()],
    /** The printer a document goes to, or null when none is set up for it. */
    printerFor(document: PrinterDocument): PrinterEntry | null {
      const id = routes()[document];
      return id ? (entries.get(id) ?? null) : null;
    },
    noteStatus,
    refresh,
    refreshAll: async () => {
      await pollAll();
      return setup();
    },
    add(input: Omit<PrinterRecord, 'id' | 'createdAt'>): PrinterSetup {
      const taken =
        findPrinterByAddress(db, input.address) ??
        [...entries.values()].find((e) => e.record.address === input.address)?.record;
      if (taken) {
        throw new AppError(
          'invalid-input',
          msg('printer.addressTaken', { address: input.address, printer: taken.name }),
          { log: `${input.address} is already set up.` },
        );
      }
      const record: PrinterRecord = {
        ...input,
        id: options.newId(),
        createdAt: new Date(options.clock.now()).toISOString(),
      };
      // A wrong address is refused now, not stored to fail at every start.
      let printer: Printer;
      try {
        printer = options.open(record);
      } catch (error) {
        throw new AppError('invalid-input', whyNotOpened(error), { cause: error });
      }
      savePrinter(db, record);
      open(record, printer);
      log.info('printer added', { printer: record.id, transport: record.transport });
      // The first printer of a kind takes that kind's documents, so one step sets a station up
      // (demo mode's virtual printer is only a stand-in: the first real printer replaces it).
      const current = {
        'zpl-label': fixedRoutes['zpl-label'] ?? stored['zpl-label'],
        'pdf-label': fixedRoutes['pdf-label'] ?? stored['pdf-label'],
        'a4-document': fixedRoutes['a4-document'] ?? stored['a4-document'],
      };
      if (record.language === 'zpl' && !current['zpl-label']) setRoute('zpl-label', record.id);
      if (record.language === 'pdf' && !current['pdf-label'] && !current['zpl-label']) {
        setRoute('pdf-label', record.id);
      }
      if (record.language === 'pdf' && !current['a4-document']) {
        setRoute('a4-document', record.id);
      }
      changed();
      void refresh(record.id).catch(() => undefined);
      return setup();
    },
    update(
      id: string,
      changes: Partial<Pick<PrinterRecord, 'name' | 'dpi' | 'paper' | 'position'>>,
    ): PrinterSetup {
      const entry = editable(id);
      const record = { ...entry.record, ...changes };
      savePrinter(db, record);
      entry.record = record;
      changed();
      return setup();
    },
    async remove(id: string): Promise<PrinterSetup> {
      const entry = editable(id);
      deletePrinter(db, id);
      stored = readRoutes(db);
      entries.delete(id);
      await entry.printer.close().catch(() => undefined);
      log.info('printer removed', { printer: id });
      changed();
      return setup();
    },
    route(document: PrinterDocument, printerId: string | null): PrinterSetup {
      if (printerId !== null) {
        const entry = get(printerId);
        if (document === 'zpl-label' && entry.record.language !== 'zpl') {
          throw new AppError('invalid-input', msg('printer.route.zplNeedsZpl'));
        }
        if (document === 'a4-document' && entry.record.language !== 'pdf') {
          throw new AppError('invalid-input', msg('printer.route.a4NeedsPdf'));
        }
      }
      if (fixedRoutes[document]) {
        throw new AppError('forbidden', msg(fixedRouteKeys[document]), {
          log: `The station's environment chooses the printer for ${document}.`,
        });
      }
      setRoute(document, printerId);
      changed();
      return setup();
    },
    start() {
      polling = pollAll().finally(() => {
        polling = null;
        schedule();
      });
    },
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      await polling;
      for (const entry of entries.values()) await entry.printer.close().catch(() => undefined);
    },
  };
}

export type PrinterRegistry = ReturnType<typeof createPrinterRegistry>;

/** The printer as the format code sees it: the dpi it reports wins over the one set up. */
export function targetOf(entry: PrinterEntry): TargetPrinter {
  const reported = entry.status.dpi;
  const dpi =
    reported === 203 || reported === 300 || reported === 600 ? reported : entry.record.dpi;
  return {
    language: entry.record.language,
    dpi,
    paper: entry.record.paper,
    position: entry.record.position,
  };
}

/** Why a document's printer cannot be chosen here: the environment chose it. */
const fixedRouteKeys = {
  'zpl-label': 'printer.route.fixed.zpl-label',
  'pdf-label': 'printer.route.fixed.pdf-label',
  'a4-document': 'printer.route.fixed.a4-document',
} as const satisfies Record<PrinterDocument, MessageKey>;

/** Refuse to send to a printer that is off or reports a fault: the job waits instead. */
export function assertReady(
  printer: Printer,
  status: Pick<PrinterStatus, 'reachable' | 'faults' | 'message' | 'source'>,
): void {
  if (!status.reachable) {
    throw new PrinterError(
      'printer-offline',
      msg('printer.notReachable', { printer: printer.name, status: status.message }),
      { log: `${printer.name} is not reachable.` },
    );
  }
  if (status.faults.length > 0) {
    throw new PrinterError(
      'printer-fault',
      msg('printer.faultBeforeSending', { faults: status.message, printer: printer.name }),
      { log: `${printer.name} reports ${status.faults.join(', ')}: nothing was sent.` },
    );
  }
}

/** Why a printer's transport did not open, for the packer. */
function whyNotOpened(error: unknown): Message {
  if (error instanceof AppError) return error.said;
  return msg('printer.cannotOpen', {
    detail: error instanceof Error ? error.message : String(error),
  });
}

/** Stands in for a printer whose transport failed to open: it says why, and never prints. */
function unavailablePrinter(record: PrinterRecord, reason: Message): Printer {
  return {
    name: record.name,
    address: record.address,
    transport: record.transport,
    language: record.language,
    send: () =>
      Promise.reject(
        new PrinterError(
          'printer-offline',
          msg('printer.unavailable.named', { printer: record.name, reason }),
          {
            log: `${record.name} is unavailable.`,
          },
        ),
      ),
    status: () =>
      Promise.resolve({
        reachable: false,
        faults: [],
        pending: null,
        dpi: null,
        source: 'none',
        message: msg('printer.status.unavailable', { reason }),
      }),
    close: () => Promise.resolve(),
  };
}
