import { assertNever, type AppErrorData } from '../../src-preload/contract';
import { AppError, toErrorData } from '../errors';
import { SendcloudError } from '../sendcloud/errors';

/** What a packer should read when a scan fails: the cause, in their words, with a stable code. */
export function describeFailure(error: unknown): AppErrorData {
  if (error instanceof AppError) return error.toData();
  if (error instanceof SendcloudError) return describeSendcloudError(error);
  return toErrorData(error);
}

export function describeSendcloudError(error: SendcloudError): AppErrorData {
  const detail = error.details[0]?.detail;
  const suffix = detail ? `: ${detail}` : '.';
  switch (error.kind) {
    case 'auth':
      return {
        code: 'auth-failed',
        message: 'Sendcloud refused the API keys. Check the public and secret key.',
      };
    case 'not-found':
      return { code: 'order-not-found', message: `Sendcloud does not know this order${suffix}` };
    case 'rate-limited':
      return {
        code: 'rate-limited',
        message: 'Sendcloud is limiting requests for this account. Wait a moment and scan again.',
      };
    case 'network':
    case 'timeout':
      return {
        code: 'offline',
        message:
          error.kind === 'timeout'
            ? 'Sendcloud did not answer in time. Check the connection and scan again.'
            : 'Sendcloud cannot be reached. Check the internet connection.',
      };
    case 'validation':
    case 'conflict':
      return { code: 'sendcloud-error', message: `Sendcloud rejected the label${suffix}` };
    case 'server':
      return {
        code: 'sendcloud-error',
        message: `Sendcloud had an error (${error.status ?? 'no status'})${detail ? `: ${detail}` : ''}. Scan again in a moment.`,
      };
    default:
      return assertNever(error.kind);
  }
}
