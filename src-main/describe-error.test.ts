import { describe, expect, it } from 'vitest';
import { msg } from '../src-shared';
import { AppError } from './errors';
import { PrinterError } from './printing/printer';
import { sendcloudError, type SendcloudErrorKind } from './sendcloud/errors';
import { describeFailure } from './describe-error';

describe('how a failure is described to a packer', () => {
  it.each<[SendcloudErrorKind, string, ReturnType<typeof msg>]>([
    ['auth', 'auth-failed', msg('sendcloud.keysRefused')],
    ['rate-limited', 'rate-limited', msg('sendcloud.rateLimited')],
    ['network', 'offline', msg('sendcloud.unreachable')],
    ['timeout', 'offline', msg('sendcloud.timeout')],
    [
      'server',
      'sendcloud-error',
      msg('sendcloud.serverError.detail', { status: 503, detail: 'Backend down' }),
    ],
    ['validation', 'sendcloud-error', msg('sendcloud.refused.detail', { detail: 'Backend down' })],
    ['conflict', 'sendcloud-error', msg('sendcloud.refused.detail', { detail: 'Backend down' })],
  ])('a Sendcloud %s error', (kind, code, said) => {
    const error = sendcloudError(kind, 'raw text', {
      status: 503,
      details: [{ detail: 'Backend down.' }],
    });
    expect(describeFailure(error)).toEqual({ code, ...said });
  });

  it('passes what Sendcloud said as the detail, and says so when it said nothing', () => {
    const bare = sendcloudError('validation', 'raw text', { status: 422 });
    expect(describeFailure(bare)).toEqual({ code: 'sendcloud-error', ...msg('sendcloud.refused') });
    const noStatus = sendcloudError('server', 'raw text');
    expect(describeFailure(noStatus)).toEqual({
      code: 'sendcloud-error',
      ...msg('sendcloud.serverError', { status: msg('sendcloud.noStatus') }),
    });
  });

  it('says an unknown order is unknown only when Sendcloud said so about an order', () => {
    const order = sendcloudError('not-found', 'x', {
      uiCode: 'order-not-found',
      details: [{ detail: 'No order' }],
    });
    expect(describeFailure(order)).toEqual({
      code: 'order-not-found',
      ...msg('sendcloud.orderUnknown.detail', { detail: 'No order' }),
    });
    const other = sendcloudError('not-found', 'x');
    expect(describeFailure(other)).toEqual({
      code: 'sendcloud-error',
      ...msg('sendcloud.notFound'),
    });
  });

  it('passes app and printer errors through, and hides anything else', () => {
    const unknown = msg('error.orderNotFound', { code: 'PD-1' });
    expect(describeFailure(new AppError('order-not-found', unknown))).toEqual({
      code: 'order-not-found',
      ...unknown,
    });
    const offline = msg('printer.net.noAnswer', { address: 'tcp://10.0.0.7:9100' });
    expect(describeFailure(new PrinterError('printer-offline', offline))).toEqual({
      code: 'printer-offline',
      ...offline,
    });
    expect(describeFailure(new TypeError('x is undefined at secret.ts:12'))).toEqual({
      code: 'internal',
      ...msg('error.internal'),
    });
  });

  it('keeps English for the log: the given text, or the key and its plain params', () => {
    const error = new AppError('order-not-found', msg('error.orderNotFound', { code: 'PD-1' }));
    expect(error.message).toBe('error.orderNotFound (code=PD-1)');
    expect(new AppError('internal', msg('error.internal'), { log: 'boom' }).message).toBe('boom');
  });
});
