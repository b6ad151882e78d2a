import { assertNever, type AppErrorData } from '../../src-shared';
import { AppError, toErrorData } from '../errors';
import { SendcloudError } from '../sendcloud/errors';

/** What a packer should read when a scan fails: the cause, in their words, with a stable code. */
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
  return { code: error.uiCode, message: sendcloudMessage(error, detail) };
}

function sendcloudMessage(error: SendcloudError, rawDetail: string | undefined): string {
  const detail = rawDetail?.trim().replace(/\.+$/, '');
  const suffix = detail ? `: ${detail}.` : '.';
  switch (error.kind) {
    case 'auth':
      return 'Sendcloud refused the API keys. Check the public and secret key.';
    case 'not-found':
      return error.uiCode === 'order-not-found'
        ? `Sendcloud does not know this order${suffix}`
        : `Sendcloud could not find what was asked for${suffix}`;
    case 'rate-limited':
      return 'Sendcloud is limiting requests for this account.';
    case 'timeout':
      return 'Sendcloud did not answer in time.';
    case 'network':
      return 'Sendcloud cannot be reached. Check the internet connection.';
    case 'validation':
    case 'conflict':
      return `Sendcloud rejected the request${suffix}`;
    case 'server':
      return `Sendcloud had an error (${error.status ?? 'no status'})${suffix}`;
    default:
      return assertNever(error.kind);
  }
}
