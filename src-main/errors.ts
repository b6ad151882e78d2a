import { msg, type AppErrorData, type ErrorCode, type Message } from '../src-shared';

/**
 * The one error class the app's own code throws. It carries a code from the contract's closed
 * union and what a packer reads as a message key; `log` is the English for the log (the key
 * when none is given). Hosts turn it into `{ code, key, params }` data.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly said: Message,
    options?: { cause?: unknown; log?: string },
  ) {
    super(options?.log ?? said.key, options?.cause !== undefined ? { cause: options.cause } : {});
    this.name = 'AppError';
  }

  toData(): AppErrorData {
    return { code: this.code, key: this.said.key, params: this.said.params };
  }
}

/** Turn anything thrown into border-safe data: never a stack, key or raw HTTP body. */
export function toErrorData(error: unknown): AppErrorData {
  if (error instanceof AppError) return error.toData();
  return { code: 'internal', ...msg('error.internal') };
}
