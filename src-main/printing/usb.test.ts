import { describe, expect, it } from 'vitest';
import { msg } from '../../src-shared';
import { libusb, loadUsb, parseUsbAddress, usbAddress } from './usb';

describe('USB printer addresses', () => {
  it('round-trip vendor, product and serial', () => {
    const address = usbAddress(0x0a5f, 0x0181, 'D2J 2041/01');
    expect(address).toBe('usb://0a5f:0181/D2J%202041%2F01');
    expect(parseUsbAddress(address)).toEqual({
      vendorId: 0x0a5f,
      productId: 0x0181,
      serial: 'D2J 2041/01',
    });
    expect(parseUsbAddress('usb://0A5F:0181')).toEqual({
      vendorId: 0x0a5f,
      productId: 0x0181,
      serial: null,
    });
  });

  it('refuses anything else', () => {
    expect(() => parseUsbAddress('tcp://10.0.0.7:9100')).toThrow(
      expect.objectContaining({
        code: 'invalid-input',
        said: msg('printer.address.notUsb', { address: 'tcp://10.0.0.7:9100' }),
      }),
    );
    expect(() => parseUsbAddress('usb://a5f:181')).toThrow();
  });
});

describe('the real usb module', () => {
  it('loads, and its libusb numbers are the ones errors are classified by', async () => {
    const { usb } = await import('usb');
    const real = {
      ERROR_IO: usb.LIBUSB_ERROR_IO,
      ERROR_ACCESS: usb.LIBUSB_ERROR_ACCESS,
      ERROR_NO_DEVICE: usb.LIBUSB_ERROR_NO_DEVICE,
      ERROR_NOT_FOUND: usb.LIBUSB_ERROR_NOT_FOUND,
      ERROR_BUSY: usb.LIBUSB_ERROR_BUSY,
      ERROR_TIMEOUT: usb.LIBUSB_ERROR_TIMEOUT,
      ERROR_PIPE: usb.LIBUSB_ERROR_PIPE,
      ERROR_NOT_SUPPORTED: usb.LIBUSB_ERROR_NOT_SUPPORTED,
      TRANSFER_ERROR: usb.LIBUSB_TRANSFER_ERROR,
      TRANSFER_TIMED_OUT: usb.LIBUSB_TRANSFER_TIMED_OUT,
      TRANSFER_CANCELLED: usb.LIBUSB_TRANSFER_CANCELLED,
      TRANSFER_STALL: usb.LIBUSB_TRANSFER_STALL,
      TRANSFER_NO_DEVICE: usb.LIBUSB_TRANSFER_NO_DEVICE,
      CLASS_PRINTER: usb.LIBUSB_CLASS_PRINTER,
      TRANSFER_TYPE_BULK: usb.LIBUSB_TRANSFER_TYPE_BULK,
    };
    expect(libusb).toEqual(real);
    // The same module object the transport gets by default (its type is checked by tsc).
    expect(await loadUsb()).toBe(usb);
  });
});
