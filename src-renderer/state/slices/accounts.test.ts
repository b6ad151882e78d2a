import { describe, expect, it } from 'vitest';
import { type Result } from '../../../src-shared';
import {
  failure,
  status,
  fakeApi,
  deferred,
  settle,
  accountView,
  keys,
  refused,
  holdsKey,
  fakeHost,
  choices,
} from '../../../test/helpers/station-store';
import { createStationStore } from '../station';

describe('station store: accounts', () => {
  it('takes the accounts from the status, and `accounts.changed` replaces them', async () => {
    const live = { ...status, mode: 'live' as const, accounts: [accountView('a')] };
    const { api, emit } = fakeApi({ 'station.status': async () => ({ ok: true, value: live }) });
    const store = createStationStore(api, null);
    store.getState().start();
    await settle();
    expect(store.getState().accounts).toEqual([accountView('a')]);

    emit('accounts.changed', [accountView('a', { state: 'reconnect' }), accountView('b')]);
    expect(store.getState().accounts?.map((a) => [a.id, a.state])).toEqual([
      ['a', 'reconnect'],
      ['b', 'connected'],
    ]);
  });

  it('keeps a pushed account state over a status answer sent before the push', async () => {
    const answer = deferred<Result<unknown>>();
    const { api, emit } = fakeApi({ 'station.status': () => answer.promise });
    const store = createStationStore(api, null);
    store.getState().start();
    emit('accounts.changed', [accountView('a', { state: 'reconnect' })]);
    answer.resolve({ ok: true, value: { ...status, accounts: [accountView('a')] } });
    await settle();
    // The rest of the status applies; its older account list does not.
    expect(store.getState().status?.ordersCached).toBe(12);
    expect(store.getState().accounts?.[0]?.state).toBe('reconnect');

    // A pushed status is as new as any push: it applies whole.
    emit('station.status', { ...status, accounts: [accountView('a')] });
    expect(store.getState().accounts?.[0]?.state).toBe('connected');
  });

  it('drops an `accounts.list` answer that a push overtook', async () => {
    const answer = deferred<Result<unknown>>();
    const { api, emit } = fakeApi({
      'accounts.list': () => answer.promise,
      'merchants.list': async () => ({ ok: true, value: [] }),
    });
    const store = createStationStore(api, null);
    store.getState().start();
    store.getState().openAccounts();
    emit('accounts.changed', [accountView('a', { state: 'locked' })]);
    answer.resolve({ ok: true, value: [accountView('a')] });
    await settle();
    expect(store.getState().accounts?.[0]?.state).toBe('locked');
  });

  it('opens the Accounts screen reading accounts and merchants, at an account’s reconnect form from the banner', async () => {
    const { api, calls } = fakeApi({
      'accounts.list': async () => ({ ok: true, value: [accountView('a')] }),
      'merchants.list': async () => ({ ok: true, value: [] }),
    });
    const store = createStationStore(api, null);
    store.getState().openPrinters();
    store.getState().openAccounts('a');
    await settle();
    expect(calls.map((c) => c.name)).toEqual(['printers.list', 'accounts.list', 'merchants.list']);
    expect(store.getState()).toMatchObject({
      screen: 'accounts',
      reconnectTarget: 'a',
      merchants: [],
    });
    // Leaving the Accounts screen closes its reconnect form.
    store.getState().openPrinters();
    expect(store.getState()).toMatchObject({ screen: 'printers', reconnectTarget: null });
  });

  it('checks keys without keeping them, then adds the account and forgets the choices', async () => {
    const added = accountView('new', { name: 'Webshop NL' });
    const { api, calls } = fakeApi({
      'accounts.verify': async () => ({ ok: true, value: choices }),
      'accounts.add': async () => ({ ok: true, value: added }),
    });
    const store = createStationStore(api, null);
    const verifying = store.getState().verifyKeys(keys);
    expect(store.getState().accountVerify).toEqual({ kind: 'pending' });
    expect(holdsKey(store.getState())).toBe(false);
    expect(await verifying).toBe(true);
    expect(store.getState().accountVerify).toEqual({ kind: 'done', choices });
    expect(holdsKey(store.getState())).toBe(false);

    const input = {
      ...keys,
      name: 'Webshop NL',
      api: 'v3' as const,
      integrationId: 31,
      senderAddressId: 5,
      brandId: null,
      shippingOptionCode: null,
      testMode: true,
    };
    expect(await store.getState().addAccount(input)).toEqual(added);
    expect(calls.map((c) => c.name)).toEqual(['accounts.verify', 'accounts.add']);
    expect(calls[0]?.input).toEqual(keys);
    expect(store.getState()).toMatchObject({
      accounts: [added],
      accountVerify: null,
      accountAdd: null,
    });
    expect(holdsKey(store.getState())).toBe(false);
  });

  it('keeps a refused key check or add to show, without the keys', async () => {
    const { api } = fakeApi({
      'accounts.verify': async () => ({ ok: false, error: refused }),
      'accounts.add': async () => ({
        ok: false,
        error: failure('keychain-unavailable', 'The OS keychain is locked.'),
      }),
    });
    const store = createStationStore(api, null);
    expect(await store.getState().verifyKeys(keys)).toBe(false);
    expect(store.getState().accountVerify).toEqual({ kind: 'failed', error: refused });
    const add = { ...keys, name: 'Shop', integrationId: 31 };
    expect(await store.getState().addAccount(add)).toBeNull();
    expect(store.getState().accountAdd).toMatchObject({
      kind: 'failed',
      error: { code: 'keychain-unavailable' },
    });
    expect(store.getState().accounts).toBeNull();
    expect(holdsKey(store.getState())).toBe(false);
  });

  it('keeps the onboarding screen’s key check when the Accounts panel closes', async () => {
    const live = { ...status, mode: 'live' as const };
    const { api } = fakeApi({
      'station.status': async () => ({ ok: true, value: live }),
      'accounts.verify': async () => ({ ok: true, value: choices }),
      'accounts.list': async () => ({ ok: true, value: [] }),
      'merchants.list': async () => ({ ok: true, value: [] }),
    });
    const store = createStationStore(api, null);
    store.getState().start();
    await settle();
    await store.getState().verifyKeys(keys);
    store.getState().openAccounts();
    await settle();
    store.getState().closeAccounts();
    expect(store.getState().accountVerify).toEqual({ kind: 'done', choices });
  });

  it('drops a key check answered after its form was closed', async () => {
    const answer = deferred<Result<unknown>>();
    const { api } = fakeApi({ 'accounts.verify': () => answer.promise });
    const store = createStationStore(api, null);
    store.getState().openAccounts();
    const verifying = store.getState().verifyKeys(keys);
    store.getState().closeAccounts();
    answer.resolve({ ok: true, value: choices });
    expect(await verifying).toBe(false);
    expect(store.getState().accountVerify).toBeNull();
  });

  it('reconnects an account with new keys, closes its form and keeps no key', async () => {
    const { api, emit, calls } = fakeApi({
      'accounts.reconnect': async () => ({ ok: true, value: accountView('a') }),
      'accounts.list': async () => ({
        ok: true,
        value: [accountView('a', { state: 'reconnect' }), accountView('b')],
      }),
      'merchants.list': async () => ({ ok: true, value: [] }),
    });
    const store = createStationStore(api, null);
    store.getState().start();
    emit('accounts.changed', [accountView('a', { state: 'reconnect' }), accountView('b')]);
    store.getState().openAccounts('a');
    await settle();
    const reconnecting = store.getState().reconnectAccount('a', keys);
    expect(store.getState().accountActions['a']).toEqual({
      kind: 'pending',
      action: 'reconnect',
    });
    expect(await reconnecting).toBe(true);
    expect(calls.find((c) => c.name === 'accounts.reconnect')?.input).toEqual({ id: 'a', ...keys });
    expect(store.getState().accounts?.map((a) => a.state)).toEqual(['connected', 'connected']);
    expect(store.getState().reconnectTarget).toBeNull();
    expect(store.getState().accountActions).toEqual({});
    expect(holdsKey(store.getState())).toBe(false);
  });

  it('keeps a refused reconnect on its account and its form open', async () => {
    const { api, emit } = fakeApi({
      'accounts.reconnect': async () => ({ ok: false, error: refused }),
    });
    const store = createStationStore(api, null);
    store.getState().start();
    emit('accounts.changed', [accountView('a', { state: 'reconnect' })]);
    store.getState().showReconnect('a');
    expect(await store.getState().reconnectAccount('a', keys)).toBe(false);
    expect(store.getState().accountActions['a']).toEqual({
      kind: 'failed',
      action: 'reconnect',
      error: refused,
    });
    expect(store.getState().reconnectTarget).toBe('a');
    expect(store.getState().accounts?.[0]?.state).toBe('reconnect');
    expect(holdsKey(store.getState())).toBe(false);
  });

  it('lets a push newer than an update answer win', async () => {
    const answer = deferred<Result<unknown>>();
    const { api, emit } = fakeApi({ 'accounts.update': () => answer.promise });
    const store = createStationStore(api, null);
    store.getState().start();
    emit('accounts.changed', [accountView('a')]);
    const updating = store.getState().updateAccount('a', { testMode: true });
    // Sendcloud refused the keys while the edit was on its way.
    emit('accounts.changed', [accountView('a', { testMode: true, state: 'reconnect' })]);
    answer.resolve({ ok: true, value: accountView('a', { testMode: true }) });
    expect(await updating).toBe(true);
    expect(store.getState().accounts?.[0]).toMatchObject({ testMode: true, state: 'reconnect' });
  });

  it('removes an account and forgets its failed action', async () => {
    let fail = true;
    const { api, emit } = fakeApi({
      'accounts.remove': async () =>
        fail
          ? { ok: false, error: failure('internal', 'The keychain said no.') }
          : { ok: true, value: [accountView('b')] },
    });
    const store = createStationStore(api, null);
    store.getState().start();
    emit('accounts.changed', [accountView('a'), accountView('b')]);
    await store.getState().removeAccount('a');
    expect(store.getState().accountActions['a']).toMatchObject({
      kind: 'failed',
      action: 'remove',
    });
    fail = false;
    await store.getState().removeAccount('a');
    expect(store.getState().accounts?.map((a) => a.id)).toEqual(['b']);
    expect(store.getState().accountActions).toEqual({});
  });

  it('saves and removes merchants by key, keeping a refusal on its form', async () => {
    const acme = {
      id: 'm1',
      name: 'Acme',
      orderPrefix: 'ACME-',
      mode: 'centralised' as const,
      accountId: null,
      createdAt: '2026-05-01T10:00:00.000Z',
    };
    let refuse = false;
    const { api, calls } = fakeApi({
      'merchants.save': async () =>
        refuse
          ? { ok: false, error: failure('invalid-input', 'orderPrefix: taken') }
          : { ok: true, value: [acme] },
      'merchants.remove': async () => ({ ok: true, value: [] }),
    });
    const store = createStationStore(api, null);
    const input = { name: 'Acme', orderPrefix: 'ACME-', mode: 'centralised' as const };
    expect(await store.getState().saveMerchant(input)).toBe(true);
    expect(store.getState().merchants).toEqual([acme]);
    expect(store.getState().merchantSaves).toEqual({});
    refuse = true;
    expect(await store.getState().saveMerchant({ ...input, id: 'm1' })).toBe(false);
    expect(store.getState().merchantSaves['m1']).toMatchObject({ kind: 'failed' });
    expect(store.getState().merchantSaves['new']).toBeUndefined();
    await store.getState().removeMerchant('m1');
    expect(store.getState().merchants).toEqual([]);
    expect(calls.map((c) => c.name)).toEqual([
      'merchants.save',
      'merchants.save',
      'merchants.remove',
    ]);
  });

  it('hands the billing CSV to the caller and keeps only its name and row count', async () => {
    const csv = 'date,merchant,labels\n2026-11-21,Acme,3\n';
    const { api, calls } = fakeApi({
      'billing.export': async () => ({
        ok: true,
        value: { filename: 'billing-2026-11-21.csv', csv, rows: 1 },
      }),
    });
    const store = createStationStore(api, null);
    const range = { from: '2026-11-21', to: '2026-11-21' };
    expect(await store.getState().exportBilling(range)).toMatchObject({ csv, rows: 1 });
    expect(calls).toEqual([{ name: 'billing.export', input: range }]);
    expect(store.getState().billing).toEqual({
      kind: 'done',
      filename: 'billing-2026-11-21.csv',
      rows: 1,
    });
  });

  it('reads the accounts again with the status when the host connection comes back', async () => {
    let accounts = [accountView('a')];
    const { api, calls } = fakeApi({
      'station.status': async () => ({ ok: true, value: { ...status, accounts } }),
      'scan.recent': async () => ({ ok: true, value: [] }),
      'accounts.list': async () => ({ ok: true, value: accounts }),
      'merchants.list': async () => ({ ok: true, value: [] }),
    });
    const { host, change } = fakeHost();
    const store = createStationStore(api, host);
    store.getState().start();
    store.getState().openAccounts();
    await settle();
    // Revoked while the socket was down: its `accounts.changed` never arrived.
    accounts = [accountView('a', { state: 'reconnect' })];
    change('disconnected');
    calls.length = 0;
    change('connected');
    await settle();
    expect(store.getState().accounts?.[0]?.state).toBe('reconnect');
    expect(calls.map((c) => c.name)).toContain('merchants.list');
  });
});
