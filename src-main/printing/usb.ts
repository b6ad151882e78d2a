// USB label printers through libusb (the `usb` package): find printer-class devices, claim the
// printer interface, write jobs to its bulk OUT endpoint and read ZPL status from bulk IN.
import { msg, type Message } from '../../src-shared';
import { AppError } from '../errors';
import { createLogger } from '../log';
import { PrinterError, type Printer, type PrinterStatus } from './printer';
import { queryZplIdentity, queryZplStatus, type ZplExchange } from './zpl-status';

/**
 * libusb's numbers, fixed by its ABI. Kept here so an error can be classified without loading
 * the native module. Calls return `LIBUSB_ERROR_*` (negative); completed transfers report
 * `LIBUSB_TRANSFER_*` statuses (positive) in the exception's `errno`.
 */
export const libusb = {
  ERROR_IO: -1,
  ERROR_ACCESS: -3,
  ERROR_NO_DEVICE: -4,
  ERROR_NOT_FOUND: -5,
  ERROR_BUSY: -6,
  ERROR_TIMEOUT: -7,
  ERROR_PIPE: -9,
  ERROR_NOT_SUPPORTED: -12,
  TRANSFER_ERROR: 1,
  TRANSFER_TIMED_OUT: 2,
  TRANSFER_CANCELLED: 3,
  TRANSFER_STALL: 4,
  TRANSFER_NO_DEVICE: 5,
  CLASS_PRINTER: 7,
  TRANSFER_TYPE_BULK: 2,
} as const;

/** node-usb's `LibUSBException`: the message is libusb's error name, `errno` its number. */
export interface UsbException extends Error {
  errno: number;
}

/**
 * What this module uses of an endpoint; `transfer` differs by direction (see the guards).
 * Callbacks get a UsbException, or a plain Error when the handle was not open.
 */
export interface UsbEndpoint {
  direction: 'in' | 'out';
  transferType: number;
  /** Transfer timeout in ms; 0 waits forever. */
  timeout: number;
}

export interface UsbInEndpoint extends UsbEndpoint {
  transfer(length: number, callback: (error: Error | undefined, data?: Buffer) => void): unknown;
}

export interface UsbOutEndpoint extends UsbEndpoint {
  transfer(buffer: Buffer, callback?: (error: Error | undefined, actual: number) => void): unknown;
}

export interface UsbInterface {
  endpoints: UsbEndpoint[];
  claim(): void;
  release(callback?: (error?: UsbException) => void): void;
  isKernelDriverActive(): boolean;
  detachKernelDriver(): void;
  attachKernelDriver(): void;
}

export interface UsbInterfaceDescriptor {
  bInterfaceNumber: number;
  bInterfaceClass: number;
}

export interface UsbDevice {
  deviceDescriptor: {
    idVendor: number;
    idProduct: number;
    iManufacturer: number;
    iProduct: number;
    iSerialNumber: number;
  };
  /** Readable without opening the device, so a device we may not open still shows as a printer. */
  readonly configDescriptor: { interfaces: UsbInterfaceDescriptor[][] } | undefined;
  /** Timeout of control transfers (string descriptors), in ms. */
  timeout: number;
  open(): void;
  close(): void;
  interface(addr: number): UsbInterface;
  getStringDescriptor(index: number, callback: (error?: Error, value?: string) => void): void;
}

/** The part of `usb`'s `usb` export this module uses; tests pass a fake. */
export interface UsbModule {
  getDeviceList(): UsbDevice[];
}

const log = createLogger('usb-printer');

let loading: Promise<UsbModule> | undefined;

/**
 * The real `usb` module, loaded on first use so a computer whose libusb cannot load still
 * starts the station (it just has no USB printing).
 */
export function loadUsb(): Promise<UsbModule> {
  loading ??= import('usb').then(
    (module): UsbModule => module.usb,
    (error: unknown) => {
      loading = undefined;
      throw new PrinterError(
        'printer-offline',
        msg('printer.usb.noLibrary', { detail: errorText(error) }),
        { cause: error },
      );
    },
  );
  return loading;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function errnoOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null || !('errno' in error)) return undefined;
  return typeof error.errno === 'number' ? error.errno : undefined;
}

type UsbFailure = 'access' | 'busy' | 'driver' | 'gone' | 'timeout' | 'stall' | 'other';

function classify(error: unknown): UsbFailure {
  switch (errnoOf(error)) {
    case libusb.ERROR_ACCESS:
      return 'access';
    case libusb.ERROR_BUSY:
      return 'busy';
    case libusb.ERROR_NOT_SUPPORTED:
      return 'driver';
    case libusb.ERROR_NO_DEVICE:
    case libusb.ERROR_IO:
    case libusb.TRANSFER_NO_DEVICE:
    case libusb.TRANSFER_ERROR:
      return 'gone';
    case libusb.ERROR_TIMEOUT:
    case libusb.TRANSFER_TIMED_OUT:
      return 'timeout';
    case libusb.ERROR_PIPE:
    case libusb.TRANSFER_STALL:
      return 'stall';
    default:
      return 'other';
  }
}

const hex4 = (value: number) => value.toString(16).padStart(4, '0');

/** `usb://0a5f:0181` or `usb://0a5f:0181/<serial>`: how the station names a USB printer. */
export function usbAddress(vendorId: number, productId: number, serial?: string | null): string {
  const base = `usb://${hex4(vendorId)}:${hex4(productId)}`;
  return serial ? `${base}/${encodeURIComponent(serial)}` : base;
}

export function parseUsbAddress(address: string): {
  vendorId: number;
  productId: number;
  serial: string | null;
} {
  const match = /^usb:\/\/([0-9a-f]{4}):([0-9a-f]{4})(?:\/([^/]+))?\/?$/i.exec(address.trim());
  if (!match?.[1] || !match[2]) {
    throw new AppError('invalid-input', msg('printer.address.notUsb', { address }), {
      log: `"${address}" is not a USB printer address.`,
    });
  }
  return {
    vendorId: Number.parseInt(match[1], 16),
    productId: Number.parseInt(match[2], 16),
    serial: match[3] ? decodeURIComponent(match[3]) : null,
  };
}

/** The number of the device's printer-class interface, or null when it has none. */
function printerInterfaceNumber(device: UsbDevice): number | null {
  let config: UsbDevice['configDescriptor'];
  try {
    config = device.configDescriptor;
  } catch (error) {
    log.debug('config descriptor unreadable', { error: errorText(error) });
    return null;
  }
  for (const alternates of config?.interfaces ?? []) {
    const printer = alternates.find((alt) => alt.bInterfaceClass === libusb.CLASS_PRINTER);
    if (printer) return printer.bInterfaceNumber;
  }
  return null;
}

/**
 * Read a string descriptor, or null. libusb ends the control transfer after `device.timeout`;
 * the timer is a backstop so discovery never waits on a device that does not answer at all.
 */
function readString(device: UsbDevice, index: number, timeoutMs: number): Promise<string | null> {
  if (!index) return Promise.resolve(null);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), timeoutMs * 2);
    const done = (value: string | null) => {
      clearTimeout(timer);
      // Some printers pad their strings with NULs or spaces.
      resolve(value?.replace(/[\0\s]+$/, '').trim() || null);
    };
    try {
      device.timeout = timeoutMs;
      device.getStringDescriptor(index, (error, value) => done(error ? null : (value ?? null)));
    } catch {
      done(null);
    }
  });
}

/** What a packer can act on, shared by discovery (as `problem`) and the transport's errors. */
const problems = {
  notConnected: (printer: string) => msg('printer.usb.notConnected', { printer }),
  access: (printer: string, vendorId: number, productId: number, platform: NodeJS.Platform) => {
    const vendor = hex4(vendorId);
    const product = hex4(productId);
    const ids = `${vendor}:${product}`;
    if (platform === 'win32') return msg('printer.usb.noAccessWindows', { printer, ids });
    if (platform === 'darwin') return msg('printer.usb.noAccessMac', { printer, ids });
    return msg('printer.usb.noAccessLinux', { printer, ids, vendor, product });
  },
  busy: (printer: string) => msg('printer.usb.busy', { printer }),
  driver: (printer: string) => msg('printer.usb.driver', { printer }),
  other: (printer: string, error: unknown) =>
    msg('printer.usb.cannotOpen', { printer, detail: errorText(error) }),
};

function openProblem(
  error: unknown,
  who: string,
  vendorId: number,
  productId: number,
  platform: NodeJS.Platform,
): Message {
  switch (classify(error)) {
    case 'access':
      return problems.access(who, vendorId, productId, platform);
    case 'busy':
      return problems.busy(who);
    case 'driver':
      return problems.driver(who);
    case 'gone':
      return problems.notConnected(who);
    default:
      return problems.other(who, error);
  }
}

function listDevices(usb: UsbModule): UsbDevice[] {
  try {
    return usb.getDeviceList();
  } catch (error) {
    throw new PrinterError(
      'printer-offline',
      msg('printer.usb.cannotList', { detail: errorText(error) }),
      { cause: error },
    );
  }
}

export interface UsbPrinterInfo {
  /** `usb://vid:pid[/serial]`: pass it to `createUsbPrinter({ address })`. */
  id: string;
  vendorId: number;
  productId: number;
  manufacturer: string | null;
  product: string | null;
  serial: string | null;
  /** A Zebra, or a printer that calls itself one: it speaks ZPL and answers ~HS. */
  zpl: boolean;
  /** Why the station cannot use it (permissions, another driver), or null. */
  problem: Message | null;
}

export interface UsbDeps {
  usb?: UsbModule;
  platform?: NodeJS.Platform;
  /** How long one string descriptor may take before discovery moves on. */
  stringTimeoutMs?: number;
}

const zebraVendorId = 0x0a5f;

/** Every connected USB device with a printer-class interface. Never opens other devices. */
export async function discoverUsbPrinters(deps: UsbDeps = {}): Promise<UsbPrinterInfo[]> {
  const usb = deps.usb ?? (await loadUsb());
  const platform = deps.platform ?? process.platform;
  const stringTimeoutMs = deps.stringTimeoutMs ?? 500;
  const found: UsbPrinterInfo[] = [];
  for (const device of listDevices(usb)) {
    if (printerInterfaceNumber(device) === null) continue;
    const { idVendor, idProduct, iManufacturer, iProduct, iSerialNumber } = device.deviceDescriptor;
    const info: UsbPrinterInfo = {
      id: usbAddress(idVendor, idProduct),
      vendorId: idVendor,
      productId: idProduct,
      manufacturer: null,
      product: null,
      serial: null,
      zpl: idVendor === zebraVendorId,
      problem: null,
    };
    try {
      device.open();
    } catch (error) {
      info.problem = openProblem(error, info.id, idVendor, idProduct, platform);
      found.push(info);
      continue;
    }
    info.manufacturer = await readString(device, iManufacturer, stringTimeoutMs);
    info.product = await readString(device, iProduct, stringTimeoutMs);
    info.serial = await readString(device, iSerialNumber, stringTimeoutMs);
    try {
      device.close();
    } catch (error) {
      // A string read still pending keeps the handle; libusb ends it after its timeout.
      log.warn('could not close a USB device after discovery', { error: errorText(error) });
    }
    info.id = usbAddress(idVendor, idProduct, info.serial);
    info.zpl ||= /zebra|zdesigner/i.test(`${info.manufacturer ?? ''} ${info.product ?? ''}`);
    found.push(info);
  }
  return found;
}

export interface UsbPrinterOptions {
  /** `usb://vid:pid[/serial]`; or give the ids below. */
  address?: string;
  vendorId?: number;
  productId?: number;
  serial?: string;
  name?: string;
  usb?: UsbModule;
  platform?: NodeJS.Platform;
  language?: 'zpl';
  /** How long one chunk may take to be accepted before the job fails. */
  writeTimeoutMs?: number;
  /** How long the printer may take to answer a status query. */
  statusTimeoutMs?: number;
  /** Bytes per bulk transfer. */
  chunkBytes?: number;
}

function isBulkIn(endpoint: UsbEndpoint): endpoint is UsbInEndpoint {
  return (
    endpoint.direction === 'in' &&
    endpoint.transferType === libusb.TRANSFER_TYPE_BULK &&
    'transfer' in endpoint &&
    typeof endpoint.transfer === 'function'
  );
}

function isBulkOut(endpoint: UsbEndpoint): endpoint is UsbOutEndpoint {
  return (
    endpoint.direction === 'out' &&
    endpoint.transferType === libusb.TRANSFER_TYPE_BULK &&
    'transfer' in endpoint &&
    typeof endpoint.transfer === 'function'
  );
}

/** An open device with its printer interface claimed. */
interface Link {
  device: UsbDevice;
  iface: UsbInterface;
  out: UsbOutEndpoint;
  in: UsbInEndpoint | null;
  /** We took the interface from the kernel's usblp and give it back on release. */
  detachedKernelDriver: boolean;
  /** ~HI was asked on this link (answered or not), so it is not asked again. */
  identified: boolean;
  /** An exchange gave up waiting, so its answer may still arrive ahead of the next one's. */
  lateAnswer: boolean;
}

function transferOut(endpoint: UsbOutEndpoint, data: Buffer, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    endpoint.timeout = timeoutMs;
    try {
      endpoint.transfer(data, (error, actual) => (error ? reject(error) : resolve(actual)));
    } catch (error) {
      reject(error);
    }
  });
}

function transferIn(endpoint: UsbInEndpoint, length: number, timeoutMs: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    endpoint.timeout = timeoutMs;
    try {
      endpoint.transfer(length, (error, data) =>
        error ? reject(error) : resolve(data ?? Buffer.alloc(0)),
      );
    } catch (error) {
      reject(error);
    }
  });
}

/**
 * The device went away under a transfer. `written` counts the bytes of that write that had
 * gone out, so a caller knows whether repeating the operation could print something twice.
 */
class UsbGone extends PrinterError {
  constructor(
    message: Message,
    readonly written: number,
    cause: unknown,
  ) {
    super('printer-offline', message, { cause });
  }
}

/** A multiple of every bulk max packet size (64 full speed, 512 high speed), so reads never overflow. */
const readBytes = 4096;
/** A printer with an answer queued hands it over within a few ms of being asked. */
const drainMs = 50;

/**
 * A USB printer. The device is opened on first use and kept; a failure that means the device
 * went away drops it, so the next call opens it again and a replugged printer just works.
 */
export function createUsbPrinter(options: UsbPrinterOptions): Printer {
  const target = options.address
    ? parseUsbAddress(options.address)
    : {
        vendorId: options.vendorId ?? -1,
        productId: options.productId ?? -1,
        serial: options.serial ?? null,
      };
  if (target.vendorId < 0 || target.productId < 0) {
    throw new Error('A USB printer needs an address or a vendorId and productId.');
  }
  const { vendorId, productId, serial } = target;
  const address = usbAddress(vendorId, productId, serial);
  const who = options.name ?? address.slice('usb://'.length);
  const platform = options.platform ?? process.platform;
  const writeTimeoutMs = options.writeTimeoutMs ?? 10_000;
  const statusTimeoutMs = options.statusTimeoutMs ?? 2000;
  const chunkBytes = options.chunkBytes ?? 16 * 1024;

  let link: Link | null = null;
  let dpi: number | null = null;
  let queue: Promise<unknown> = Promise.resolve();

  /** One operation at a time, in call order: jobs and status queries share the endpoints. */
  const enqueue = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task);
    queue = run.catch(() => undefined);
    return run;
  };

  const offline = (message: Message, cause?: unknown) =>
    new PrinterError('printer-offline', message, { cause });

  async function release(current: Pick<Link, 'device' | 'iface' | 'detachedKernelDriver'>) {
    if (link?.device === current.device) link = null;
    await new Promise<void>((resolve) => {
      try {
        current.iface.release((error) => {
          if (error) log.debug('release failed', { printer: address, error: errorText(error) });
          resolve();
        });
      } catch (error) {
        log.debug('release failed', { printer: address, error: errorText(error) });
        resolve();
      }
    });
    if (current.detachedKernelDriver) {
      try {
        current.iface.attachKernelDriver();
      } catch (error) {
        // An unplugged printer gets its driver back from the OS when it is plugged in again.
        const level = classify(error) === 'gone' ? 'debug' : 'warn';
        log[level]('could not give the printer back to the kernel driver', {
          printer: address,
          error: errorText(error),
        });
      }
    }
    try {
      current.device.close();
    } catch (error) {
      log.warn('could not close the USB printer', { printer: address, error: errorText(error) });
    }
  }

  /** Open the device (the one with our serial, when we have one), or throw what stops us. */
  async function openDevice(usb: UsbModule): Promise<UsbDevice> {
    const candidates = listDevices(usb).filter(
      (device) =>
        device.deviceDescriptor.idVendor === vendorId &&
        device.deviceDescriptor.idProduct === productId,
    );
    let firstError: PrinterError | null = null;
    for (const device of candidates) {
      try {
        device.open();
      } catch (error) {
        firstError ??= offline(openProblem(error, who, vendorId, productId, platform), error);
        continue;
      }
      if (serial === null) return device;
      const found = await readString(device, device.deviceDescriptor.iSerialNumber, 500);
      if (found === serial) return device;
      try {
        device.close();
      } catch (error) {
        log.debug('could not close a USB device that was not ours', { error: errorText(error) });
      }
    }
    throw firstError ?? offline(problems.notConnected(who));
  }

  async function connect(): Promise<{ link: Link; fresh: boolean }> {
    if (link) return { link, fresh: false };
    const usb = options.usb ?? (await loadUsb());
    const device = await openDevice(usb);
    const closeQuietly = () => {
      try {
        device.close();
      } catch (error) {
        log.debug('close after a failed claim', { error: errorText(error) });
      }
    };
    const number = printerInterfaceNumber(device);
    if (number === null) {
      closeQuietly();
      throw new PrinterError('printer-error', msg('printer.usb.notPrinter', { printer: who }));
    }
    let iface: UsbInterface;
    let detachedKernelDriver = false;
    try {
      iface = device.interface(number);
      // Linux binds usblp to printers; libusb cannot claim the interface while it holds it.
      let kernelDriverActive = false;
      try {
        kernelDriverActive = iface.isKernelDriverActive();
      } catch (error) {
        // Windows and macOS have no such query (LIBUSB_ERROR_NOT_SUPPORTED).
        if (classify(error) !== 'driver') throw error;
      }
      if (kernelDriverActive) {
        try {
          iface.detachKernelDriver();
        } catch (error) {
          throw offline(problems.busy(who), error);
        }
        detachedKernelDriver = true;
      }
      iface.claim();
    } catch (error) {
      if (detachedKernelDriver) {
        try {
          device.interface(number).attachKernelDriver();
        } catch (reattach) {
          log.warn('could not re-attach the kernel driver', { error: errorText(reattach) });
        }
      }
      closeQuietly();
      if (error instanceof PrinterError) throw error;
      throw offline(openProblem(error, who, vendorId, productId, platform), error);
    }
    const out = iface.endpoints.find(isBulkOut);
    if (!out) {
      await release({ device, iface, detachedKernelDriver });
      throw new PrinterError('printer-error', msg('printer.usb.noEndpoint', { printer: who }));
    }
    const input = iface.endpoints.find(isBulkIn) ?? null;
    link = {
      device,
      iface,
      out,
      in: input,
      detachedKernelDriver,
      identified: false,
      lateAnswer: false,
    };
    return { link, fresh: true };
  }

  /** Turn a transfer failure into a PrinterError; a vanished device is dropped for a re-open. */
  async function transferFailure(current: Link, error: unknown, written: number) {
    if (error instanceof PrinterError) return error;
    switch (classify(error)) {
      case 'gone':
        await release(current);
        return new UsbGone(
          written > 0
            ? msg('printer.usb.unpluggedMidJob', { printer: who })
            : problems.notConnected(who),
          written,
          error,
        );
      case 'timeout':
        return new PrinterError(
          'printer-error',
          msg('printer.usb.stoppedTaking', { printer: who }),
          {
            cause: error,
          },
        );
      case 'stall':
        return new PrinterError('printer-error', msg('printer.usb.stalled', { printer: who }), {
          cause: error,
        });
      default:
        return new PrinterError(
          'printer-error',
          msg('printer.usb.failedMidTransfer', { printer: who, detail: errorText(error) }),
          { cause: error },
        );
    }
  }

  async function write(current: Link, data: Buffer, timeoutMs: number): Promise<number> {
    let offset = 0;
    try {
      while (offset < data.length) {
        const chunk = data.subarray(offset, offset + chunkBytes);
        const actual = await transferOut(current.out, chunk, timeoutMs);
        if (actual <= 0) {
          throw Object.assign(new Error('LIBUSB_TRANSFER_STALL'), { errno: libusb.TRANSFER_STALL });
        }
        offset += actual;
      }
      return offset;
    } catch (error) {
      throw await transferFailure(current, error, offset);
    }
  }

  /** Read and drop whatever the printer still had to say, until it has nothing more. */
  async function drain(current: Link, input: UsbInEndpoint): Promise<void> {
    for (let reads = 0; reads < 16; reads += 1) {
      try {
        const data = await transferIn(input, readBytes, drainMs);
        if (data.length === 0) return;
      } catch (error) {
        if (classify(error) === 'timeout') return;
        throw await transferFailure(current, error, 0);
      }
    }
  }

  const exchangeOver =
    (current: Link, input: UsbInEndpoint): ZplExchange =>
    async (command, complete, timeoutMs) => {
      const noAnswer = (cause?: unknown) => {
        current.lateAnswer = true;
        return new PrinterError(
          'printer-error',
          msg('printer.usb.noAnswer', { printer: who, command }),
          {
            cause,
          },
        );
      };
      if (current.lateAnswer) {
        await drain(current, input);
        current.lateAnswer = false;
      }
      await write(current, Buffer.from(command, 'latin1'), timeoutMs);
      const deadline = performance.now() + timeoutMs;
      let answer = Buffer.alloc(0);
      while (!complete(answer)) {
        const left = Math.ceil(deadline - performance.now());
        if (left <= 0) throw noAnswer();
        let data: Buffer;
        try {
          data = await transferIn(input, readBytes, left);
        } catch (error) {
          if (classify(error) === 'timeout') throw noAnswer(error);
          throw await transferFailure(current, error, 0);
        }
        answer = Buffer.concat([answer, data]);
      }
      return answer;
    };

  /**
   * Run `operation` on the open device. A handle kept from an earlier call goes stale when the
   * printer is unplugged between calls; if none of this operation reached it, it is run once
   * more on the device as it is now, so a replugged printer needs no second try.
   */
  async function withLink<T>(operation: (current: Link) => Promise<T>): Promise<T> {
    const first = await connect();
    try {
      return await operation(first.link);
    } catch (error) {
      if (first.fresh || !(error instanceof UsbGone) || error.written > 0) throw error;
      return operation((await connect()).link);
    }
  }

  function send(job: Uint8Array): Promise<void> {
    const data = Buffer.from(job.buffer, job.byteOffset, job.byteLength);
    return withLink(async (current) => {
      await write(current, data, writeTimeoutMs);
    });
  }

  const notReporting: PrinterStatus = {
    reachable: true,
    faults: [],
    pending: null,
    dpi: null,
    source: 'none',
    message: msg('printer.status.connectedNoStatus'),
  };

  async function status(): Promise<PrinterStatus> {
    try {
      return await withLink(async (current) => {
        if (!current.in) return notReporting;
        const exchange = exchangeOver(current, current.in);
        if (!current.identified) {
          current.identified = true;
          try {
            dpi = (await queryZplIdentity(exchange, statusTimeoutMs)).dpi ?? dpi;
          } catch (error) {
            // Status works without the dpi; a vanished device does not.
            if (error instanceof UsbGone) throw error;
            log.debug('~HI was not answered', { printer: address, error: errorText(error) });
          }
        }
        const answer = await queryZplStatus(exchange, { timeoutMs: statusTimeoutMs });
        return { ...answer, dpi: answer.dpi ?? dpi };
      });
    } catch (error) {
      return {
        reachable: false,
        faults: [],
        pending: null,
        dpi,
        source: 'printer',
        message: msg('printer.status.unreachable', {
          reason: error instanceof PrinterError ? error.said : errorText(error),
        }),
      };
    }
  }

  return {
    name: options.name ?? `USB printer ${address.slice('usb://'.length)}`,
    address,
    transport: 'usb',
    language: options.language ?? 'zpl',
    send: (job) => enqueue(() => send(job)),
    status: () => enqueue(status),
    close: () =>
      enqueue(async () => {
        if (link) await release(link);
      }),
  };
}
