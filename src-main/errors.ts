import type { AppErrorData, ErrorCode } from '../src-preload/contract';

/**
 * The one error class the app's own code throws. It carries a code from the contract's closed
 * union and a message a packer can read; hosts turn it into `{ code, message }` data.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'AppError';
  }

  toData(): AppErrorData {
    return { code: this.code, message: this.message };
  }
}

/** Turn anything thrown into border-safe data: never a stack, key or raw HTTP body. */
export function toErrorData(error: unknown): AppErrorData {
  if (error instanceof AppError) return error.toData();
  return { code: 'internal', message: 'Something went wrong inside the station. See the log.' };
}
