import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { PrinterError } from '../printing/printer';
import { sendcloudError, type SendcloudErrorKind } from '../sendcloud/errors';
import { describeFailure } from './failures';

describe('how a failed scan is described to a packer', () => {
  it.each<[SendcloudErrorKind, string, RegExp]>([
    ['auth', 'auth-failed', /refused the API keys/],
    ['rate-limited', 'rate-limited', /limiting requests/],
    ['network', 'offline', /cannot be reached/],
    ['timeout', 'offline', /did not answer in time/],
    ['server', 'sendcloud-error', /Sendcloud had an error \(503\): Backend down/],
    ['validation', 'sendcloud-error', /rejected the request: Backend down/],
  ])('a Sendcloud %s error', (kind, code, message) => {
    const error = sendcloudError(kind, 'raw text', {
      status: 503,
      details: [{ detail: 'Backend down' }],
    });
    const described = describeFailure(error);
    expect(described.code).toBe(code);
    expect(described.message).toMatch(message);
  });

  it('says an unknown order is unknown only when Sendcloud said so about an order', () => {
    const order = sendcloudError('not-found', 'x', {
      uiCode: 'order-not-found',
      details: [{ detail: 'No order' }],
    });
    expect(describeFailure(order)).toEqual({
      code: 'order-not-found',
      message: 'Sendcloud does not know this order: No order.',
    });
    const other = sendcloudError('not-found', 'x');
    expect(describeFailure(other)).toMatchObject({ code: 'sendcloud-error' });
  });

  it('passes app and printer errors through, and hides anything else', () => {
    expect(describeFailure(new AppError('order-not-found', 'No open order'))).toEqual({
      code: 'order-not-found',
      message: 'No open order',
    });
    expect(describeFailure(new PrinterError('printer-offline', 'Printer unreachable'))).toEqual({
      code: 'printer-offline',
      message: 'Printer unreachable',
    });
    expect(describeFailure(new TypeError('x is undefined at secret.ts:12'))).toMatchObject({
      code: 'internal',
    });
  });
});
