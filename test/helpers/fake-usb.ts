// An in-memory USB bus at the boundary src-main/printing/usb.ts uses, behaving like node-usb:
// calls throw LibUSBException-like errors (`errno` = LIBUSB_ERROR_*), transfers call back
// asynchronously with LIBUSB_TRANSFER_* statuses, a device object dies on unplug and a replug
// brings a new one. Behind the USB device sits a Zebra that answers ~HS and ~HI.
import {
  libusb,
  type UsbDevice,
  type UsbEndpoint,
  type UsbException,
  type UsbInEndpoint,
  type UsbInterface,
  type UsbModule,
  type UsbOutEndpoint,
} from '../../src-main/printing/usb';

const errorNames: Record<number, string> = {
  [libusb.ERROR_IO]: 'LIBUSB_ERROR_IO',
  [libusb.ERROR_ACCESS]: 'LIBUSB_ERROR_ACCESS',
  [libusb.ERROR_NO_DEVICE]: 'LIBUSB_ERROR_NO_DEVICE',
  [libusb.ERROR_NOT_FOUND]: 'LIBUSB_ERROR_NOT_FOUND',
  [libusb.ERROR_BUSY]: 'LIBUSB_ERROR_BUSY',
  [libusb.ERROR_TIMEOUT]: 'LIBUSB_ERROR_TIMEOUT',
  [libusb.ERROR_PIPE]: 'LIBUSB_ERROR_PIPE',
  [libusb.ERROR_NOT_SUPPORTED]: 'LIBUSB_ERROR_NOT_SUPPORTED',
  [libusb.TRANSFER_ERROR]: 'LIBUSB_TRANSFER_ERROR',
  [libusb.TRANSFER_TIMED_OUT]: 'LIBUSB_TRANSFER_TIMED_OUT',
  [libusb.TRANSFER_CANCELLED]: 'LIBUSB_TRANSFER_CANCELLED',
  [libusb.TRANSFER_STALL]: 'LIBUSB_TRANSFER_STALL',
  [libusb.TRANSFER_NO_DEVICE]: 'LIBUSB_TRANSFER_NO_DEVICE',
};

/** node-usb's LibUSBException: an Error named by libusb_error_name, with `errno`. */
export class FakeLibUSBException extends Error implements UsbException {
  constructor(readonly errno: number) {
    super(errorNames[errno] ?? `LIBUSB_ERROR_OTHER`);
  }
}

/** What the printer behind the cable reports; tests change it between calls. */
export interface ZebraState {
  paperOut: boolean;
  headOpen: boolean;
  paused: boolean;
  ribbonOut: boolean;
  /** Formats received and not yet printed (eee of ~HS). */
  formatsInBuffer: number;
  dpi: 152 | 203 | 300 | 600;
  model: string;
}

const dotsPerMm: Record<ZebraState['dpi'], number> = { 152: 6, 203: 8, 300: 12, 600: 24 };
const bit = (value: boolean) => (value ? '1' : '0');

/**
 * The three strings a Zebra sends for ~HS, each `<STX>…<ETX><CR><LF>`:
 * `aaa,b,c,dddd,eee,f,g,h,iii,j,k,l` / `mmm,n,o,p,q,r,s,t,uuuuuuuu,v,www` / `xxxx,y`.
 */
export function hostStatusAnswer(state: ZebraState): string[] {
  const formats = String(state.formatsInBuffer).padStart(3, '0');
  return [
    `\x02030,${bit(state.paperOut)},${bit(state.paused)},1218,${formats},0,0,0,000,0,0,0\x03\r\n`,
    `\x02001,0,${bit(state.headOpen)},${bit(state.ribbonOut)},0,2,6,0,00000000,1,000\x03\r\n`,
    `\x021234,0\x03\r\n`,
  ];
}

/** The one string a Zebra sends for ~HI: `<STX>model,firmware,dots/mm,memory<ETX><CR><LF>`. */
export function hostIdentificationAnswer(state: ZebraState): string {
  return `\x02${state.model}-${state.dpi}dpi,V84.20.18Z,${dotsPerMm[state.dpi]},8176KB\x03\r\n`;
}

export interface FakePrinterOptions {
  vendorId?: number;
  productId?: number;
  manufacturer?: string | null;
  product?: string | null;
  serial?: string | null;
  /** 7 is a printer; 3 (HID) makes a keyboard or scanner. */
  interfaceClass?: number;
  /** Whether the printer interface has a bulk IN endpoint (status read-back). */
  statusEndpoint?: boolean;
  state?: Partial<ZebraState>;
  /** Linux's usblp is bound to the interface, so claiming fails until it is detached. */
  kernelDriverActive?: boolean;
  /** The OS: only Linux can query and detach kernel drivers. */
  platform?: 'linux' | 'win32' | 'darwin';
}

/** Knobs a test turns on the printer to make the USB layer misbehave. */
export interface FakePrinterFaults {
  /** `open()` throws this libusb error, e.g. libusb.ERROR_ACCESS. */
  openError: number | null;
  /** `claim()` throws this libusb error, e.g. libusb.ERROR_BUSY. */
  claimError: number | null;
  /** `detachKernelDriver()` throws this libusb error. */
  detachError: number | null;
  /** String descriptors fail (STALL), time out after `device.timeout`, or never answer. */
  strings: 'ok' | 'fail' | 'timeout' | 'hang';
  /** The cable comes out once this many more OUT transfers have been taken. */
  unplugAfterTransfers: number | null;
  /** OUT transfers are not taken: they time out after the endpoint timeout. */
  stallWrites: boolean;
  /** The printer takes commands but never answers on IN. */
  silent: boolean;
  /** Answers are queued but held back (a busy printer answering late) until this is cleared. */
  holdAnswers: boolean;
}

const printerClass = libusb.CLASS_PRINTER;

/** One physical printer: it outlives unplugs, so bytes and state survive a replug. */
export class FakePrinter {
  readonly vendorId: number;
  readonly productId: number;
  readonly manufacturer: string | null;
  readonly product: string | null;
  readonly serial: string | null;
  readonly interfaceClass: number;
  readonly statusEndpoint: boolean;
  readonly platform: 'linux' | 'win32' | 'darwin';
  readonly state: ZebraState;
  readonly faults: FakePrinterFaults = {
    openError: null,
    claimError: null,
    detachError: null,
    strings: 'ok',
    unplugAfterTransfers: null,
    stallWrites: false,
    silent: false,
    holdAnswers: false,
  };
  kernelDriverActive: boolean;
  /** usblp binds to this printer each time it is plugged in (Linux). */
  readonly bindsKernelDriver: boolean;
  /** Every OUT transfer as it arrived, across plugs. */
  readonly outTransfers: Buffer[] = [];
  /** Kernel driver detaches and re-attaches, in order. */
  readonly kernelDriverLog: ('detach' | 'attach')[] = [];
  /** Answers queued for the IN endpoint, one per IN transfer at most. */
  readonly pendingAnswers: Buffer[] = [];
  /** How many times the printer's device was opened (each plug is a new device object). */
  opens = 0;
  /** The current device object, or null while unplugged. */
  device: FakeUsbDevice | null = null;
  private commandTail = '';
  private readonly answerWaiters = new Set<() => void>();

  constructor(options: FakePrinterOptions = {}) {
    this.vendorId = options.vendorId ?? 0x0a5f;
    this.productId = options.productId ?? 0x0181;
    this.manufacturer =
      options.manufacturer === undefined ? 'Zebra Technologies' : options.manufacturer;
    this.product = options.product === undefined ? 'ZTC ZD421-203dpi ZPL' : options.product;
    this.serial = options.serial === undefined ? 'D2J204101234' : options.serial;
    this.interfaceClass = options.interfaceClass ?? printerClass;
    this.statusEndpoint = options.statusEndpoint ?? true;
    this.platform = options.platform ?? 'linux';
    this.bindsKernelDriver = options.kernelDriverActive ?? false;
    this.kernelDriverActive = this.bindsKernelDriver;
    this.state = {
      paperOut: false,
      headOpen: false,
      paused: false,
      ribbonOut: false,
      formatsInBuffer: 0,
      dpi: 203,
      model: 'ZD421',
      ...options.state,
    };
  }

  /** Every byte the printer took, in order. */
  get received(): Buffer {
    return Buffer.concat(this.outTransfers);
  }

  /** Whether some device handle has the printer interface claimed right now. */
  get claimed(): boolean {
    return this.device?.claimedInterface ?? false;
  }

  get isOpen(): boolean {
    return this.device?.isOpen ?? false;
  }

  /** Take an OUT transfer: record it and answer the ~ commands in it, as the firmware does. */
  take(data: Buffer): void {
    this.outTransfers.push(Buffer.from(data));
    // Keep the last two characters so a command split across transfers is still seen.
    const text = this.commandTail + data.toString('latin1');
    this.commandTail = text.slice(-2);
    if (this.faults.silent) return;
    for (const match of text.matchAll(/~H[SI]/g)) {
      const answers =
        match[0] === '~HS' ? hostStatusAnswer(this.state) : [hostIdentificationAnswer(this.state)];
      this.pendingAnswers.push(...answers.map((answer) => Buffer.from(answer, 'latin1')));
    }
    if (this.pendingAnswers.length > 0) for (const wake of this.answerWaiters) wake();
  }

  /** Resolves when the printer has queued an answer; `cancel` stops listening. */
  waitForAnswer(): { ready: Promise<void>; cancel: () => void } {
    let wake: () => void = () => undefined;
    const ready = new Promise<void>((resolve) => {
      wake = resolve;
    });
    this.answerWaiters.add(wake);
    return { ready, cancel: () => this.answerWaiters.delete(wake) };
  }
}

class FakeEndpoint implements UsbEndpoint {
  readonly transferType = libusb.TRANSFER_TYPE_BULK;
  timeout = 0;
  constructor(
    readonly direction: 'in' | 'out',
    readonly address: number,
    protected readonly device: FakeUsbDevice,
  ) {}
}

class FakeOutEndpoint extends FakeEndpoint implements UsbOutEndpoint {
  constructor(device: FakeUsbDevice) {
    super('out', 0x01, device);
  }

  transfer(buffer: Buffer, callback?: (error: Error | undefined, actual: number) => void) {
    const done = (error: Error | undefined, actual: number) => callback?.call(this, error, actual);
    const printer = this.device.printer;
    // Submitting on a device that is gone or closed fails at once, reported on the next tick.
    const refused = this.device.submitError();
    if (refused) {
      process.nextTick(() => done(refused, 0));
      return this;
    }
    this.device.pending += 1;
    const finish = (error: UsbException | undefined, actual: number) => {
      this.device.pending -= 1;
      done(error, actual);
    };
    if (printer.faults.stallWrites) {
      let settled = false;
      const once = (error: UsbException) => {
        if (settled) return;
        settled = true;
        finish(error, 0);
      };
      // A printer that stops taking data: libusb ends the transfer after the endpoint timeout.
      if (this.timeout > 0) {
        setTimeout(() => once(new FakeLibUSBException(libusb.TRANSFER_TIMED_OUT)), this.timeout);
      }
      this.device.onUnplug(() => once(new FakeLibUSBException(libusb.TRANSFER_NO_DEVICE)));
      return this;
    }
    setImmediate(() => {
      if (!this.device.attached) {
        finish(new FakeLibUSBException(libusb.TRANSFER_NO_DEVICE), 0);
        return;
      }
      printer.take(buffer);
      finish(undefined, buffer.length);
      const left = printer.faults.unplugAfterTransfers;
      if (left === null) return;
      printer.faults.unplugAfterTransfers = left > 1 ? left - 1 : null;
      if (left <= 1) this.device.bus.unplug(printer);
    });
    return this;
  }
}

class FakeInEndpoint extends FakeEndpoint implements UsbInEndpoint {
  constructor(device: FakeUsbDevice) {
    super('in', 0x82, device);
  }

  transfer(length: number, callback: (error: Error | undefined, data?: Buffer) => void) {
    const done = (error: Error | undefined, data?: Buffer) => callback.call(this, error, data);
    const refused = this.device.submitError();
    if (refused) {
      process.nextTick(() => done(refused));
      return this;
    }
    const printer = this.device.printer;
    this.device.pending += 1;
    let settled = false;
    let timer: NodeJS.Timeout | undefined;
    const waiter = printer.waitForAnswer();
    const finish = (error: UsbException | undefined, data: Buffer) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      waiter.cancel();
      this.device.pending -= 1;
      done(error, data);
    };
    const deliver = () => {
      if (printer.faults.holdAnswers) return false;
      const next = printer.pendingAnswers.shift();
      if (!next) return false;
      // A read takes at most `length` bytes; the rest waits for the next read.
      if (next.length > length) printer.pendingAnswers.unshift(next.subarray(length));
      setImmediate(() => finish(undefined, next.subarray(0, length)));
      return true;
    };
    if (deliver()) {
      waiter.cancel();
      return this;
    }
    void waiter.ready.then(() => {
      if (!settled && this.device.attached) deliver();
    });
    if (this.timeout > 0) {
      timer = setTimeout(
        () => finish(new FakeLibUSBException(libusb.TRANSFER_TIMED_OUT), Buffer.alloc(0)),
        this.timeout,
      );
    }
    this.device.onUnplug(() =>
      finish(new FakeLibUSBException(libusb.TRANSFER_NO_DEVICE), Buffer.alloc(0)),
    );
    return this;
  }
}

class FakeInterface implements UsbInterface {
  readonly interfaceNumber = 0;
  readonly altSetting = 0;
  readonly descriptor: { bInterfaceNumber: number; bInterfaceClass: number };
  readonly endpoints: UsbEndpoint[];

  constructor(private readonly device: FakeUsbDevice) {
    const printer = device.printer;
    this.descriptor = { bInterfaceNumber: 0, bInterfaceClass: printer.interfaceClass };
    this.endpoints = [new FakeOutEndpoint(device)];
    if (printer.statusEndpoint) this.endpoints.push(new FakeInEndpoint(device));
  }

  claim(): void {
    this.device.checkOpen();
    const printer = this.device.printer;
    if (!this.device.attached) throw new FakeLibUSBException(libusb.ERROR_NO_DEVICE);
    if (printer.faults.claimError !== null)
      throw new FakeLibUSBException(printer.faults.claimError);
    // libusb_claim_interface fails while a kernel driver holds the interface.
    if (printer.kernelDriverActive) throw new FakeLibUSBException(libusb.ERROR_BUSY);
    this.device.claimedInterface = true;
  }

  release(callback?: (error?: UsbException) => void): void {
    this.device.checkOpen();
    setImmediate(() => {
      if (!this.device.attached) {
        callback?.(new FakeLibUSBException(libusb.ERROR_NO_DEVICE));
        return;
      }
      this.device.claimedInterface = false;
      callback?.();
    });
  }

  isKernelDriverActive(): boolean {
    this.device.checkOpen();
    this.device.checkKernelDriverSupport();
    return this.device.printer.kernelDriverActive;
  }

  detachKernelDriver(): void {
    this.device.checkOpen();
    this.device.checkKernelDriverSupport();
    const printer = this.device.printer;
    if (printer.faults.detachError !== null)
      throw new FakeLibUSBException(printer.faults.detachError);
    if (!printer.kernelDriverActive) throw new FakeLibUSBException(libusb.ERROR_NOT_FOUND);
    printer.kernelDriverActive = false;
    printer.kernelDriverLog.push('detach');
  }

  attachKernelDriver(): void {
    this.device.checkOpen();
    this.device.checkKernelDriverSupport();
    if (!this.device.attached) throw new FakeLibUSBException(libusb.ERROR_NO_DEVICE);
    if (this.device.claimedInterface) throw new FakeLibUSBException(libusb.ERROR_BUSY);
    this.device.printer.kernelDriverActive = true;
    this.device.printer.kernelDriverLog.push('attach');
  }
}

/** One plug of a printer: what node-usb's Device is for one enumeration. */
export class FakeUsbDevice implements UsbDevice {
  readonly deviceDescriptor: UsbDevice['deviceDescriptor'];
  /** Like node-usb: undefined until opened. */
  interfaces: FakeInterface[] | undefined;
  /** Control transfer timeout; node-usb's default is 1000 ms. */
  timeout = 1000;
  attached = true;
  claimedInterface = false;
  /** Transfers submitted and not yet called back. */
  pending = 0;
  private readonly unplugListeners: (() => void)[] = [];

  constructor(
    readonly printer: FakePrinter,
    readonly bus: FakeUsb,
  ) {
    const strings = [printer.manufacturer, printer.product, printer.serial];
    // String descriptor indexes 1..3, 0 when the device has no such string.
    const index = (position: number) => (strings[position] === null ? 0 : position + 1);
    this.deviceDescriptor = {
      idVendor: printer.vendorId,
      idProduct: printer.productId,
      iManufacturer: index(0),
      iProduct: index(1),
      iSerialNumber: index(2),
    };
  }

  get isOpen(): boolean {
    return this.interfaces !== undefined;
  }

  get configDescriptor(): {
    interfaces: { bInterfaceNumber: number; bInterfaceClass: number }[][];
  } {
    return {
      interfaces: [[{ bInterfaceNumber: 0, bInterfaceClass: this.printer.interfaceClass }]],
    };
  }

  open(): void {
    if (!this.attached) throw new FakeLibUSBException(libusb.ERROR_NO_DEVICE);
    if (this.printer.faults.openError !== null) {
      throw new FakeLibUSBException(this.printer.faults.openError);
    }
    if (this.interfaces) return;
    this.printer.opens += 1;
    this.interfaces = [new FakeInterface(this)];
  }

  close(): void {
    if (this.pending > 0) throw new Error("Can't close device with a pending request");
    // libusb_close releases what the handle claimed, without re-attaching kernel drivers.
    this.claimedInterface = false;
    this.interfaces = undefined;
  }

  interface(addr: number): FakeInterface {
    if (!this.interfaces) throw new Error('Device must be open before searching for interfaces');
    const found = this.interfaces.find((iface) => iface.interfaceNumber === addr);
    if (!found) throw new Error(`Interface not found for address: ${addr}`);
    return found;
  }

  getStringDescriptor(index: number, callback: (error?: Error, value?: string) => void) {
    // node-usb answers index 0 (no string) synchronously.
    if (index === 0) {
      callback();
      return;
    }
    // node-usb catches the failed submit and reports it on the next tick.
    if (!this.interfaces) {
      process.nextTick(() => callback(new Error('Device is not opened')));
      return;
    }
    const value = [this.printer.manufacturer, this.printer.product, this.printer.serial][index - 1];
    switch (this.printer.faults.strings) {
      case 'hang':
        return;
      case 'timeout':
        setTimeout(
          () => callback(new FakeLibUSBException(libusb.TRANSFER_TIMED_OUT)),
          this.timeout,
        );
        return;
      case 'fail':
        setImmediate(() => callback(new FakeLibUSBException(libusb.TRANSFER_STALL)));
        return;
      default:
        setImmediate(() => callback(undefined, value ?? undefined));
    }
  }

  /** node-usb throws "Device is not opened" from the binding when there is no handle. */
  checkOpen(): void {
    if (!this.interfaces) throw new Error('Device is not opened');
  }

  checkKernelDriverSupport(): void {
    if (this.printer.platform !== 'linux') {
      throw new FakeLibUSBException(libusb.ERROR_NOT_SUPPORTED);
    }
  }

  /** Why a transfer cannot even be submitted, or null. */
  submitError(): Error | null {
    if (!this.interfaces) return new Error('Device is not opened');
    if (!this.attached) return new FakeLibUSBException(libusb.ERROR_NO_DEVICE);
    if (!this.claimedInterface) return new FakeLibUSBException(libusb.ERROR_NOT_FOUND);
    return null;
  }

  onUnplug(listener: () => void): void {
    this.unplugListeners.push(listener);
  }

  unplugged(): void {
    this.attached = false;
    for (const listener of this.unplugListeners.splice(0)) listener();
  }
}

/** The bus: `getDeviceList()` lists what is plugged in now. Pass `fake` as `usb` to the module. */
export class FakeUsb implements UsbModule {
  private readonly plugged: FakeUsbDevice[] = [];

  /** Plug a new printer (or, with `interfaceClass`, any device) in. */
  connect(options: FakePrinterOptions = {}): FakePrinter {
    const printer = new FakePrinter(options);
    this.plug(printer);
    return printer;
  }

  /** Plug a known printer back in: a new device object, as after a real replug. */
  plug(printer: FakePrinter): FakeUsbDevice {
    if (printer.device?.attached) return printer.device;
    const device = new FakeUsbDevice(printer, this);
    printer.device = device;
    // The OS binds its printer driver again on every plug.
    if (printer.bindsKernelDriver) printer.kernelDriverActive = true;
    this.plugged.push(device);
    return device;
  }

  unplug(printer: FakePrinter): void {
    const device = printer.device;
    if (!device) return;
    const at = this.plugged.indexOf(device);
    if (at !== -1) this.plugged.splice(at, 1);
    device.unplugged();
    printer.device = null;
  }

  getDeviceList(): FakeUsbDevice[] {
    return [...this.plugged];
  }
}
