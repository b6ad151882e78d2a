import { msg, type AppErrorData, type ErrorCode, type Message } from '../src-shared';

/**
 * The one error class the app's own code throws. It carries a code from the contract's closed
 * union and what a packer reads as a message key; `log` is the English for the log (the key
 * and its params when none is given). Hosts turn it into `{ code, key, params }` data.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly said: Message,
    options?: { cause?: unknown; log?: string },
  ) {
    super(
      options?.log ?? logText(said),
      options?.cause !== undefined ? { cause: options.cause } : {},
    );
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

/** A message for the log when no English was given: its key and its plain params. */
function logText(said: Message): string {
  const params = Object.entries(said.params ?? {})
    .filter(([, value]) => typeof value === 'string' || typeof value === 'number')
    .map(([name, value]) => `${name}=${String(value)}`);
  return params.length ? `${said.key} (${params.join(', ')})` : said.key;
}
