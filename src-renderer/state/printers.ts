// Pure printer logic for the renderer: which printer is the label printer, how a status reads on
// screen, which printer may take which document, and
// how found printers are grouped. No React, no store: the header and the Printers panel share it.
import type {
  CommandInput,
  DiscoveredPrinter,
  PrinterDiscovery,
  PrinterDocument,
  PrinterFault,
  PrinterSetup,
  PrinterStatusView,
  PrinterTransportName,
  PrinterView,
  ScanEntry,
  StationStatus,
  TestPrint,
} from '../../src-shared';
import { msg, type Message } from '../../src-shared/messages';
import { printerFaults } from '../../src-shared/printer-faults';
import { parseNetworkAddress } from '../../src-shared/rules';
import type { CurrentScan } from './scans';

export type AddPrinterInput = CommandInput<'printers.add'>;
export type Dpi = PrinterView['dpi'];

export const dpis: readonly Dpi[] = [203, 300, 600];

/** What a packer reads for each fault: short enough for a pill. */
export const faultLabel = Object.fromEntries(
  printerFaults.map((fault) => [fault, msg(`ui.printers.fault.${fault}`)]),
) as Record<PrinterFault, Message>;

/** What to do about each fault, in the words on the banner. */
export const faultAdvice = Object.fromEntries(
  printerFaults.map((fault) => [fault, msg(`ui.printers.advice.${fault}`)]),
) as Record<PrinterFault, Message>;

/** "Paper out", or "Paper out and print head open": the faults in the packer's language. */
export function describeFaults(faults: readonly PrinterFault[]): Message {
  const [only] = faults;
  if (faults.length === 0) return msg('ui.printers.status.ready');
  if (faults.length === 1 && only !== undefined) return faultLabel[only];
  return msg('ui.printers.faultList', { faults: faults.map((fault) => faultLabel[fault]) });
}

/** The faults demo mode can stage on its virtual printer, in the order the switches show. */
export const demoPrinterFaults: readonly PrinterFault[] = [
  'paper-out',
  'head-open',
  'ribbon-out',
  'paused',
];

export const transportLabel = (transport: PrinterTransportName): Message =>
  msg(`ui.printers.transport.${transport}`);

export const documentLabel = (document: PrinterDocument): Message =>
  msg(`ui.printers.document.${document}`);

export const positionLabel = (position: PrinterView['position']): Message =>
  msg(`ui.printers.position.${position}`);

/** The documents in the order of the routing section. */
export const printerDocuments: readonly PrinterDocument[] = [
  'zpl-label',
  'pdf-label',
  'a4-document',
];

/**
 * The printer labels go to, as the station chooses it: the one for ZPL labels, else the one for
 * PDF labels. Null when neither is set up.
 */
export function labelPrinter(setup: PrinterSetup): PrinterView | null {
  const id = setup.routes['zpl-label'] ?? setup.routes['pdf-label'];
  return setup.printers.find((printer) => printer.id === id) ?? null;
}

/** `ready` green, `fault` and `offline` red, `unknown` grey, `none` amber (nothing set up). */
export type PrinterTone = 'ready' | 'fault' | 'offline' | 'unknown' | 'none';

export interface StatusSummary {
  tone: PrinterTone;
  /** What the pill says: "Ready", "Paper out", "Unreachable", "Not checked yet". */
  label: Message;
}

const notChecked = msg('ui.printers.status.notChecked');

export function statusSummary(status: PrinterStatusView | null): StatusSummary {
  if (!status) return { tone: 'none', label: msg('ui.printers.status.none') };
  if (status.checkedAt === null) return { tone: 'unknown', label: notChecked };
  if (!status.reachable) return { tone: 'offline', label: msg('ui.printers.status.unreachable') };
  if (status.faults.length > 0) return { tone: 'fault', label: describeFaults(status.faults) };
  return { tone: 'ready', label: msg('ui.printers.status.ready') };
}

/** The label printer as the header shows it, from the live set-up or, until then, the status. */
export interface LabelPrinterFact {
  name: string | null;
  address: string | null;
  summary: StatusSummary;
  /** The printer's own line, e.g. "Ready (this printer does not report status)". */
  message: Message | null;
}

export function labelPrinterFact(
  setup: PrinterSetup | null,
  station: StationStatus | null,
): LabelPrinterFact {
  if (setup) {
    const printer = labelPrinter(setup);
    if (!printer) return { name: null, address: null, summary: statusSummary(null), message: null };
    return {
      name: printer.name,
      address: printer.address,
      summary: statusSummary(printer.status),
      message: printer.status.message,
    };
  }
  // The set-up has not been read yet: name what the status names, without claiming a state.
  const named = station?.printer ?? null;
  if (!named) {
    return station
      ? { name: null, address: null, summary: statusSummary(null), message: null }
      : {
          name: null,
          address: null,
          summary: { tone: 'unknown', label: msg('ui.printers.status.checking') },
          message: null,
        };
  }
  return {
    name: named.name,
    address: named.address,
    summary: { tone: 'unknown', label: notChecked },
    message: null,
  };
}

/** Why labels cannot print right now, for the red banner; null while the label printer is fine. */
export interface PrinterProblem {
  printer: PrinterView;
  kind: 'fault' | 'offline';
  /** "Paper out", "Unreachable". */
  headline: Message;
  /** What to do about it. */
  advice: Message;
}

export function labelPrinterProblem(setup: PrinterSetup | null): PrinterProblem | null {
  const printer = setup ? labelPrinter(setup) : null;
  if (!printer || printer.status.checkedAt === null) return null;
  const { status } = printer;
  if (!status.reachable) {
    return {
      printer,
      kind: 'offline',
      headline: msg('ui.printers.status.unreachable'),
      advice: msg('ui.printers.advice.unreachable'),
    };
  }
  const first = status.faults[0];
  if (first === undefined) return null;
  return {
    printer,
    kind: 'fault',
    headline: describeFaults(status.faults),
    advice: faultAdvice[first],
  };
}

/** The dpi the printer reports about itself, when it does and it is not the one set up. */
export function reportedDpiDiffers(printer: PrinterView): number | null {
  const reported = printer.status.dpi;
  return reported !== null && reported !== printer.dpi ? reported : null;
}

/** The documents this printer takes, in the order of the routing section. */
export function documentsFor(setup: PrinterSetup, printerId: string): PrinterDocument[] {
  return printerDocuments.filter((document) => setup.routes[document] === printerId);
}

/**
 * Whether a printer may take a document: ZPL labels only on a ZPL printer, A4 sheets only on a
 * PDF printer; a PDF label goes anywhere (a ZPL printer gets it as a picture).
 */
export function canTake(
  printer: Pick<PrinterView, 'language'>,
  document: PrinterDocument,
): boolean {
  switch (document) {
    case 'zpl-label':
      return printer.language === 'zpl';
    case 'a4-document':
      return printer.language === 'pdf';
    case 'pdf-label':
      return true;
  }
}

/** What "no printer" means for a document: the other label printer steps in, or it waits. */
export function unroutedText(setup: PrinterSetup, document: PrinterDocument): Message {
  switch (document) {
    case 'zpl-label':
      return msg(
        setup.routes['pdf-label'] ? 'ui.printers.route.pdfTakes' : 'ui.printers.route.wait',
      );
    case 'pdf-label':
      return msg(
        setup.routes['zpl-label'] ? 'ui.printers.route.zplTakes' : 'ui.printers.route.wait',
      );
    case 'a4-document':
      return msg('ui.printers.route.none');
  }
}

export function routeChoices(setup: PrinterSetup, document: PrinterDocument): PrinterView[] {
  return setup.printers.filter((printer) => canTake(printer, document));
}

// ---------------------------------------------------------------------------------------------
// A network printer typed by hand

/** One spelling per network address, so "tcp://Printer:9100" and "printer" are one printer. */
function networkKey(address: string): string | null {
  const parsed = parseNetworkAddress(address);
  return parsed.ok ? `${parsed.host.toLowerCase()}:${parsed.port}` : null;
}

/** The set-up printer already at this network address, if any. */
export function printerAtAddress(setup: PrinterSetup, address: string): PrinterView | null {
  const key = networkKey(address);
  if (!key) return null;
  return (
    setup.printers.find(
      (printer) => printer.transport === 'tcp' && networkKey(printer.address) === key,
    ) ?? null
  );
}

export interface NetworkPrinterDraft {
  name: string;
  address: string;
  language: 'zpl' | 'pdf';
  dpi: Dpi;
}

export type DraftCheck =
  | { ok: true; input: AddPrinterInput }
  /** `message` is a key and params: the address rule's (src-shared/rules) or the form's own. */
  | { ok: false; field: 'name' | 'address'; message: Message };

const maxNameLength = 80;

/**
 * Check the "Add a network printer" form. A blank name becomes one from the address, in the
 * packer's words (`nameFor`), since the name is what every screen shows afterwards.
 */
export function checkNetworkPrinter(
  draft: NetworkPrinterDraft,
  setup: PrinterSetup | null,
  nameFor: (language: string, host: string) => string,
): DraftCheck {
  const parsed = parseNetworkAddress(draft.address);
  if (!parsed.ok) return { ok: false, field: 'address', message: parsed.problem };
  const taken = setup ? printerAtAddress(setup, parsed.address) : null;
  if (taken) {
    return {
      ok: false,
      field: 'address',
      message: msg('ui.printers.add.taken', { address: parsed.address, name: taken.name }),
    };
  }
  const name = draft.name.trim() || nameFor(draft.language.toUpperCase(), parsed.host);
  if (name.length > maxNameLength) {
    return {
      ok: false,
      field: 'name',
      message: msg('ui.printers.add.nameTooLong', { max: maxNameLength }),
    };
  }
  return {
    ok: true,
    input: {
      name,
      transport: 'tcp',
      address: parsed.address,
      language: draft.language,
      dpi: draft.dpi,
      paper: 'A6',
      position: 0,
    },
  };
}

export function parseDpi(value: string): Dpi {
  return value === '300' ? 300 : value === '600' ? 600 : 203;
}

// ---------------------------------------------------------------------------------------------
// Found printers

export interface DiscoveredGroup {
  transport: DiscoveredPrinter['transport'];
  title: Message;
  printers: DiscoveredPrinter[];
}

const discoveredOrder: readonly DiscoveredPrinter['transport'][] = ['usb', 'cups', 'windows'];

// Ones a packer can add right now first, then ones with a problem, then ones already added.
const rank = (printer: DiscoveredPrinter): number => (printer.added ? 2 : printer.problem ? 1 : 0);

/** Found printers by where they were found, the ones that can be added first, then by name. */
export function groupDiscovered(discovery: PrinterDiscovery): DiscoveredGroup[] {
  return discoveredOrder.flatMap((transport) => {
    const title = msg(`ui.printers.found.${transport}`);
    const printers = discovery.printers
      .filter((printer) => printer.transport === transport)
      .sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
    return printers.length ? [{ transport, title, printers }] : [];
  });
}

/** What to send to add a found printer, with the dpi (and paper, for PDF) the packer chose. */
export function discoveredInput(
  printer: DiscoveredPrinter,
  choice: { dpi: Dpi; paper: 'A6' | 'A4' },
): AddPrinterInput {
  return {
    name: printer.name.slice(0, maxNameLength),
    transport: printer.transport,
    address: printer.address,
    language: printer.language,
    dpi: choice.dpi,
    paper: printer.language === 'pdf' ? choice.paper : 'A6',
    position: 0,
  };
}

// ---------------------------------------------------------------------------------------------
// Outcomes

/** A test print's outcome in one line: printed, or printed with something to check. */
export function testPrintOutcome(result: TestPrint): {
  tone: 'printed' | 'warning';
  text: Message;
} {
  if (result.warning) return { tone: 'warning', text: result.warning };
  return { tone: 'printed', text: msg('ui.printers.test.square') };
}

/** The printer's note on the label the result panel shows (e.g. a dpi mismatch worked around). */
export function printWarning(
  current: CurrentScan | null,
  scans: readonly ScanEntry[],
): Message | null {
  if (current?.kind !== 'entry') return null;
  const entry = scans.find((scan) => scan.id === current.id) ?? current.entry;
  return entry.state === 'printed' ? entry.warning : null;
}

/** Why a fixed printer has no Remove button. */
export function fixedReason(mode: StationStatus['mode'] | null): Message {
  return msg(mode === 'live' ? 'ui.printers.fixed.live' : 'ui.printers.fixed.builtIn');
}

/** The printer demo mode's fault switches act on: the built-in one, which is fixed. */
export function builtInPrinter(setup: PrinterSetup | null): PrinterView | null {
  return setup?.printers.find((printer) => printer.fixed && printer.language === 'zpl') ?? null;
}

/**
 * A key that would pick a select's option by its first letter. The set-up's selects refuse it:
 * a scanner burst landing on a focused select would otherwise reroute labels or change a dpi
 * before the wedge detector knows it was a scan. Arrows, Space and Enter still work.
 */
export function isTypeaheadKey(key: string, modified: boolean): boolean {
  return !modified && key.length === 1 && key !== ' ';
}
