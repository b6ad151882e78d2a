// The app-wide error-to-message mapper: whatever was thrown, what a packer reads about it, as
// a stable code and a message key. Sendcloud's own words travel as the `detail` parameter.
import { assertNever, msg, type AppErrorData, type Message } from '../src-shared';
import { AppError, toErrorData } from './errors';
import { SendcloudError } from './sendcloud/errors';

/** What a packer should read when something fails: the cause, with a stable code. */
export function describeFailure(error: unknown): AppErrorData {
  if (error instanceof AppError) return error.toData();
  if (error instanceof SendcloudError) return describeSendcloudError(error);
  return toErrorData(error);
}

/**
 * A Sendcloud failure in a packer's words. The code is the client's own `uiCode`, so the whole
 * app maps Sendcloud errors one way; the message says what to do about it.
 */
export function describeSendcloudError(error: SendcloudError): AppErrorData {
  const detail = error.details[0]?.detail;
  return { code: error.uiCode, ...sendcloudMessage(error, detail) };
}

function sendcloudMessage(error: SendcloudError, rawDetail: string | undefined): Message {
  // Sendcloud's sentence ends the translated one: drop its full stop, the catalogue has one.
  const detail = rawDetail?.trim().replace(/\.+$/, '');
  switch (error.kind) {
    case 'auth':
      return msg('sendcloud.keysRefused');
    case 'not-found':
      if (error.uiCode === 'order-not-found') {
        return detail
          ? msg('sendcloud.orderUnknown.detail', { detail })
          : msg('sendcloud.orderUnknown');
      }
      return detail ? msg('sendcloud.notFound.detail', { detail }) : msg('sendcloud.notFound');
    case 'rate-limited':
      return msg('sendcloud.rateLimited');
    case 'timeout':
      return msg('sendcloud.timeout');
    case 'network':
      return msg('sendcloud.unreachable');
    case 'validation':
    case 'conflict':
      return detail ? msg('sendcloud.refused.detail', { detail }) : msg('sendcloud.refused');
    case 'server': {
      const status = error.status ?? msg('sendcloud.noStatus');
      return detail
        ? msg('sendcloud.serverError.detail', { status, detail })
        : msg('sendcloud.serverError', { status });
    }
    default:
      return assertNever(error.kind);
  }
}
