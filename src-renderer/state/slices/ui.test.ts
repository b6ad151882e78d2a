import { describe, expect, it } from 'vitest';
import { accountView, fakeApi, settle, status } from '../../../test/helpers/station-store';
import { createStationStore } from '../station';

describe('station store: which screen is open', () => {
  it('starts on the scan screen and goes to a screen, reading its data fresh once', async () => {
    const { api, calls } = fakeApi({
      'accounts.list': async () => ({ ok: true, value: [] }),
      'merchants.list': async () => ({ ok: true, value: [] }),
    });
    const store = createStationStore(api, null);
    expect(store.getState().screen).toBe('scan');
    store.getState().showScreen('accounts');
    store.getState().showScreen('accounts');
    await settle();
    expect(store.getState().screen).toBe('accounts');
    expect(calls.map((c) => c.name)).toEqual(['accounts.list', 'merchants.list']);
  });

  it('reads nothing for a screen that needs no data', () => {
    const { api, calls } = fakeApi({});
    const store = createStationStore(api, null);
    // The Day, Shipments, Batch and Packers screens read their data (their own tests); Rules
    // needs nothing.
    store.getState().showScreen('rules');
    expect(store.getState().screen).toBe('rules');
    expect(calls).toEqual([]);
  });

  it('reads the packers fresh when Settings → Packers opens', () => {
    const { api, calls } = fakeApi({});
    const store = createStationStore(api, null);
    store.getState().showScreen('packers');
    expect(calls.map((c) => c.name)).toEqual(['packers.list']);
  });

  it('forgets the reconnect form and the key check when the Accounts screen is left', async () => {
    const { api } = fakeApi({
      'station.status': async () => ({
        ok: true,
        value: { ...status, accounts: [accountView('a')] },
      }),
      'accounts.list': async () => ({ ok: true, value: [accountView('a')] }),
      'merchants.list': async () => ({ ok: true, value: [] }),
    });
    const store = createStationStore(api, null);
    store.getState().openAccounts('a');
    store.setState({ accountVerify: { kind: 'pending' } });
    expect(store.getState().reconnectTarget).toBe('a');
    store.getState().showScreen('day');
    expect(store.getState()).toMatchObject({ reconnectTarget: null, accountVerify: null });
  });

  it('closes Printers and Accounts back to the scan screen, and only those', () => {
    const { api } = fakeApi({});
    const store = createStationStore(api, null);
    store.getState().showScreen('day');
    store.getState().closePrinters();
    store.getState().closeAccounts();
    expect(store.getState().screen).toBe('day');
    store.getState().openPrinters();
    store.getState().closePrinters();
    expect(store.getState().screen).toBe('scan');
  });

  it('opens the queue over any screen without leaving it', async () => {
    const { api, calls } = fakeApi({
      'queue.list': async () => ({ ok: true, value: [] }),
      'outbox.settings': async () => ({
        ok: true,
        value: { drainMode: 'print', staleAfterMinutes: 60 },
      }),
    });
    const store = createStationStore(api, null);
    store.getState().showScreen('rules');
    store.getState().openQueue();
    await settle();
    expect(store.getState()).toMatchObject({ screen: 'rules', queueOpen: true, jobs: [] });
    expect(calls.map((c) => c.name)).toEqual(['queue.list', 'outbox.settings']);
  });
});
