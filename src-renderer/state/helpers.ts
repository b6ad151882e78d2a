// Two rules every slice of the store follows, written once.
import type { AppErrorData, Result } from '../../src-shared';

/**
 * "Drop an answer that something newer has overtaken." A push (`jobs.changed`, …) or a newer
 * request calls `overtake()`; a request takes `since()` before it is sent, and applies its
 * answer only while that check still says true.
 */
export interface Overtaking {
  overtake(): void;
  /** Whether nothing has overtaken the moment this was called. */
  since(): () => boolean;
}

export function createOvertaking(): Overtaking {
  let generation = 0;
  return {
    overtake() {
      generation += 1;
    },
    since() {
      const at = generation;
      return () => generation === at;
    },
  };
}

/** A request with nothing to show but that it is on its way, or why it was refused. */
export type Pending = { kind: 'pending' } | { kind: 'failed'; error: AppErrorData };

/** A request's state: on its way, or whatever its outcome leaves (failed, a result). */
export type Keyed<V> = Readonly<Partial<Record<string, V>>>;

/** The record with `key` set to `value`, or without `key` for null; a new object either way. */
export function withKey<V>(record: Keyed<V>, key: string, value: V | null): Keyed<V> {
  const next = { ...record };
  if (value === null) delete next[key];
  else next[key] = value;
  return next;
}

/** The record without the keys `keep` refuses; the same object when nothing goes. */
export function keepKeys<V>(record: Keyed<V>, keep: (key: string) => boolean): Keyed<V> {
  const kept = Object.fromEntries(Object.entries(record).filter(([key]) => keep(key)));
  return Object.keys(kept).length === Object.keys(record).length ? record : kept;
}

/**
 * "One request per key in flight", over one keyed field of the store (`read` it, `write` a new
 * record). While `key` is pending, another `run` is refused (null); else the key shows
 * `pending`, the call runs, and `settle` says what stays under the key (null: nothing).
 */
export interface KeyedRequests<V extends { kind: string }> {
  run<T>(
    key: string,
    pending: V,
    call: () => Promise<Result<T>>,
    settle: (result: Result<T>) => V | null,
  ): Promise<Result<T> | null>;
}

export function keyedRequests<V extends { kind: string }>(
  read: () => Keyed<V>,
  write: (next: Keyed<V>) => void,
): KeyedRequests<V> {
  return {
    async run(key, pending, call, settle) {
      if (read()[key]?.kind === 'pending') return null;
      write(withKey(read(), key, pending));
      const result = await call();
      write(withKey(read(), key, settle(result)));
      return result;
    },
  };
}

/** The usual settlement: nothing left when it worked, the error kept when it did not. */
export function failedOrNothing<T>(
  result: Result<T>,
): { kind: 'failed'; error: AppErrorData } | null {
  return result.ok ? null : { kind: 'failed', error: result.error };
}
