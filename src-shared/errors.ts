// Errors as they cross the border: a code from a closed union, a message key and its params.
import type { MessageKey, MessageParams } from './messages';
export const errorCodes = [
  'invalid-input',
  'unknown-command',
  'forbidden',
  'order-not-found',
  'already-labelled',
  'in-batch',
  'offline',
  'auth-failed',
  'rate-limited',
  'sendcloud-error',
  'label-invalid',
  'label-stale',
  'label-not-stored',
  'label-voided',
  'void-refused',
  'sign-in-required',
  'pin-refused',
  'pin-locked',
  'cancelled',
  'printer-offline',
  'printer-error',
  'printer-fault',
  'keychain-unavailable',
  'warehouse-unusable',
  'internal',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

/**
 * An error as data: a stable code, and what a person reads as a message key with its params
 * (rendered by the renderer in their language). The English text stays in main's log.
 */
export interface AppErrorData {
  code: ErrorCode;
  key: MessageKey;
  params: MessageParams;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorData };

export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
}
