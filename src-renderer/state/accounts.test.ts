import { describe, expect, it } from 'vitest';
import type { AccountChoices, AccountView, MerchantView, StationStatus } from '../../src-shared';
import { msg } from '../../src-shared/messages';
import {
  accountProblems,
  applyAccountAnswer,
  authFailedText,
  checkAccountDraft,
  checkAccountEdit,
  checkKeys,
  checkMerchant,
  checkRange,
  chooseIntegration,
  editDraftOf,
  exportedText,
  initialDraft,
  isKeysError,
  keysErrorText,
  knownAccounts,
  localDate,
  needsOnboarding,
  parseChoiceId,
  todayRange,
  type MerchantDraft,
} from './accounts';

function account(id: string, overrides: Partial<AccountView> = {}): AccountView {
  return {
    id,
    name: `Shop ${id}`,
    state: 'connected',
    stateReason: null,
    api: 'v3',
    integrationId: 100,
    senderAddressId: 7,
    brandId: null,
    shippingOptionCode: null,
    testMode: false,
    fixed: false,
    createdAt: '2026-05-01T10:00:00.000Z',
    ...overrides,
  };
}

function merchant(id: string, overrides: Partial<MerchantView> = {}): MerchantView {
  return {
    id,
    name: `Merchant ${id}`,
    orderPrefix: `${id.toUpperCase()}-`,
    mode: 'centralised',
    accountId: null,
    createdAt: '2026-05-01T10:00:00.000Z',
    ...overrides,
  };
}

const status: StationStatus = {
  mode: 'live',
  sendcloudUrl: 'https://panel.sendcloud.sc',
  integration: null,
  printer: null,
  ordersCached: 0,
  ordersSyncedAt: null,
  syncError: null,
  connectivity: {
    online: true,
    since: '2026-05-01T10:00:00.000Z',
    queueLength: 0,
    lastError: null,
  },
  outbox: { drainMode: 'print', staleAfterMinutes: 60 },
  accounts: [],
  keychainError: null,
  warehouse: { kind: 'single' },
};

const choices: AccountChoices = {
  integrations: [
    { id: 31, name: 'Webshop NL' },
    { id: 32, name: 'Marketplace' },
  ],
  senderAddresses: [
    { id: 5, label: 'Warehouse, Eindhoven' },
    { id: 6, label: 'Shop, Utrecht' },
  ],
  brands: [{ id: 9, name: 'Acme' }],
  shippingOptions: [{ code: 'postnl:standard', name: 'PostNL Standard', carrier: 'PostNL' }],
};

const keys = { publicKey: ' pub-1 ', secretKey: ' sec-1\n' };

describe('onboarding', () => {
  it('asks for an account on a live station without one, never in demo mode', () => {
    expect(needsOnboarding(status, null)).toBe(true);
    expect(needsOnboarding(status, [account('a')])).toBe(false);
    expect(needsOnboarding({ ...status, accounts: [account('a')] }, null)).toBe(false);
    // The live slice is newer than the status it came with.
    expect(needsOnboarding({ ...status, accounts: [account('a')] }, [])).toBe(true);
    expect(needsOnboarding({ ...status, mode: 'demo' }, [])).toBe(false);
    expect(needsOnboarding(null, [])).toBe(false);
  });

  it('reads the accounts from the slice once there is one, from the status until then', () => {
    expect(knownAccounts(null, null)).toEqual([]);
    expect(knownAccounts(null, { ...status, accounts: [account('a')] })).toEqual([account('a')]);
    expect(knownAccounts([account('b')], { ...status, accounts: [account('a')] })).toEqual([
      account('b'),
    ]);
  });

  it('asks for each key before anything is sent, and trims what was pasted', () => {
    expect(checkKeys({ publicKey: '  ', secretKey: 'x' })).toEqual({
      ok: false,
      field: 'publicKey',
      problem: { key: 'rules.publicKey.empty', params: {} },
    });
    expect(checkKeys({ publicKey: 'p', secretKey: '' })).toMatchObject({
      ok: false,
      field: 'secretKey',
      problem: { key: 'rules.secretKey.empty' },
    });
    expect(checkKeys({ publicKey: 'p', secretKey: 'sec 1' })).toMatchObject({
      ok: false,
      field: 'secretKey',
      problem: { key: 'rules.key.space' },
    });
    expect(checkKeys(keys)).toEqual({ ok: true, keys: { publicKey: 'pub-1', secretKey: 'sec-1' } });
  });

  it('says where to copy keys from when Sendcloud refuses them, and passes keychain trouble on', () => {
    const refused = { code: 'auth-failed' as const, ...msg('error.internal') };
    expect(keysErrorText(refused)).toEqual(authFailedText);
    expect(authFailedText).toEqual(msg('ui.accounts.keys.refused'));
    expect(isKeysError(refused)).toBe(true);
    const locked = {
      code: 'keychain-unavailable' as const,
      ...msg('error.invalidInput', { detail: 'locked' }),
    };
    expect(keysErrorText(locked)).toEqual({ key: locked.key, params: locked.params });
    expect(isKeysError(locked)).toBe(false);
    expect(keysErrorText({ code: 'offline', ...msg('error.internal') })).toEqual(
      msg('ui.accounts.keys.unreachable', { reason: msg('error.internal') }),
    );
  });

  it('starts step 2 at the first integration, named after it, and Sendcloud’s default sender', () => {
    expect(initialDraft(choices)).toEqual({
      name: 'Webshop NL',
      nameEdited: false,
      api: 'v3',
      integrationId: 31,
      senderAddressId: null,
      brandId: null,
      shippingOptionCode: null,
      testMode: false,
    });
    expect(initialDraft({ ...choices, integrations: [], senderAddresses: [] })).toMatchObject({
      name: '',
      integrationId: null,
      senderAddressId: null,
    });
  });

  it('renames the account after a newly chosen integration until the packer names it', () => {
    const draft = initialDraft(choices);
    expect(chooseIntegration(draft, choices, 32)).toMatchObject({
      integrationId: 32,
      name: 'Marketplace',
    });
    const named = { ...draft, name: 'Bench 1', nameEdited: true };
    expect(chooseIntegration(named, choices, 32)).toMatchObject({
      integrationId: 32,
      name: 'Bench 1',
    });
  });

  it('builds the add input with the trimmed keys and every choice', () => {
    const draft = {
      ...initialDraft(choices),
      name: '  Webshop ',
      api: 'v2' as const,
      brandId: 9,
      senderAddressId: 6,
      shippingOptionCode: 'postnl:standard',
      testMode: true,
    };
    expect(checkAccountDraft(keys, draft, [])).toEqual({
      ok: true,
      input: {
        publicKey: 'pub-1',
        secretKey: 'sec-1',
        name: 'Webshop',
        api: 'v2',
        integrationId: 31,
        senderAddressId: 6,
        brandId: 9,
        shippingOptionCode: 'postnl:standard',
        testMode: true,
      },
    });
  });

  it('refuses a draft with no name, a name taken, or no integration to ship with', () => {
    const draft = initialDraft(choices);
    expect(checkAccountDraft(keys, { ...draft, name: ' ' }, [])).toMatchObject({
      ok: false,
      field: 'name',
    });
    expect(checkAccountDraft(keys, draft, [account('a', { name: 'webshop nl' })])).toMatchObject({
      ok: false,
      field: 'name',
      message: msg('ui.accounts.form.nameTakenNew', { name: 'Webshop NL' }),
    });
    expect(checkAccountDraft(keys, { ...draft, integrationId: null }, [])).toMatchObject({
      ok: false,
      field: 'integration',
      message: msg('ui.accounts.form.noIntegration'),
    });
  });

  it('reads a select value as an id, empty or junk as none', () => {
    expect(parseChoiceId('31')).toBe(31);
    expect(parseChoiceId('')).toBeNull();
    expect(parseChoiceId('0')).toBeNull();
    expect(parseChoiceId('3.5')).toBeNull();
  });
});

describe('accounts', () => {
  it('puts every account that holds labels back on the banner, with why', () => {
    const refusal = msg('error.invalidInput', { detail: '401' });
    const problems = accountProblems([
      account('a'),
      account('b', { state: 'reconnect', stateReason: refusal }),
      account('c', { state: 'locked', stateReason: null }),
    ]);
    expect(problems.map((p) => [p.account.id, p.headline.key])).toEqual([
      ['b', 'ui.accounts.problem.reconnect'],
      ['c', 'ui.accounts.problem.locked'],
    ]);
    expect(problems[0]?.advice).toEqual(refusal);
    expect(problems[1]?.advice).toEqual(msg('ui.accounts.problem.lockedAdvice'));
    expect(accountProblems([account('a')])).toEqual([]);
  });

  it('sends only what an edit changed, and nothing when nothing did', () => {
    const shop = account('a', { shippingOptionCode: 'dhl:small' });
    const draft = editDraftOf(shop);
    expect(checkAccountEdit(shop, draft, [shop])).toEqual({ ok: true, changes: null });
    expect(
      checkAccountEdit(shop, { ...draft, name: ' Shop A2 ', shippingOptionCode: ' ' }, [shop]),
    ).toEqual({ ok: true, changes: { name: 'Shop A2', shippingOptionCode: null } });
    expect(checkAccountEdit(shop, { ...draft, testMode: true }, [shop])).toEqual({
      ok: true,
      changes: { testMode: true },
    });
    expect(
      checkAccountEdit(shop, { ...draft, name: 'shop b' }, [shop, account('b')]),
    ).toMatchObject({ ok: false, field: 'name' });
  });

  it('puts an answered account in its place, or adds it', () => {
    const list = [account('a'), account('b')];
    const changed = account('b', { state: 'reconnect' });
    expect(applyAccountAnswer(list, changed)).toEqual([account('a'), changed]);
    expect(applyAccountAnswer(list, account('c')).map((a) => a.id)).toEqual(['a', 'b', 'c']);
  });
});

describe('merchants', () => {
  const accounts = [account('a'), account('m')];
  const draft: MerchantDraft = {
    name: ' Acme ',
    orderPrefix: ' ACME- ',
    mode: 'centralised',
    accountId: 'm',
  };

  it('saves a centralised merchant without an account, trimmed', () => {
    expect(checkMerchant(draft, null, [], accounts)).toEqual({
      ok: true,
      input: { name: 'Acme', orderPrefix: 'ACME-', mode: 'centralised', accountId: null },
    });
  });

  it("needs a decentralised merchant's own account, and one that exists", () => {
    const decentralised = { ...draft, mode: 'decentralised' as const };
    expect(checkMerchant(decentralised, 'x1', [], accounts)).toEqual({
      ok: true,
      input: {
        id: 'x1',
        name: 'Acme',
        orderPrefix: 'ACME-',
        mode: 'decentralised',
        accountId: 'm',
      },
    });
    expect(checkMerchant({ ...decentralised, accountId: null }, null, [], accounts)).toMatchObject({
      ok: false,
      field: 'accountId',
    });
    expect(
      checkMerchant({ ...decentralised, accountId: 'gone' }, null, [], accounts),
    ).toMatchObject({ ok: false, field: 'accountId' });
  });

  it('refuses an empty name or prefix, a prefix with odd characters, and a taken name or prefix', () => {
    expect(checkMerchant({ ...draft, name: '' }, null, [], accounts)).toMatchObject({
      field: 'name',
    });
    expect(checkMerchant({ ...draft, orderPrefix: '  ' }, null, [], accounts)).toMatchObject({
      field: 'orderPrefix',
    });
    expect(checkMerchant({ ...draft, orderPrefix: 'ÄCME-' }, null, [], accounts)).toMatchObject({
      field: 'orderPrefix',
    });
    const acme = merchant('acme', { name: 'Acme', orderPrefix: 'ACME-' });
    expect(checkMerchant({ ...draft, name: 'Other' }, null, [acme], accounts)).toMatchObject({
      ok: false,
      field: 'orderPrefix',
      message: msg('ui.accounts.merchant.prefixTaken', { name: 'Acme', prefix: 'ACME-' }),
    });
    expect(
      checkMerchant({ ...draft, name: 'acme', orderPrefix: 'AC-' }, null, [acme], accounts),
    ).toMatchObject({ ok: false, field: 'name' });
    // Nested prefixes are allowed: the station takes the longest that matches.
    expect(
      checkMerchant({ ...draft, name: 'Acme EU', orderPrefix: 'ACME-EU-' }, null, [acme], accounts),
    ).toMatchObject({ ok: true });
    // Its own name and prefix do not clash with itself when edited.
    expect(checkMerchant(draft, 'acme', [acme], accounts)).toMatchObject({ ok: true });
  });
});

describe('billing export', () => {
  it('defaults to today in local time', () => {
    const evening = new Date(2026, 10, 21, 23, 30);
    expect(localDate(evening)).toBe('2026-11-21');
    expect(todayRange(new Date(2026, 0, 5, 0, 1))).toEqual({
      from: '2026-01-05',
      to: '2026-01-05',
    });
  });

  it('refuses a missing day or an end before the start', () => {
    expect(checkRange({ from: '', to: '2026-11-21' })).toEqual({
      ok: false,
      field: 'from',
      message: msg('ui.accounts.billing.fromMissing'),
    });
    expect(checkRange({ from: '2026-11-21', to: '' })).toMatchObject({ ok: false, field: 'to' });
    expect(checkRange({ from: '2026-11-22', to: '2026-11-21' })).toEqual({
      ok: false,
      field: 'to',
      message: msg('ui.accounts.billing.backwards'),
    });
    expect(checkRange({ from: '2026-11-01', to: '2026-11-30' })).toEqual({
      ok: true,
      range: { from: '2026-11-01', to: '2026-11-30' },
    });
  });

  it('says how many rows went into the file', () => {
    expect(exportedText(3, 'billing.csv')).toEqual(
      msg('ui.accounts.billing.exported', { count: 3, filename: 'billing.csv' }),
    );
    expect(exportedText(1, 'billing.csv')).toEqual(
      msg('ui.accounts.billing.exported', { count: 1, filename: 'billing.csv' }),
    );
    expect(exportedText(0, 'billing.csv')).toEqual(
      msg('ui.accounts.billing.empty', { filename: 'billing.csv' }),
    );
  });
});
