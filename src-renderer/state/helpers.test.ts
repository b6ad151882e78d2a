import { describe, expect, it } from 'vitest';
import type { Result } from '../../src-shared';
import { failure } from '../../test/helpers/station-store';
import {
  createOvertaking,
  keepKeys,
  keyedRequests,
  withKey,
  type Keyed,
  type Pending,
} from './helpers';

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('createOvertaking: drop an answer something newer overtook', () => {
  it('keeps an answer when nothing arrived since it was asked', () => {
    const pushes = createOvertaking();
    const fresh = pushes.since();
    expect(fresh()).toBe(true);
  });

  it('drops an answer once a push arrived after it was asked, for good', () => {
    const pushes = createOvertaking();
    const fresh = pushes.since();
    pushes.overtake();
    expect(fresh()).toBe(false);
    // A later request is not overtaken by the earlier push.
    expect(pushes.since()()).toBe(true);
    expect(fresh()).toBe(false);
  });

  it('lets only the newest of several requests settle the state', () => {
    const requests = createOvertaking();
    requests.overtake();
    const first = requests.since();
    requests.overtake();
    const second = requests.since();
    expect([first(), second()]).toEqual([false, true]);
  });
});

describe('keyed records', () => {
  it('sets and removes one key without touching the record it was given', () => {
    const record: Keyed<number> = { a: 1 };
    const added = withKey(record, 'b', 2);
    expect(added).toEqual({ a: 1, b: 2 });
    expect(withKey(added, 'a', null)).toEqual({ b: 2 });
    expect(record).toEqual({ a: 1 });
  });

  it('keeps the same record when no key goes, so a store update is not a change', () => {
    const record: Keyed<number> = { a: 1, b: 2 };
    expect(keepKeys(record, () => true)).toBe(record);
    expect(keepKeys(record, (key) => key === 'b')).toEqual({ b: 2 });
  });
});

describe('keyedRequests: one request per key in flight', () => {
  function field() {
    let record: Keyed<Pending> = {};
    const requests = keyedRequests<Pending>(
      () => record,
      (next) => (record = next),
    );
    return { requests, read: () => record };
  }

  it('shows the key pending while its call runs, and removes it when it worked', async () => {
    const { requests, read } = field();
    const answer = deferred<Result<string>>();
    const running = requests.run(
      'a',
      { kind: 'pending' },
      () => answer.promise,
      () => null,
    );
    expect(read()).toEqual({ a: { kind: 'pending' } });
    answer.resolve({ ok: true, value: 'done' });
    expect(await running).toEqual({ ok: true, value: 'done' });
    expect(read()).toEqual({});
  });

  it('refuses a second call for a key in flight, without calling it', async () => {
    const { requests } = field();
    const answer = deferred<Result<string>>();
    let calls = 0;
    const call = () => {
      calls += 1;
      return answer.promise;
    };
    const first = requests.run('a', { kind: 'pending' }, call, () => null);
    expect(await requests.run('a', { kind: 'pending' }, call, () => null)).toBeNull();
    expect(calls).toBe(1);
    answer.resolve({ ok: true, value: 'done' });
    await first;
  });

  it('runs other keys alongside, and keeps what settle leaves for a refusal', async () => {
    const { requests, read } = field();
    const slow = deferred<Result<string>>();
    const refusal = failure('printer-offline', 'no paper');
    const a = requests.run(
      'a',
      { kind: 'pending' },
      () => slow.promise,
      () => null,
    );
    const b = await requests.run(
      'b',
      { kind: 'pending' },
      async (): Promise<Result<string>> => ({ ok: false, error: refusal }),
      (result) => (result.ok ? null : { kind: 'failed', error: result.error }),
    );
    expect(b?.ok).toBe(false);
    expect(read()).toEqual({ a: { kind: 'pending' }, b: { kind: 'failed', error: refusal } });
    slow.resolve({ ok: true, value: 'done' });
    await a;
    expect(read()).toEqual({ b: { kind: 'failed', error: refusal } });
    // A refused key may be tried again: only a pending one blocks.
    const again = await requests.run(
      'b',
      { kind: 'pending' },
      async (): Promise<Result<string>> => ({ ok: true, value: 'ok' }),
      () => null,
    );
    expect(again?.ok).toBe(true);
  });
});
