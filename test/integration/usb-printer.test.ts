import { describe, expect, it } from 'vitest';
import { msg } from '../../src-shared';
import { PrinterError } from '../../src-main/printing/printer';
import { createUsbPrinter, discoverUsbPrinters, libusb } from '../../src-main/printing/usb';
import { FakeUsb } from '../helpers/fake-usb';

const zebra = 'usb://0a5f:0181';

/** A job with a recognisable pattern, so a lost, repeated or reordered chunk shows. */
function job(bytes: number, seed: number): Buffer {
  const body = Buffer.alloc(bytes);
  for (let i = 0; i < bytes; i += 1) body[i] = (i * 31 + seed) % 251;
  return Buffer.concat([Buffer.from('^XA^FO50,50^GFA,'), body, Buffer.from('^XZ')]);
}

async function failure(promise: Promise<unknown>): Promise<PrinterError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof PrinterError))
    throw new Error(`expected a PrinterError, got ${String(error)}`);
  return error;
}

describe('discovering USB printers', () => {
  it('lists printer-class devices only and flags the Zebras', async () => {
    const usb = new FakeUsb();
    usb.connect();
    const scanner = usb.connect({
      vendorId: 0x05e0,
      productId: 0x1200,
      interfaceClass: 3,
      manufacturer: 'Symbol',
      product: 'Barcode scanner',
    });
    usb.connect({
      vendorId: 0x04b8,
      productId: 0x0202,
      manufacturer: 'EPSON',
      product: 'TM-T88V',
      serial: null,
    });
    usb.connect({
      vendorId: 0x1203,
      productId: 0x0230,
      manufacturer: 'TSC',
      product: 'ZDesigner emulation',
      serial: 'T1',
    });

    const found = await discoverUsbPrinters({ usb });

    expect(found).toEqual([
      {
        id: 'usb://0a5f:0181/D2J204101234',
        vendorId: 0x0a5f,
        productId: 0x0181,
        manufacturer: 'Zebra Technologies',
        product: 'ZTC ZD421-203dpi ZPL',
        serial: 'D2J204101234',
        zpl: true,
        problem: null,
      },
      {
        id: 'usb://04b8:0202',
        vendorId: 0x04b8,
        productId: 0x0202,
        manufacturer: 'EPSON',
        product: 'TM-T88V',
        serial: null,
        zpl: false,
        problem: null,
      },
      expect.objectContaining({ id: 'usb://1203:0230/T1', zpl: true }),
    ]);
    // Discovery opens printers only; a scanner is not touched.
    expect(scanner.opens).toBe(0);
  });

  it('lists a printer it may not open, with the reason instead of a failure', async () => {
    const usb = new FakeUsb();
    usb.connect().faults.openError = libusb.ERROR_ACCESS;
    usb.connect({ productId: 0x0120, serial: 'B' }).faults.openError = libusb.ERROR_BUSY;

    const found = await discoverUsbPrinters({ usb, platform: 'linux' });

    expect(found).toHaveLength(2);
    const [denied, busy] = found;
    expect(denied).toMatchObject({ id: zebra, zpl: true, manufacturer: null, serial: null });
    // The Linux fix names the device's ids, for the udev rule the message spells out.
    expect(denied?.problem).toEqual(
      msg('printer.usb.noAccessLinux', {
        printer: zebra,
        ids: '0a5f:0181',
        vendor: '0a5f',
        product: '0181',
      }),
    );
    expect(busy?.problem).toEqual(msg('printer.usb.busy', { printer: 'usb://0a5f:0120' }));
  });

  it('moves on from devices whose strings fail or never come', { timeout: 5000 }, async () => {
    const usb = new FakeUsb();
    usb.connect().faults.strings = 'fail';
    usb.connect({ productId: 0x0120 }).faults.strings = 'hang';
    usb.connect({ productId: 0x0130 }).faults.strings = 'timeout';

    const found = await discoverUsbPrinters({ usb, stringTimeoutMs: 20 });

    expect(found.map((printer) => [printer.id, printer.product, printer.zpl])).toEqual([
      ['usb://0a5f:0181', null, true],
      ['usb://0a5f:0120', null, true],
      ['usb://0a5f:0130', null, true],
    ]);
  });
});

describe('writing jobs to the bulk OUT endpoint', () => {
  it('delivers a 200 KB job whole and in order, in chunks of at most 16 KiB', async () => {
    const usb = new FakeUsb();
    const device = usb.connect();
    const printer = createUsbPrinter({ address: zebra, usb });
    const label = job(200_000, 1);

    await printer.send(label);

    expect(device.received.equals(label)).toBe(true);
    expect(device.outTransfers.length).toBe(Math.ceil(label.length / 16_384));
    expect(Math.max(...device.outTransfers.map((chunk) => chunk.length))).toBe(16_384);
    expect(printer).toMatchObject({ transport: 'usb', language: 'zpl', address: zebra });
    await printer.close();
  });

  it('keeps concurrent jobs whole and in call order', async () => {
    const usb = new FakeUsb();
    const device = usb.connect();
    const printer = createUsbPrinter({ address: zebra, usb });
    const jobs = [job(100_000, 1), job(90_000, 2), job(5, 3)];

    await Promise.all(jobs.map((bytes) => printer.send(bytes)));

    expect(device.received.equals(Buffer.concat(jobs))).toBe(true);
    // Opened once and kept for every job.
    expect(device.opens).toBe(1);
    await printer.close();
  });

  it('sends a status query only between jobs', async () => {
    const usb = new FakeUsb();
    const device = usb.connect();
    const printer = createUsbPrinter({ address: zebra, usb });
    const label = job(150_000, 4);

    const [, status] = await Promise.all([printer.send(label), printer.status()]);

    expect(status.message).toEqual(msg('printer.ready'));
    expect(device.received.subarray(0, label.length).equals(label)).toBe(true);
    expect(device.received.subarray(label.length).toString('latin1')).toBe('~HI~HS');
    await printer.close();
  });

  it('writes to the printer with the configured serial when two are plugged in', async () => {
    const usb = new FakeUsb();
    const first = usb.connect({ serial: 'AAA111' });
    const second = usb.connect({ serial: 'BBB222' });
    const printer = createUsbPrinter({ address: `${zebra}/BBB222`, usb });

    await printer.send(Buffer.from('^XA^XZ'));

    expect(second.received.toString()).toBe('^XA^XZ');
    expect(first.received.length).toBe(0);
    // The other printer was opened to read its serial, and closed again.
    expect(first.isOpen).toBe(false);
    await printer.close();
  });
});

describe('status over the bulk IN endpoint', () => {
  it('reads a ready printer and its resolution', async () => {
    const usb = new FakeUsb();
    usb.connect();
    const printer = createUsbPrinter({ address: zebra, usb });

    expect(await printer.status()).toEqual({
      reachable: true,
      faults: [],
      pending: 0,
      dpi: 203,
      source: 'printer',
      message: msg('printer.ready'),
    });
    await printer.close();
  });

  it('reports paper out, then the head open, asking ~HI only once', async () => {
    const usb = new FakeUsb();
    const device = usb.connect({ state: { dpi: 300, paperOut: true } });
    const printer = createUsbPrinter({ address: zebra, usb });

    expect(await printer.status()).toMatchObject({
      reachable: true,
      faults: ['paper-out'],
      dpi: 300,
      message: msg('printer.faults', { faults: [msg('printer.fault.paper-out')] }),
    });
    device.state.paperOut = false;
    device.state.headOpen = true;
    device.state.formatsInBuffer = 2;
    expect(await printer.status()).toMatchObject({
      reachable: true,
      faults: ['head-open'],
      pending: 2,
      dpi: 300,
      message: msg('printer.faults', { faults: [msg('printer.fault.head-open')] }),
    });
    expect(device.received.toString('latin1')).toBe('~HI~HS~HS');
    await printer.close();
  });

  it('says a printer without an IN endpoint is connected but silent', async () => {
    const usb = new FakeUsb();
    const device = usb.connect({ statusEndpoint: false });
    const printer = createUsbPrinter({ address: zebra, usb });

    expect(await printer.status()).toEqual({
      reachable: true,
      faults: [],
      pending: null,
      dpi: null,
      source: 'none',
      message: msg('printer.status.connectedNoStatus'),
    });
    expect(device.received.length).toBe(0);
    await printer.close();
  });

  it('resolves as unreachable when the printer does not answer', async () => {
    const usb = new FakeUsb();
    usb.connect().faults.silent = true;
    const printer = createUsbPrinter({ address: zebra, usb, statusTimeoutMs: 30 });

    const status = await printer.status();

    expect(status).toMatchObject({ reachable: false, source: 'printer', faults: [] });
    expect(status.message).toEqual(
      msg('printer.status.unreachable', {
        reason: msg('printer.usb.noAnswer', { printer: '0a5f:0181', command: '~HS' }),
      }),
    );
    await printer.close();
  });

  it('does not take a late answer for the next one', async () => {
    const usb = new FakeUsb();
    const device = usb.connect({ state: { paperOut: true } });
    device.faults.holdAnswers = true;
    const printer = createUsbPrinter({ address: zebra, usb, statusTimeoutMs: 30 });
    expect((await printer.status()).reachable).toBe(false);

    // The answers to the first ~HI and ~HS arrive now, after the station stopped waiting.
    device.faults.holdAnswers = false;
    device.state.paperOut = false;

    expect(await printer.status()).toMatchObject({
      reachable: true,
      message: msg('printer.ready'),
    });
    await printer.close();
  });
});

describe('the kernel printer driver', () => {
  it('is detached before claiming and re-attached on close (Linux usblp)', async () => {
    const usb = new FakeUsb();
    const device = usb.connect({ kernelDriverActive: true, platform: 'linux' });
    const printer = createUsbPrinter({ address: zebra, usb });

    await printer.send(Buffer.from('^XA^XZ'));
    expect(device.kernelDriverLog).toEqual(['detach']);
    expect(device.claimed).toBe(true);

    await printer.close();
    expect(device.kernelDriverLog).toEqual(['detach', 'attach']);
    expect(device.kernelDriverActive).toBe(true);
    expect(device.claimed).toBe(false);
    expect(device.isOpen).toBe(false);
  });

  it('is left alone where libusb cannot query it (Windows, macOS)', async () => {
    const usb = new FakeUsb();
    const device = usb.connect({ platform: 'win32' });
    const printer = createUsbPrinter({ address: zebra, usb });

    await printer.send(Buffer.from('^XA^XZ'));
    await printer.close();

    expect(device.received.toString()).toBe('^XA^XZ');
    expect(device.kernelDriverLog).toEqual([]);
  });
});

describe('errors a packer can act on', () => {
  it('names an unplugged printer as not connected', async () => {
    const usb = new FakeUsb();
    const printer = createUsbPrinter({ address: zebra, usb, name: 'Zebra at desk 2' });

    const error = await failure(printer.send(Buffer.from('^XA^XZ')));

    expect(error.code).toBe('printer-offline');
    const notConnected = msg('printer.usb.notConnected', { printer: 'Zebra at desk 2' });
    expect(error.said).toEqual(notConnected);
    expect(await printer.status()).toMatchObject({
      reachable: false,
      message: msg('printer.status.unreachable', { reason: notConnected }),
    });
  });

  it('explains a missing permission with the fix for each OS', async () => {
    const usb = new FakeUsb();
    usb.connect().faults.openError = libusb.ERROR_ACCESS;
    const message = async (platform: NodeJS.Platform) => {
      const error = await failure(
        createUsbPrinter({ address: zebra, usb, platform }).send(Buffer.from('^XA^XZ')),
      );
      expect(error.code).toBe('printer-offline');
      return error.said;
    };

    const ids = '0a5f:0181';
    expect(await message('linux')).toEqual(
      msg('printer.usb.noAccessLinux', { printer: ids, ids, vendor: '0a5f', product: '0181' }),
    );
    expect(await message('win32')).toEqual(
      msg('printer.usb.noAccessWindows', { printer: ids, ids }),
    );
    expect(await message('darwin')).toEqual(msg('printer.usb.noAccessMac', { printer: ids, ids }));
  });

  it('says another driver holds the device when the claim is refused', async () => {
    const usb = new FakeUsb();
    const device = usb.connect();
    device.faults.claimError = libusb.ERROR_BUSY;
    const printer = createUsbPrinter({ address: zebra, usb });

    const error = await failure(printer.send(Buffer.from('^XA^XZ')));

    expect(error.code).toBe('printer-offline');
    expect(error.said).toEqual(msg('printer.usb.busy', { printer: '0a5f:0181' }));
    expect(device.isOpen).toBe(false);
  });

  it('says another driver holds the device when usblp cannot be detached', async () => {
    const usb = new FakeUsb();
    const device = usb.connect({ kernelDriverActive: true });
    device.faults.detachError = libusb.ERROR_BUSY;
    const printer = createUsbPrinter({ address: zebra, usb });

    const error = await failure(printer.send(Buffer.from('^XA^XZ')));

    expect(error.code).toBe('printer-offline');
    expect(error.said).toEqual(msg('printer.usb.busy', { printer: '0a5f:0181' }));
    expect(device.kernelDriverActive).toBe(true);
    expect(device.isOpen).toBe(false);
  });

  it('fails a job the printer stops taking as printer-error', async () => {
    const usb = new FakeUsb();
    usb.connect().faults.stallWrites = true;
    const printer = createUsbPrinter({ address: zebra, usb, writeTimeoutMs: 30 });

    const error = await failure(printer.send(Buffer.from('^XA^XZ')));

    expect(error.code).toBe('printer-error');
    expect(error.said).toEqual(msg('printer.usb.stoppedTaking', { printer: '0a5f:0181' }));
    await printer.close();
  });

  it('reports an unplug mid-job, then prints again once the printer is replugged', async () => {
    const usb = new FakeUsb();
    const device = usb.connect({ kernelDriverActive: true });
    device.faults.unplugAfterTransfers = 3;
    const printer = createUsbPrinter({ address: zebra, usb, name: 'Zebra at desk 2' });

    const error = await failure(printer.send(job(200_000, 5)));

    expect(error.code).toBe('printer-offline');
    expect(error.said).toEqual(msg('printer.usb.unpluggedMidJob', { printer: 'Zebra at desk 2' }));
    expect(device.outTransfers).toHaveLength(3);
    expect((await printer.status()).reachable).toBe(false);

    usb.plug(device);
    const next = job(40_000, 6);
    await printer.send(next);

    expect(device.received.subarray(-next.length).equals(next)).toBe(true);
    expect(device.opens).toBe(2);
    expect(device.kernelDriverLog).toEqual(['detach', 'detach']);
    await printer.close();
  });

  it('prints to a printer replugged between jobs without a failed attempt', async () => {
    const usb = new FakeUsb();
    const device = usb.connect();
    const printer = createUsbPrinter({ address: zebra, usb });
    await printer.send(Buffer.from('^XA^FDone^XZ'));

    usb.unplug(device);
    usb.plug(device);
    await printer.send(Buffer.from('^XA^FDtwo^XZ'));
    expect((await printer.status()).message).toEqual(msg('printer.ready'));

    expect(device.received.toString('latin1')).toBe('^XA^FDone^XZ^XA^FDtwo^XZ~HI~HS');
    expect(device.opens).toBe(2);
    await printer.close();
  });
});
