import { describe, expect, it } from 'vitest';
import type {
  DiscoveredPrinter,
  PrinterSetup,
  PrinterStatusView,
  PrinterView,
  ScanEntry,
  StationStatus,
} from '../../src-shared';
import { msg } from '../../src-shared/messages';
import {
  builtInPrinter,
  canTake,
  checkNetworkPrinter,
  discoveredInput,
  documentsFor,
  groupDiscovered,
  labelPrinter,
  labelPrinterFact,
  labelPrinterProblem,
  printWarning,
  printerAtAddress,
  reportedDpiDiffers,
  routeChoices,
  statusSummary,
  isTypeaheadKey,
  testPrintOutcome,
  unroutedText,
} from './printers';

const checkedAt = '2025-11-21T10:00:00.000Z';

function status(overrides: Partial<PrinterStatusView> = {}): PrinterStatusView {
  return {
    reachable: true,
    faults: [],
    pending: 0,
    dpi: null,
    source: 'printer',
    message: msg('ui.printers.status.ready'),
    checkedAt,
    ...overrides,
  };
}

function printer(id: string, overrides: Partial<PrinterView> = {}): PrinterView {
  return {
    id,
    name: `Printer ${id}`,
    transport: 'tcp',
    address: `tcp://10.0.0.${id.length}:9100`,
    language: 'zpl',
    dpi: 203,
    paper: 'A6',
    position: 0,
    fixed: false,
    status: status(),
    ...overrides,
  };
}

function setup(
  printers: PrinterView[],
  routes: Partial<PrinterSetup['routes']> = {},
): PrinterSetup {
  return {
    printers,
    routes: { 'zpl-label': null, 'pdf-label': null, 'a4-document': null, ...routes },
  };
}

function found(overrides: Partial<DiscoveredPrinter> = {}): DiscoveredPrinter {
  return {
    transport: 'usb',
    address: 'usb://0a5f:0166/D4J1234',
    name: 'Zebra ZD421',
    language: 'zpl',
    detail: [
      msg('printer.discovery.fact.zpl'),
      msg('printer.discovery.fact.serial', { serial: 'D4J1234' }),
    ],
    problem: null,
    added: false,
    ...overrides,
  };
}

const station: StationStatus = {
  mode: 'demo',
  sendcloudUrl: 'http://127.0.0.1:4010',
  integration: null,
  printer: { name: 'Virtual ZPL printer', address: 'tcp://127.0.0.1:9100' },
  ordersCached: 0,
  ordersSyncedAt: null,
  syncError: null,
  connectivity: { online: true, since: checkedAt, queueLength: 0, lastError: null },
  outbox: { drainMode: 'print', staleAfterMinutes: 60 },
  accounts: [],
  keychainError: null,
  warehouse: { kind: 'single' },
};

describe('labelPrinter', () => {
  const zebra = printer('zebra');
  const office = printer('office', { language: 'pdf', transport: 'cups' });

  it('is the printer ZPL labels go to', () => {
    const chosen = labelPrinter(
      setup([office, zebra], { 'zpl-label': 'zebra', 'pdf-label': 'office' }),
    );
    expect(chosen?.id).toBe('zebra');
  });

  it('falls back to the PDF label printer when no ZPL printer takes labels', () => {
    expect(labelPrinter(setup([office, zebra], { 'pdf-label': 'office' }))?.id).toBe('office');
  });

  it('is null when no printer takes labels, or the routed one is gone', () => {
    expect(labelPrinter(setup([zebra], { 'a4-document': 'zebra' }))).toBeNull();
    expect(labelPrinter(setup([zebra], { 'zpl-label': 'removed' }))).toBeNull();
  });
});

describe('statusSummary', () => {
  it('says Ready in green for a checked printer with no faults', () => {
    expect(statusSummary(status())).toEqual({
      tone: 'ready',
      label: msg('ui.printers.status.ready'),
    });
  });

  it('names the fault, or lists the faults, in red', () => {
    expect(statusSummary(status({ faults: ['paper-out'] }))).toEqual({
      tone: 'fault',
      label: msg('ui.printers.fault.paper-out'),
    });
    expect(statusSummary(status({ faults: ['paper-out', 'head-open'] })).label).toEqual(
      msg('ui.printers.faultList', {
        faults: [msg('ui.printers.fault.paper-out'), msg('ui.printers.fault.head-open')],
      }),
    );
  });

  it('says Unreachable before looking at faults', () => {
    expect(statusSummary(status({ reachable: false, faults: ['paper-out'] }))).toEqual({
      tone: 'offline',
      label: msg('ui.printers.status.unreachable'),
    });
  });

  it('does not claim Ready before the first check', () => {
    expect(statusSummary(status({ checkedAt: null }))).toEqual({
      tone: 'unknown',
      label: msg('ui.printers.status.notChecked'),
    });
  });

  it('says when there is no printer at all', () => {
    expect(statusSummary(null)).toEqual({ tone: 'none', label: msg('ui.printers.status.none') });
  });
});

describe('labelPrinterFact', () => {
  it('shows the routed label printer with its live status', () => {
    const fact = labelPrinterFact(
      setup([printer('a', { name: 'Bench 2', status: status({ faults: ['head-open'] }) })], {
        'zpl-label': 'a',
      }),
      station,
    );
    expect(fact).toMatchObject({
      name: 'Bench 2',
      summary: { tone: 'fault', label: msg('ui.printers.fault.head-open') },
    });
  });

  it('names the printer from the station status until the set-up is read, without a state', () => {
    expect(labelPrinterFact(null, station)).toMatchObject({
      name: 'Virtual ZPL printer',
      summary: { tone: 'unknown' },
    });
  });

  it('says no printer is set up, from either source', () => {
    const none = msg('ui.printers.status.none');
    expect(labelPrinterFact(setup([]), station).summary.label).toEqual(none);
    expect(labelPrinterFact(null, { ...station, printer: null }).summary.label).toEqual(none);
  });
});

describe('labelPrinterProblem', () => {
  it('explains a fault and what to do about it', () => {
    const problem = labelPrinterProblem(
      setup([printer('a', { status: status({ faults: ['paper-out'] }) })], { 'zpl-label': 'a' }),
    );
    expect(problem).toMatchObject({
      kind: 'fault',
      headline: msg('ui.printers.fault.paper-out'),
      advice: msg('ui.printers.advice.paper-out'),
    });
  });

  it('reports an unreachable label printer', () => {
    const problem = labelPrinterProblem(
      setup([printer('a', { status: status({ reachable: false }) })], { 'zpl-label': 'a' }),
    );
    expect(problem).toMatchObject({
      kind: 'offline',
      headline: msg('ui.printers.status.unreachable'),
      advice: msg('ui.printers.advice.unreachable'),
    });
  });

  it('stays quiet for a ready, unchecked or unrouted printer', () => {
    expect(labelPrinterProblem(setup([printer('a')], { 'zpl-label': 'a' }))).toBeNull();
    expect(
      labelPrinterProblem(
        setup([printer('a', { status: status({ reachable: false, checkedAt: null }) })], {
          'zpl-label': 'a',
        }),
      ),
    ).toBeNull();
    // A faulty printer that takes no labels does not stop the labels.
    expect(
      labelPrinterProblem(
        setup([printer('a', { status: status({ faults: ['paper-out'] }) })], {
          'a4-document': 'a',
        }),
      ),
    ).toBeNull();
    expect(labelPrinterProblem(null)).toBeNull();
  });
});

describe('reportedDpiDiffers', () => {
  it('is the dpi the printer reports when it is not the one set up', () => {
    expect(reportedDpiDiffers(printer('a', { dpi: 203, status: status({ dpi: 300 }) }))).toBe(300);
    expect(reportedDpiDiffers(printer('a', { dpi: 300, status: status({ dpi: 300 }) }))).toBeNull();
    expect(
      reportedDpiDiffers(printer('a', { dpi: 300, status: status({ dpi: null }) })),
    ).toBeNull();
  });
});

describe('routing', () => {
  const zebra = printer('zebra');
  const office = printer('office', { language: 'pdf' });
  const both = setup([zebra, office], { 'zpl-label': 'zebra', 'pdf-label': 'zebra' });

  it('offers only ZPL printers for ZPL labels and only PDF printers for A4 documents', () => {
    expect(routeChoices(both, 'zpl-label').map((p) => p.id)).toEqual(['zebra']);
    expect(routeChoices(both, 'a4-document').map((p) => p.id)).toEqual(['office']);
    expect(routeChoices(both, 'pdf-label').map((p) => p.id)).toEqual(['zebra', 'office']);
    expect(canTake({ language: 'pdf' }, 'zpl-label')).toBe(false);
  });

  it('says which printer steps in for a document with none of its own', () => {
    expect(unroutedText(setup([zebra], { 'zpl-label': 'zebra' }), 'pdf-label').key).toBe(
      'ui.printers.route.zplTakes',
    );
    expect(unroutedText(setup([office], { 'pdf-label': 'office' }), 'zpl-label').key).toBe(
      'ui.printers.route.pdfTakes',
    );
    expect(unroutedText(setup([]), 'zpl-label').key).toBe('ui.printers.route.wait');
    expect(unroutedText(both, 'a4-document').key).toBe('ui.printers.route.none');
  });

  it('lists the documents a printer takes', () => {
    expect(documentsFor(both, 'zebra')).toEqual(['zpl-label', 'pdf-label']);
    expect(documentsFor(both, 'office')).toEqual([]);
  });
});

describe('checkNetworkPrinter', () => {
  const nameFor = (language: string, host: string) => `${language} @ ${host}`;
  const existing = setup([printer('a', { name: 'Bench 1', address: 'tcp://10.0.0.7:9100' })]);

  it('builds the add command from a valid form', () => {
    expect(
      checkNetworkPrinter(
        { name: ' Bench 2 ', address: '10.0.0.8', language: 'zpl', dpi: 300 },
        existing,
        nameFor,
      ),
    ).toEqual({
      ok: true,
      input: {
        name: 'Bench 2',
        transport: 'tcp',
        address: '10.0.0.8:9100',
        language: 'zpl',
        dpi: 300,
        paper: 'A6',
        position: 0,
      },
    });
  });

  it('names a nameless printer after its address', () => {
    const checked = checkNetworkPrinter(
      { name: '', address: '10.0.0.8:9100', language: 'pdf', dpi: 203 },
      null,
      nameFor,
    );
    expect(checked.ok && checked.input.name).toBe('PDF @ 10.0.0.8');
  });

  it('points at the address field when the address is bad, with what the address rule says', () => {
    expect(
      checkNetworkPrinter(
        { name: 'x', address: 'nope:1:2', language: 'zpl', dpi: 203 },
        null,
        nameFor,
      ),
    ).toMatchObject({
      ok: false,
      field: 'address',
      message: { key: 'rules.address.ipv6NeedsBrackets' },
    });
  });

  it('refuses an address already set up, however it is spelled', () => {
    const checked = checkNetworkPrinter(
      { name: 'Again', address: 'tcp://10.0.0.7', language: 'zpl', dpi: 203 },
      existing,
      nameFor,
    );
    expect(checked).toMatchObject({ ok: false, field: 'address' });
    if (!checked.ok) {
      expect(checked.message).toEqual(
        msg('ui.printers.add.taken', { address: '10.0.0.7:9100', name: 'Bench 1' }),
      );
    }
    expect(printerAtAddress(existing, '10.0.0.7:9100')?.name).toBe('Bench 1');
    expect(printerAtAddress(existing, '10.0.0.7:9101')).toBeNull();
  });

  it('refuses a name longer than the station keeps', () => {
    expect(
      checkNetworkPrinter(
        { name: 'x'.repeat(81), address: '10.0.0.9', language: 'zpl', dpi: 203 },
        null,
        nameFor,
      ),
    ).toMatchObject({
      ok: false,
      field: 'name',
      message: msg('ui.printers.add.nameTooLong', { max: 80 }),
    });
  });
});

describe('groupDiscovered', () => {
  it('groups by where the printer was found, ones to add first, then by name', () => {
    const groups = groupDiscovered({
      printers: [
        found({ name: 'Zebra B', address: 'usb://b', added: true }),
        found({ name: 'Office', transport: 'cups', language: 'pdf', address: 'ipp://q' }),
        found({ name: 'Zebra C', address: 'usb://c', problem: msg('error.internal') }),
        found({ name: 'Zebra A', address: 'usb://a' }),
        found({ name: 'Zebra D', address: 'usb://d' }),
      ],
      notes: [],
    });
    expect(groups.map((g) => g.transport)).toEqual(['usb', 'cups']);
    expect(groups[0]?.printers.map((p) => p.name)).toEqual([
      'Zebra A',
      'Zebra D',
      'Zebra C',
      'Zebra B',
    ]);
    expect(groups.map((g) => g.title.key)).toEqual([
      'ui.printers.found.usb',
      'ui.printers.found.cups',
    ]);
  });

  it('has no groups when nothing was found', () => {
    expect(groupDiscovered({ printers: [], notes: [msg('error.internal')] })).toEqual([]);
  });

  it('adds a found printer in its own language, with the dpi chosen, paper only for PDF', () => {
    expect(discoveredInput(found(), { dpi: 300, paper: 'A4' })).toEqual({
      name: 'Zebra ZD421',
      transport: 'usb',
      address: 'usb://0a5f:0166/D4J1234',
      language: 'zpl',
      dpi: 300,
      paper: 'A6',
      position: 0,
    });
    expect(
      discoveredInput(found({ language: 'pdf', transport: 'cups' }), { dpi: 600, paper: 'A4' }),
    ).toMatchObject({ language: 'pdf', transport: 'cups', paper: 'A4', dpi: 600 });
  });
});

describe('testPrintOutcome', () => {
  it('says printed, or passes on what to check', () => {
    expect(testPrintOutcome({ printerId: 'a', status: status(), warning: null })).toEqual({
      tone: 'printed',
      text: msg('ui.printers.test.square'),
    });
    const warning = msg('error.invalidInput', { detail: '300 dpi' });
    expect(testPrintOutcome({ printerId: 'a', status: status(), warning })).toEqual({
      tone: 'warning',
      text: warning,
    });
  });
});

describe('printWarning', () => {
  const dpiWarning = msg('error.invalidInput', { detail: 'made for 203 dpi' });
  const entry = (overrides: Partial<ScanEntry>): ScanEntry => ({
    id: 'scan-1',
    code: 'ORD-1',
    state: 'printed',
    step: msg('scan.step.printed'),
    orderNumber: 'ORD-1',
    trackingNumber: 'TT1',
    carrier: 'dhl',
    shippingOption: null,
    error: null,
    startedAt: checkedAt,
    finishedAt: checkedAt,
    reprint: false,
    jobId: 'job-1',
    waitingReason: null,
    warning: dpiWarning,
    ...overrides,
  });

  it('is the warning of the printed scan the panel follows, newest from the list', () => {
    const older = entry({ warning: null, state: 'working' });
    const current = { kind: 'entry' as const, token: 1, id: 'scan-1', entry: older };
    expect(printWarning(current, [entry({})])).toEqual(dpiWarning);
  });

  it('is null before printing, for other scans, and with nothing followed', () => {
    const queued = entry({ state: 'queued' });
    expect(
      printWarning({ kind: 'entry', token: 1, id: 'scan-1', entry: queued }, [queued]),
    ).toBeNull();
    expect(printWarning({ kind: 'pending', token: 1, code: 'ORD-1' }, [entry({})])).toBeNull();
    expect(printWarning(null, [entry({})])).toBeNull();
  });
});

describe('builtInPrinter', () => {
  it('is the fixed ZPL printer', () => {
    const built = printer('virtual', { fixed: true });
    expect(builtInPrinter(setup([printer('a'), built]))?.id).toBe('virtual');
    expect(builtInPrinter(setup([printer('a')]))).toBeNull();
    expect(builtInPrinter(null)).toBeNull();
  });
});

describe('isTypeaheadKey', () => {
  it('is a printable key that would pick an option, not a key that opens or moves', () => {
    expect(isTypeaheadKey('P', false)).toBe(true);
    expect(isTypeaheadKey('4', false)).toBe(true);
    expect(isTypeaheadKey(' ', false)).toBe(false);
    expect(isTypeaheadKey('ArrowDown', false)).toBe(false);
    expect(isTypeaheadKey('Enter', false)).toBe(false);
    expect(isTypeaheadKey('c', true)).toBe(false);
  });
});
