// The Printers screen: the set-up with live status, routes, adding, finding and testing printers,
// and demo mode's virtual-printer faults.
import type {
  AppErrorData,
  CommandInput,
  PrinterDiscovery,
  PrinterDocument,
  PrinterFault,
  PrinterSetup,
  Result,
  TestPrint,
} from '../../../src-shared';
import { createOvertaking, failedOrNothing, keepKeys, type Keyed, type Pending } from '../helpers';
import type { AddPrinterInput } from '../printers';
import { keyed, type SliceContext } from './context';

export type PrinterActionName = 'test' | 'remove' | 'update';

/** A test print, removal or edit a packer asked for on one printer; a test print's outcome. */
export type PrinterAction =
  | { kind: 'pending'; action: PrinterActionName }
  | { kind: 'failed'; action: PrinterActionName; error: AppErrorData }
  | { kind: 'tested'; result: TestPrint };

/** A document's new printer (null: none), on its way or refused, so "Try again" can resend it. */
export type RouteAction =
  | { kind: 'pending'; printerId: string | null }
  | { kind: 'failed'; printerId: string | null; error: AppErrorData };

/** Faults being staged on demo mode's virtual printer, or why staging them was refused. */
export type DemoPrinterFaultsState =
  { kind: 'pending'; faults: PrinterFault[] } | { kind: 'failed'; error: AppErrorData };

export type DiscoveryState =
  | { kind: 'running' }
  | { kind: 'done'; result: PrinterDiscovery }
  | { kind: 'failed'; error: AppErrorData };

export type PrinterChanges = Omit<CommandInput<'printers.update'>, 'id'>;

export interface PrintersSlice {
  /** The printers, their routes and live status, once read (`printers.list`) or pushed. */
  printers: PrinterSetup | null;
  printersError: AppErrorData | null;
  /** `printers.refresh` asks every printer now; this says it is on its way or failed. */
  printersRefresh: Pending | null;
  /** By printer id. */
  printerActions: Keyed<PrinterAction>;
  /** By document. */
  routeActions: Keyed<RouteAction>;
  /** By where the add came from: `network` for the form, the address for a found printer. */
  printerAdds: Keyed<Pending>;
  discovery: DiscoveryState | null;
  /** Demo mode: faults being staged on the virtual printer, or why that was refused. */
  demoPrinterFaults: DemoPrinterFaultsState | null;
  loadPrinters(): Promise<void>;
  /** Ask every printer how it is now, instead of waiting for the next poll. */
  refreshPrinters(): Promise<void>;
  discoverPrinters(): Promise<void>;
  /** Add a printer; `key` names where the request came from, for its pending/failed state. */
  addPrinter(input: AddPrinterInput, key: string): Promise<boolean>;
  updatePrinter(id: string, changes: PrinterChanges): Promise<void>;
  removePrinter(id: string): Promise<void>;
  testPrinter(id: string): Promise<void>;
  routeDocument(document: PrinterDocument, printerId: string | null): Promise<void>;
  setDemoPrinterFaults(faults: PrinterFault[]): Promise<void>;
}

function setPrinters(ctx: SliceContext, setup: PrinterSetup): void {
  const known = new Set(setup.printers.map((printer) => printer.id));
  ctx.set({
    printers: setup,
    printersError: null,
    // A removed printer's test result or error has nothing left to show against.
    printerActions: keepKeys(ctx.get().printerActions, (id) => known.has(id)),
  });
}

export function onPrintersPushed(ctx: SliceContext, setup: PrinterSetup): void {
  ctx.pushes.printers.overtake();
  setPrinters(ctx, setup);
}

/** Run a printer command; its set-up answer applies unless a push overtook it. */
async function printerCommand(
  ctx: SliceContext,
  call: () => Promise<Result<PrinterSetup>>,
): Promise<Result<PrinterSetup>> {
  const fresh = ctx.pushes.printers.since();
  const result = await call();
  if (result.ok && fresh()) setPrinters(ctx, result.value);
  return result;
}

async function actOnPrinter(
  ctx: SliceContext,
  id: string,
  action: Exclude<PrinterActionName, 'test'>,
  call: () => Promise<Result<PrinterSetup>>,
): Promise<void> {
  await keyed(ctx, 'printerActions').run(
    id,
    { kind: 'pending', action },
    () => printerCommand(ctx, call),
    (result) => (result.ok ? null : { kind: 'failed', action, error: result.error }),
  );
}

export function printersSlice(ctx: SliceContext): PrintersSlice {
  // Each staging of demo faults owns `demoPrinterFaults` until a later toggle starts.
  const demoStaging = createOvertaking();

  return {
    printers: null,
    printersError: null,
    printersRefresh: null,
    printerActions: {},
    routeActions: {},
    printerAdds: {},
    discovery: null,
    demoPrinterFaults: null,

    async loadPrinters() {
      const fresh = ctx.pushes.printers.since();
      const result = await ctx.api.printers.list({});
      if (!result.ok) ctx.set({ printersError: result.error });
      else if (fresh()) setPrinters(ctx, result.value);
    },

    async refreshPrinters() {
      if (ctx.get().printersRefresh?.kind === 'pending') return;
      ctx.set({ printersRefresh: { kind: 'pending' } });
      const result = await printerCommand(ctx, () => ctx.api.printers.refresh({}));
      ctx.set({ printersRefresh: failedOrNothing(result) });
    },

    async discoverPrinters() {
      if (ctx.get().discovery?.kind === 'running') return;
      ctx.set({ discovery: { kind: 'running' } });
      const result = await ctx.api.printers.discover({});
      ctx.set({
        discovery: result.ok
          ? { kind: 'done', result: result.value }
          : { kind: 'failed', error: result.error },
      });
    },

    async addPrinter(input, key) {
      const result = await keyed(ctx, 'printerAdds').run(
        key,
        { kind: 'pending' },
        () => printerCommand(ctx, () => ctx.api.printers.add(input)),
        failedOrNothing,
      );
      const { discovery } = ctx.get();
      if (result?.ok && discovery?.kind === 'done') {
        // The found list was read before the add: mark this one as set up now.
        const printers = discovery.result.printers.map((found) =>
          found.address === input.address ? { ...found, added: true } : found,
        );
        ctx.set({ discovery: { kind: 'done', result: { ...discovery.result, printers } } });
      }
      return result?.ok ?? false;
    },

    updatePrinter(id, changes) {
      return actOnPrinter(ctx, id, 'update', () => ctx.api.printers.update({ id, ...changes }));
    },

    removePrinter(id) {
      return actOnPrinter(ctx, id, 'remove', () => ctx.api.printers.remove({ id }));
    },

    async testPrinter(id) {
      await keyed(ctx, 'printerActions').run(
        id,
        { kind: 'pending', action: 'test' },
        () => ctx.api.printers.test({ id }),
        (result) =>
          result.ok
            ? { kind: 'tested', result: result.value }
            : { kind: 'failed', action: 'test', error: result.error },
      );
    },

    async routeDocument(document, printerId) {
      await keyed(ctx, 'routeActions').run(
        document,
        { kind: 'pending', printerId },
        () => printerCommand(ctx, () => ctx.api.printers.route({ document, printerId })),
        (result) => (result.ok ? null : { kind: 'failed', printerId, error: result.error }),
      );
    },

    async setDemoPrinterFaults(faults) {
      demoStaging.overtake();
      const mine = demoStaging.since();
      ctx.set({ demoPrinterFaults: { kind: 'pending', faults } });
      const result = await printerCommand(ctx, () => ctx.api.demo.printerFaults({ faults }));
      // A later toggle owns the state now; its own answer settles it.
      if (mine()) ctx.set({ demoPrinterFaults: failedOrNothing(result) });
    },
  };
}
