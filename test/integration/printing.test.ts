// Issue #5 through the whole station: the right bytes reach the printer at its own resolution,
// the barcode on what it would print scans as the tracking number, and a printer fault makes a
// label wait — and print exactly once after the fix.
import { afterEach, describe, expect, it } from 'vitest';
import { msg, type ScanEntry } from '../../src-shared';
import { renderZplToPng } from '../../src-main/zpl-render';
import { startVirtualPrinter, type VirtualPrinter } from '../../src-main/printing/virtual-printer';
import { startSimulator, type Simulator, type SimOrder } from '../../src-main/simulator/index';
import { createStation, type Station } from '../../src-main/station';
import { findShipmentByTracking } from '../../src-main/store/shipments';
import { decodeBarcodes, findBarcodes, type FoundBarcode } from '../helpers/barcode';
import { nextEvent } from '../helpers/outbox';
import { tempDir } from '../helpers/tmp';

interface Rig {
  station: Station;
  dataDir: string;
  /** Stop the station as a crash would leave it, and start it again on the same data. */
  restart(): Promise<void>;
  simulator: Simulator;
  printer: VirtualPrinter;
  scans: ScanEntry[];
  order(pdfOnly: boolean, index?: number): SimOrder;
  scan(code: string): Promise<ScanEntry>;
  /** Resolve with the scan's entry once it reaches `state`. */
  settled(id: string, state: ScanEntry['state']): Promise<ScanEntry>;
}

const open: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of open.splice(0).reverse()) await close();
});

/**
 * The real station on a real SQLite file, the simulator over HTTP and a virtual Zebra on TCP.
 * `env: false` leaves the label printer to the station (its own virtual printer, or one a test
 * adds on the Printers screen) instead of PACKDESK_PRINTER.
 */
async function startRig(options: { dpi?: 203 | 300; env?: boolean } = {}): Promise<Rig> {
  const data = tempDir();
  const simulator = await startSimulator({ orderCount: 30 });
  const printer = await startVirtualPrinter({ dpi: options.dpi ?? 203 });
  const scans: ScanEntry[] = [];
  const start = async () => {
    const started = await createStation({
      printerPollMs: 100,
      settings: {
        dataDir: data.dir,
        sendcloud: { url: simulator.url, ...simulator.keys },
        integrationId: null,
        sendcloudTimeoutMs: 30_000,
        printer: options.env === false ? null : { host: printer.host, port: printer.port },
      },
    });
    started.subscribe((event, payload) => {
      if (event === 'scan.updated') scans.push(payload as ScanEntry);
    });
    await started.handlers['orders.sync']({});
    // The printer's own answer (its dpi, its faults) is known before the first scan.
    await started.handlers['printers.refresh']({});
    return started;
  };
  let station = await start();
  open.push(async () => {
    await station.close();
    await printer.close();
    await simulator.close();
    data.cleanup();
  });
  return {
    get station() {
      return station;
    },
    dataDir: data.dir,
    async restart() {
      await station.close();
      station = await start();
    },
    simulator,
    printer,
    scans,
    order(pdfOnly, index = 0) {
      const found = simulator
        .orders()
        .filter((order) => order.shipping_option_code.startsWith('colissimo:') === pdfOnly)[index];
      if (!found) throw new Error(`no ${pdfOnly ? 'PDF-only' : 'ZPL'} carrier order`);
      return found;
    },
    scan: (code) => station.handlers['scan.submit']({ code }),
    settled(id, state) {
      const seen = scans.find((entry) => entry.id === id && entry.state === state);
      if (seen) return Promise.resolve(seen);
      return nextEvent(
        station,
        'scan.updated',
        (entry) => entry.id === id && entry.state === state,
        `scan ${id} ${state}`,
      );
    },
  };
}

async function barcodesOn(printer: VirtualPrinter, index: number): Promise<string[]> {
  const job = printer.jobs[index];
  if (!job) throw new Error(`no job ${index} at the printer`);
  return decodeBarcodes(await printer.render(job));
}

describe('printing through the station', () => {
  it('sends a carrier’s native 203 dpi ZPL untouched, and its barcode scans', async () => {
    const rig = await startRig();
    const order = rig.order(false);
    const entry = await rig.scan(order.order_number);
    expect(entry.state).toBe('printed');
    expect(entry.warning).toBeNull();
    const label = rig.simulator.ledger.find((e) => e.orderNumber === order.order_number);
    expect(label?.format).toBe('zpl');
    expect(rig.printer.jobs[0]?.bytes.equals(label!.bytes)).toBe(true);
    expect(await barcodesOn(rig.printer, 0)).toContain(entry.trackingNumber);
  });

  it('rasterises a PDF-only carrier’s label at 203 dpi into a Z64 graphic that scans', async () => {
    const rig = await startRig();
    const order = rig.order(true);
    const entry = await rig.scan(order.order_number);
    expect(entry.state).toBe('printed');
    const label = rig.simulator.ledger.find((e) => e.orderNumber === order.order_number);
    expect(label?.format).toBe('pdf');
    const zpl = rig.printer.jobs[0]?.bytes.toString('latin1') ?? '';
    expect(zpl).toMatch(/\^GFA,\d+,\d+,\d+,:Z64:/);
    expect(zpl).toContain('^PW812');
    expect(await barcodesOn(rig.printer, 0)).toContain(entry.trackingNumber);
  });

  it('asks for PDF for a printer that reports 300 dpi and prints it at 300 dpi, full size', async () => {
    const rig = await startRig({ dpi: 300 });
    const setup = await rig.station.handlers['printers.list']({});
    expect(setup.printers[0]?.status.dpi).toBe(300);
    const order = rig.order(false);
    const entry = await rig.scan(order.order_number);
    expect(entry.state).toBe('printed');
    const label = rig.simulator.ledger.find((e) => e.orderNumber === order.order_number);
    // A native 203 dpi label would print at two-thirds size: the station asked for the PDF.
    expect(label?.format).toBe('pdf');
    const zpl = rig.printer.jobs[0]?.bytes.toString('latin1') ?? '';
    expect(zpl).toContain('^PW1200');
    expect(await barcodesOn(rig.printer, 0)).toContain(entry.trackingNumber);
  });

  it('warns and re-renders a stored 203 dpi label reprinted on a 300 dpi printer', async () => {
    const rig = await startRig({ env: false });
    // A live station without PACKDESK_PRINTER prints where the Printers screen says.
    const none = await rig.scan(rig.order(false, 1).order_number);
    expect(none).toMatchObject({
      state: 'queued',
      waitingReason: msg('job.noPrinter'),
    });
    await rig.station.handlers['printers.add']({
      name: 'Zebra 203',
      transport: 'tcp',
      address: `127.0.0.1:${rig.printer.port}`,
      language: 'zpl',
      dpi: 203,
      paper: 'A6',
      position: 0,
    });
    // Adding it wakes the labels that waited for a printer, in scan order.
    await rig.settled(none.id, 'printed');
    const scanned = await rig.scan(rig.order(false).order_number);
    const first = await rig.settled(scanned.id, 'printed');
    const shipment = findShipmentByTracking(rig.station.db, first.trackingNumber ?? '');
    expect(shipment).toMatchObject({ labelFormat: 'zpl', labelDpi: 203 });

    // The packing table gets a 300 dpi Zebra; labels now go there.
    const zebra300 = await startVirtualPrinter({ dpi: 300 });
    open.push(() => zebra300.close());
    const setup = await rig.station.handlers['printers.add']({
      name: 'Zebra 300',
      transport: 'tcp',
      address: `127.0.0.1:${zebra300.port}`,
      language: 'zpl',
      dpi: 300,
      paper: 'A6',
      position: 0,
    });
    const added = setup.printers.find((p) => p.name === 'Zebra 300');
    await rig.station.handlers['printers.route']({ document: 'zpl-label', printerId: added!.id });

    const reprint = await rig.scan(first.trackingNumber ?? '');
    expect(reprint).toMatchObject({ state: 'printed', reprint: true });
    expect(reprint.warning).toEqual(
      msg('printer.warning.dpiMismatch', { labelDpi: 203, printerDpi: 300 }),
    );
    const zpl = zebra300.jobs[0]?.bytes.toString('latin1') ?? '';
    expect(zpl).toContain('^PW1200');
    const rescaled = await findBarcodes(await zebra300.render(zebra300.jobs[0]!));
    expect(rescaled.map((found) => found.text)).toContain(first.trackingNumber);
    // Never two-thirds size: the barcode measures the same in inches as printed natively.
    const native = await findBarcodes(await renderZplToPng(shipment!.label!, 203));
    const inches = (found: FoundBarcode[], dpi: number) => {
      const symbol = found.find((f) => f.text === first.trackingNumber);
      if (!symbol) throw new Error('barcode not found');
      return (symbol.right - symbol.left) / dpi;
    };
    expect(inches(rescaled, 300) / inches(native, 203)).toBeCloseTo(1, 1);
  });

  it('holds a label while the printer is out of paper, then prints it once', async () => {
    const rig = await startRig();
    rig.printer.setFaults(['paper-out']);
    await rig.station.handlers['printers.refresh']({});
    const entry = await rig.scan(rig.order(false).order_number);
    expect(entry.state).toBe('queued');
    // Nothing was sent: the reason says the fault, on which printer, before the label went.
    expect(entry.waitingReason).toMatchObject({
      key: 'job.waiting.printer',
      params: {
        problem: {
          key: 'printer.faultBeforeSending',
          params: { faults: msg('printer.faults', { faults: [msg('printer.fault.paper-out')] }) },
        },
      },
    });
    expect(rig.printer.jobs).toHaveLength(0);

    const printed = rig.settled(entry.id, 'printed');
    rig.printer.setFaults([]);
    await printed;
    expect(rig.printer.jobs).toHaveLength(1);
    expect(rig.printer.printed).toHaveLength(1);
  });

  it('does not send a label again that the printer took just before its head was opened', async () => {
    const rig = await startRig();
    // The head opens the moment the label arrives: the status after the job reports it.
    void rig.printer.waitForJobs(1).then(() => rig.printer.setFaults(['head-open']));
    const entry = await rig.scan(rig.order(false).order_number);
    const waiting = entry.state === 'queued' ? entry : await rig.settled(entry.id, 'queued');
    expect(waiting.waitingReason).toMatchObject({
      key: 'job.waiting.printer',
      params: {
        problem: {
          key: 'printer.faultAfterTaking',
          params: { faults: msg('printer.faults', { faults: [msg('printer.fault.head-open')] }) },
        },
      },
    });

    const printed = rig.settled(entry.id, 'printed');
    rig.printer.setFaults([]);
    await printed;
    expect(rig.printer.jobs).toHaveLength(1);
  });

  it('keeps a label waiting, not failed, while no printer answers', async () => {
    const rig = await startRig();
    await rig.printer.close();
    await rig.station.handlers['printers.refresh']({});
    const setup = await rig.station.handlers['printers.list']({});
    expect(setup.printers[0]?.status.reachable).toBe(false);
    const entry = await rig.scan(rig.order(false).order_number);
    expect(entry.state).toBe('queued');
    expect(entry.waitingReason).toMatchObject({
      key: 'job.waiting.printer',
      params: { problem: { key: 'printer.notReachable' } },
    });
  });

  it('prints a test page at the printer’s own resolution, with a barcode that scans', async () => {
    const rig = await startRig({ dpi: 300 });
    const result = await rig.station.handlers['printers.test']({ id: 'env' });
    expect(result.status.faults).toEqual([]);
    expect(result.warning).toBeNull();
    const zpl = rig.printer.jobs[0]?.bytes.toString('latin1') ?? '';
    expect(zpl).toContain('^PW1200');
    expect(await barcodesOn(rig.printer, 0)).toEqual(['PACKDESK-TEST']);

    rig.printer.setFaults(['ribbon-out']);
    await expect(rig.station.handlers['printers.test']({ id: 'env' })).rejects.toMatchObject({
      code: 'printer-fault',
    });
    expect(rig.printer.jobs).toHaveLength(1);
  });

  it('confirms after a restart a label the printer took, instead of sending it again', async () => {
    const rig = await startRig();
    void rig.printer.waitForJobs(1).then(() => rig.printer.setFaults(['paper-out']));
    const entry = await rig.scan(rig.order(false).order_number);
    const waiting = entry.state === 'queued' ? entry : await rig.settled(entry.id, 'queued');
    expect(waiting.waitingReason).toMatchObject({
      key: 'job.waiting.printer',
      params: { problem: { key: 'printer.faultAfterTaking' } },
    });

    await rig.restart();
    const printed = rig.settled(entry.id, 'printed');
    rig.printer.setFaults([]);
    await printed;
    expect(rig.printer.jobs).toHaveLength(1);
    expect(rig.printer.printed).toHaveLength(1);
  });

  it('previews a stored PDF label with pdfjs and a ZPL label with the ZPL renderer', async () => {
    const rig = await startRig();
    const pdf = await rig.scan(rig.order(true).order_number);
    const zpl = await rig.scan(rig.order(false).order_number);
    for (const [entry, format] of [
      [pdf, 'pdf'],
      [zpl, 'zpl'],
    ] as const) {
      const preview = await rig.station.handlers['label.preview']({
        trackingNumber: entry.trackingNumber ?? '',
      });
      expect(preview.format).toBe(format);
      const png = Buffer.from(preview.pngBase64, 'base64');
      expect(await decodeBarcodes(png)).toContain(entry.trackingNumber);
    }
  });
});
