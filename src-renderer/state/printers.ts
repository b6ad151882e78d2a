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
import { describeFaults, faultText } from '../../src-shared/printer-faults';
import {
  parseNetworkAddress,
  type AddressProblemKey,
  type RuleProblem,
} from '../../src-shared/rules';
import type { CurrentScan } from './scans';

export type AddPrinterInput = CommandInput<'printers.add'>;
export type Dpi = PrinterView['dpi'];

export const dpis: readonly Dpi[] = [203, 300, 600];

/** What a packer reads for each fault: short enough for a pill. */
export const faultLabel = faultText;

/** What to do about each fault, in the words on the banner. */
export const faultAdvice: Record<PrinterFault, string> = {
  'paper-out': 'Load a new roll of labels and close the print head.',
  'head-open': 'Close the print head until it clicks.',
  'ribbon-out': 'Put in a new ribbon.',
  paused: 'Press the pause button on the printer to carry on.',
  'buffer-full': 'The printer is catching up; give it a moment.',
  'head-too-hot': 'Let the printer cool down for a few minutes.',
  other: 'Look at the printer’s display or lights for what is wrong.',
};

/** The faults demo mode can stage on its virtual printer, in the order the switches show. */
export const demoPrinterFaults: readonly PrinterFault[] = [
  'paper-out',
  'head-open',
  'ribbon-out',
  'paused',
];

export const transportLabel: Record<PrinterTransportName, string> = {
  tcp: 'Network',
  usb: 'USB',
  cups: 'OS print queue',
  windows: 'Windows print queue',
};

export const documentLabel: Record<PrinterDocument, string> = {
  'zpl-label': 'ZPL labels',
  'pdf-label': 'PDF labels',
  'a4-document': 'A4 documents (customs forms)',
};

export const positionLabel: Record<PrinterView['position'], string> = {
  0: 'top left',
  1: 'top right',
  2: 'bottom left',
  3: 'bottom right',
};

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
  label: string;
}

export { describeFaults };

export function statusSummary(status: PrinterStatusView | null): StatusSummary {
  if (!status) return { tone: 'none', label: 'No printer set up' };
  if (status.checkedAt === null) return { tone: 'unknown', label: 'Not checked yet' };
  if (!status.reachable) return { tone: 'offline', label: 'Unreachable' };
  if (status.faults.length > 0) return { tone: 'fault', label: describeFaults(status.faults) };
  return { tone: 'ready', label: 'Ready' };
}

/** The label printer as the header shows it, from the live set-up or, until then, the status. */
export interface LabelPrinterFact {
  name: string | null;
  address: string | null;
  summary: StatusSummary;
  /** The printer's own line, e.g. "Ready (this printer does not report status)". */
  message: string | null;
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
          summary: { tone: 'unknown', label: 'Checking…' },
          message: null,
        };
  }
  return {
    name: named.name,
    address: named.address,
    summary: { tone: 'unknown', label: 'Not checked yet' },
    message: null,
  };
}

/** Why labels cannot print right now, for the red banner; null while the label printer is fine. */
export interface PrinterProblem {
  printer: PrinterView;
  kind: 'fault' | 'offline';
  /** "Paper out", "Unreachable". */
  headline: string;
  /** What to do about it. */
  advice: string;
}

export function labelPrinterProblem(setup: PrinterSetup | null): PrinterProblem | null {
  const printer = setup ? labelPrinter(setup) : null;
  if (!printer || printer.status.checkedAt === null) return null;
  const { status } = printer;
  if (!status.reachable) {
    return {
      printer,
      kind: 'offline',
      headline: 'Unreachable',
      advice: 'Check that it is switched on and its cable is plugged in.',
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
  return (Object.keys(documentLabel) as PrinterDocument[]).filter(
    (document) => setup.routes[document] === printerId,
  );
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
export function unroutedText(setup: PrinterSetup, document: PrinterDocument): string {
  switch (document) {
    case 'zpl-label':
      return setup.routes['pdf-label']
        ? 'None: the PDF label printer takes them'
        : 'None: labels wait';
    case 'pdf-label':
      return setup.routes['zpl-label']
        ? 'None: the ZPL label printer takes them'
        : 'None: labels wait';
    case 'a4-document':
      return 'None';
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
  /** `message` is a rule's key and params when the address rule (src-shared/rules) refused it. */
  | { ok: false; field: 'name' | 'address'; message: string | RuleProblem<AddressProblemKey> };

const maxNameLength = 80;

/** Check the "Add a network printer" form; a blank name becomes one from the address. */
export function checkNetworkPrinter(
  draft: NetworkPrinterDraft,
  setup: PrinterSetup | null,
): DraftCheck {
  const parsed = parseNetworkAddress(draft.address);
  if (!parsed.ok) return { ok: false, field: 'address', message: parsed.problem };
  const taken = setup ? printerAtAddress(setup, parsed.address) : null;
  if (taken) {
    return {
      ok: false,
      field: 'address',
      message: `${parsed.address} is already set up as "${taken.name}".`,
    };
  }
  const name = draft.name.trim() || `${draft.language.toUpperCase()} printer at ${parsed.host}`;
  if (name.length > maxNameLength) {
    return {
      ok: false,
      field: 'name',
      message: `Keep the name under ${maxNameLength} characters.`,
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
  title: string;
  printers: DiscoveredPrinter[];
}

const discoveredOrder: ReadonlyArray<{ transport: DiscoveredPrinter['transport']; title: string }> =
  [
    { transport: 'usb', title: 'USB printers' },
    { transport: 'cups', title: 'OS print queues' },
    { transport: 'windows', title: 'Windows print queues' },
  ];

// Ones a packer can add right now first, then ones with a problem, then ones already added.
const rank = (printer: DiscoveredPrinter): number => (printer.added ? 2 : printer.problem ? 1 : 0);

/** Found printers by where they were found, the ones that can be added first, then by name. */
export function groupDiscovered(discovery: PrinterDiscovery): DiscoveredGroup[] {
  return discoveredOrder.flatMap(({ transport, title }) => {
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
export function testPrintOutcome(result: TestPrint): { tone: 'printed' | 'warning'; text: string } {
  if (result.warning) return { tone: 'warning', text: result.warning };
  return {
    tone: 'printed',
    text: 'The square on the test page should measure exactly 1 inch (25.4 mm).',
  };
}

/** The printer's note on the label the result panel shows (e.g. a dpi mismatch worked around). */
export function printWarning(
  current: CurrentScan | null,
  scans: readonly ScanEntry[],
): string | null {
  if (current?.kind !== 'entry') return null;
  const entry = scans.find((scan) => scan.id === current.id) ?? current.entry;
  return entry.state === 'printed' ? entry.warning : null;
}

/** Why a fixed printer has no Remove button. */
export function fixedReason(mode: StationStatus['mode'] | null): string {
  return mode === 'live'
    ? 'Set by the station’s environment (PACKDESK_PRINTER): change it there.'
    : 'Built in (demo mode) or set by the station’s environment: it cannot be edited or removed here.';
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
