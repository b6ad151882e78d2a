import { describe, expect, it } from 'vitest';
import { type Result } from '../../../src-shared';
import {
  failure,
  status,
  entry,
  fakeApi,
  deferred,
  settle,
  offline,
  fakeHost,
} from '../../../test/helpers/station-store';
import { createStationStore } from '../station';

describe('station store: the status, the host link and connectivity', () => {
  it('loads status and recent scans on start', async () => {
    const { api, calls } = fakeApi({
      'station.status': async () => ({ ok: true, value: status }),
      'scan.recent': async () => ({ ok: true, value: [entry({ state: 'printed' })] }),
    });
    const store = createStationStore(api, null);
    store.getState().start();
    await settle();
    // The printers too: their status is pushed only on a change, so a fresh screen reads it.
    // Who is signed in too: the sign-in overlay depends on it.
    // Batches too: the header follows a running one on every screen.
    expect(calls.map((c) => c.name).sort()).toEqual([
      'batch.list',
      'printers.list',
      'scan.next',
      'scan.recent',
      'session.current',
      'station.status',
    ]);
    expect(calls.find((c) => c.name === 'scan.recent')?.input).toEqual({ limit: 20 });
    expect(store.getState().status).toEqual(status);
    expect(store.getState().scans).toHaveLength(1);
    expect(store.getState().host).toBe('ipc');
  });

  it('reloads status and scans when the host connection comes back', async () => {
    const { api, calls } = fakeApi({
      'station.status': async () => ({ ok: true, value: status }),
      'scan.recent': async () => ({ ok: true, value: [] }),
    });
    const { host, change } = fakeHost();
    const store = createStationStore(api, host);
    store.getState().start();
    await settle();
    expect(calls).toHaveLength(6);

    change('disconnected');
    expect(store.getState().host).toBe('disconnected');
    change('connected');
    await settle();
    expect(store.getState().host).toBe('connected');
    // Status, recent scans, the next label, printers and batches read again: events sent while
    // the socket was down are lost.
    expect(calls).toHaveLength(12);
  });

  it('updates the status from a sync and keeps a sync error to show', async () => {
    let fail = false;
    const { api } = fakeApi({
      'orders.sync': async () =>
        fail
          ? { ok: false, error: failure('auth-failed', 'Sendcloud refused the key.') }
          : { ok: true, value: { ...status, ordersCached: 40 } },
    });
    const store = createStationStore(api, null);
    await store.getState().syncOrders();
    expect(store.getState().status?.ordersCached).toBe(40);
    fail = true;
    await store.getState().syncOrders();
    expect(store.getState().syncError?.code).toBe('auth-failed');
    expect(store.getState().syncing).toBe(false);
  });

  it('takes connectivity and outbox settings from the status', async () => {
    const { api } = fakeApi({ 'station.status': async () => ({ ok: true, value: status }) });
    const store = createStationStore(api, null);
    store.getState().start();
    await settle();
    expect(store.getState().connectivity).toEqual(status.connectivity);
    expect(store.getState().outbox).toEqual({ drainMode: 'print', staleAfterMinutes: 60 });
  });

  it('goes offline on `connectivity.changed`, and a late older status does not undo it', async () => {
    const answer = deferred<Result<unknown>>();
    const { api, emit } = fakeApi({ 'station.status': () => answer.promise });
    const store = createStationStore(api, null);
    store.getState().start();
    emit('connectivity.changed', offline);
    expect(store.getState().connectivity).toEqual(offline);

    // The status read was sent before the station went offline.
    answer.resolve({ ok: true, value: status });
    await settle();
    expect(store.getState().status).toEqual(status);
    expect(store.getState().connectivity).toEqual(offline);

    const back = { ...offline, online: true, since: '2025-11-21T10:10:00.000Z', queueLength: 0 };
    emit('connectivity.changed', back);
    expect(store.getState().connectivity).toEqual(back);
  });
});
