// The station's Sendcloud accounts: their settings (SQLite), their keys (the OS keychain only),
// one client each, and whether each can be used now. A 401 turns an account to `reconnect`;
// its jobs wait until a packer gives new keys, while other accounts carry on.
import {
  msg,
  type AccountChoices,
  type AccountState,
  type AccountView,
  type AppErrorData,
  type Message,
} from '../../src-shared';
import type { Clock } from '../clock';
import { AppError } from '../errors';
import { createLogger } from '../log';
import {
  createSendcloudClient,
  type SendcloudClient,
  type SendcloudClientOptions,
} from '../sendcloud/client';
import { SendcloudAuthError, SendcloudError } from '../sendcloud/errors';
import { sharedRateLimiter, type RateLimiter } from '../sendcloud/rate-limit';
import { describeFailure } from '../describe-error';
import { deleteAccount, listAccounts, saveAccount, type AccountRecord } from '../store/accounts';
import type { Db } from '../store/db';
import { deleteOrdersOfAccount } from '../store/orders';
import type { AccountKeys, KeyStore } from './keychain';

export type { AccountRecord };

/** The account PACKDESK_SENDCLOUD_* (or demo mode) gives: keys in memory, never stored. */
export const ENV_ACCOUNT_ID = 'env';

export interface AccountsOptions {
  db: Db;
  clock: Clock;
  newId: () => string;
  keys: KeyStore;
  /** Sendcloud's origin (or the simulator's). */
  baseUrl: string;
  /** The environment's (or demo mode's) account, if any. */
  fixed: {
    name: string;
    keys: AccountKeys;
    integrationId: number | null;
    /** Its own Sendcloud origin (the embedded simulator's, in demo mode). */
    url: string;
  } | null;
  /** What varies in every client: clock, limiter, fetch, timeout. */
  client?: Pick<SendcloudClientOptions, 'clock' | 'limiter' | 'fetch' | 'timeoutMs'>;
  /**
   * The limiter an account's clients use, around the local one (the process's for the account,
   * or `client.limiter`): the warehouse's write budget. Default: the local one.
   */
  limiterFor?: (baseUrl: string, publicKey: string, local: RateLimiter) => RateLimiter;
  onChange: (accounts: AccountView[]) => void;
}

interface Live {
  record: AccountRecord;
  fixed: boolean;
  state: AccountState;
  stateReason: Message | null;
  client: SendcloudClient | null;
}

const log = createLogger('accounts');

export function createAccounts(options: AccountsOptions) {
  const { db } = options;
  const live = new Map<string, Live>();
  let keychainError: AppErrorData | null = null;

  /** `accountId`: the account whose keys these are, turned to reconnect by any 401 they get. */
  const clientFor = (
    keys: AccountKeys,
    accountId: string | null,
    baseUrl = options.baseUrl,
  ): SendcloudClient => {
    const local =
      options.client?.limiter ??
      sharedRateLimiter(baseUrl, keys.publicKey, options.client?.clock ?? options.clock);
    return createSendcloudClient({
      clock: options.clock,
      ...options.client,
      limiter: options.limiterFor?.(baseUrl, keys.publicKey, local) ?? local,
      ...(accountId !== null ? { onKeysRefused: () => markReconnect(accountId) } : {}),
      baseUrl,
      publicKey: keys.publicKey,
      secretKey: keys.secretKey,
    });
  };

  if (options.fixed) {
    live.set(ENV_ACCOUNT_ID, {
      record: {
        id: ENV_ACCOUNT_ID,
        name: options.fixed.name,
        api: 'v3',
        integrationId: options.fixed.integrationId ?? 0,
        senderAddressId: null,
        brandId: null,
        shippingOptionCode: null,
        testMode: false,
        createdAt: new Date(options.clock.now()).toISOString(),
      },
      fixed: true,
      state: 'connected',
      stateReason: null,
      client: clientFor(options.fixed.keys, ENV_ACCOUNT_ID, options.fixed.url),
    });
  }
  for (const record of listAccounts(db)) {
    live.set(record.id, {
      record,
      fixed: false,
      state: 'locked',
      stateReason: msg('account.state.readingKeys'),
      client: null,
    });
  }

  const view = (account: Live): AccountView => ({
    ...account.record,
    state: account.state,
    stateReason: account.stateReason,
    fixed: account.fixed,
  });
  const list = () => [...live.values()].map(view);
  const changed = () => options.onChange(list());

  function get(id: string): Live {
    const account = live.get(id);
    if (!account) {
      throw new AppError('invalid-input', msg('account.unknown', { id }), {
        log: `There is no account ${id}.`,
      });
    }
    return account;
  }

  function editable(id: string): Live {
    const account = get(id);
    if (account.fixed) {
      throw new AppError('forbidden', msg('account.fixed', { account: account.record.name }), {
        log: `${account.record.name} is set by the station's environment; change it there.`,
      });
    }
    return account;
  }

  /** Sendcloud refused the keys (401): the account waits for new ones. */
  function markReconnect(id: string): void {
    const account = live.get(id);
    // Only a working account can be refused: a locked one stays locked, not "reconnect".
    if (!account || account.state !== 'connected') return;
    account.state = 'reconnect';
    account.stateReason = account.fixed
      ? msg('account.state.envKeysRefused')
      : msg('account.state.keysRefused');
    log.warn('Sendcloud refused an account’s keys', { account: id });
    changed();
  }

  /** Ask Sendcloud whether the keys work, and what they give access to. */
  async function choicesFor(keys: AccountKeys): Promise<AccountChoices> {
    const client = clientFor(keys, null);
    let integrations;
    try {
      integrations = await client.listIntegrations();
    } catch (error) {
      if (error instanceof SendcloudError && error.kind === 'auth') {
        throw new AppError('auth-failed', msg('account.keysNotAccepted'), {
          log: 'Sendcloud did not accept these keys.',
          cause: error,
        });
      }
      throw error;
    }
    const [senders, brands, options] = await Promise.all([
      client.listAllSenderAddresses().catch(() => []),
      client.listBrands().catch(() => []),
      client
        .getShippingOptions({})
        .then((result) => result.options)
        .catch(() => []),
    ]);
    return {
      integrations: integrations.map((i) => ({
        id: i.id,
        name: i.shop_name ?? `Integration ${i.id}`,
      })),
      senderAddresses: senders.map((address) => ({
        id: address.id,
        label: [address.company_name ?? address.name, address.address_line_1, address.city]
          .filter(Boolean)
          .join(', '),
      })),
      brands: brands.map((brand) => ({ id: brand.id, name: brand.name })),
      shippingOptions: options.map((option) => ({
        code: option.code,
        name: option.name ?? option.code,
        carrier: option.carrier?.name ?? option.carrier?.code ?? option.code.split(':')[0] ?? '',
      })),
    };
  }

  return {
    list,
    keychainError: () => keychainError,
    /** Read every stored account's keys: a locked keychain leaves them `locked`, not failed. */
    async load(): Promise<void> {
      // Only accounts set up on screen have keys there: headless and demo stations never ask.
      if (![...live.values()].some((account) => !account.fixed)) return;
      const problem = await options.keys.check();
      keychainError = problem;
      for (const account of live.values()) {
        if (account.fixed) continue;
        try {
          if (problem) {
            throw new AppError('keychain-unavailable', {
              key: problem.key,
              params: problem.params,
            });
          }
          const keys = await options.keys.read(account.record.id);
          if (!keys) {
            account.state = 'reconnect';
            account.stateReason = msg('account.state.keysMissing');
            continue;
          }
          account.client = clientFor(keys, account.record.id);
          account.state = 'connected';
          account.stateReason = null;
        } catch (error) {
          account.state = 'locked';
          const { key, params } = describeFailure(error);
          account.stateReason = { key, params };
        }
      }
      changed();
    },
    ids: () => [...live.keys()],
    /** Accounts whose jobs may run now. */
    usableIds: () =>
      [...live.values()].filter((a) => a.state === 'connected').map((a) => a.record.id),
    usable: (id: string) => live.get(id)?.state === 'connected',
    record: (id: string) => get(id).record,
    /** The client of a connected account; a job of another account waits (not fails). */
    client(id: string): SendcloudClient {
      const account = get(id);
      if (account.state !== 'connected' || !account.client) {
        // As Sendcloud's own 401 would: the job waits for a reconnect instead of failing.
        throw new SendcloudAuthError(`${account.record.name}: ${account.state}`);
      }
      return account.client;
    },
    /** The fixed account's integration, once the order sync has found it. */
    setIntegration(id: string, integrationId: number): void {
      const account = live.get(id);
      if (account && account.record.integrationId !== integrationId) {
        account.record = { ...account.record, integrationId };
        changed();
      }
    },
    verify: (keys: AccountKeys) => choicesFor(keys),
    async add(input: AccountKeys & Omit<AccountRecord, 'id' | 'createdAt'>): Promise<AccountView> {
      const { publicKey, secretKey, ...settings } = input;
      const keys = { publicKey, secretKey };
      const choices = await choicesFor(keys);
      if (!choices.integrations.some((i) => i.id === settings.integrationId)) {
        throw new AppError(
          'invalid-input',
          msg('account.noSuchIntegration', { id: settings.integrationId }),
          { log: `These keys have no integration ${settings.integrationId}.` },
        );
      }
      if ([...live.values()].some((a) => a.record.name === settings.name)) {
        throw new AppError('invalid-input', msg('account.nameTaken', { name: settings.name }), {
          log: 'There is already an account with this name.',
        });
      }
      const record: AccountRecord = {
        ...settings,
        id: options.newId(),
        createdAt: new Date(options.clock.now()).toISOString(),
      };
      // The keychain first: an account without its keys is never stored.
      await options.keys.write(record.id, keys);
      keychainError = null;
      saveAccount(db, record);
      const account: Live = {
        record,
        fixed: false,
        state: 'connected',
        stateReason: null,
        client: clientFor(keys, record.id),
      };
      live.set(record.id, account);
      log.info('account added', { account: record.id, testMode: record.testMode });
      changed();
      return view(account);
    },
    update(
      id: string,
      changes: Partial<Omit<AccountRecord, 'id' | 'createdAt' | 'api'>>,
    ): AccountView {
      const account = editable(id);
      account.record = { ...account.record, ...changes };
      saveAccount(db, account.record);
      changed();
      return view(account);
    },
    /** New keys for an account: checked against its integration, stored, the account usable. */
    async reconnect(id: string, keys: AccountKeys): Promise<AccountView> {
      const account = editable(id);
      const choices = await choicesFor(keys);
      if (!choices.integrations.some((i) => i.id === account.record.integrationId)) {
        throw new AppError(
          'invalid-input',
          msg('account.keysMissIntegration', {
            id: account.record.integrationId,
            account: account.record.name,
          }),
          { log: `These keys do not reach integration ${account.record.integrationId}.` },
        );
      }
      await options.keys.write(id, keys);
      keychainError = null;
      account.client = clientFor(keys, id);
      account.state = 'connected';
      account.stateReason = null;
      log.info('account reconnected', { account: id });
      changed();
      return view(account);
    },
    /** Remove an account, its keychain entry and its cached orders. */
    async remove(id: string): Promise<AccountView[]> {
      const account = editable(id);
      await options.keys.remove(id);
      deleteAccount(db, id);
      deleteOrdersOfAccount(db, id);
      live.delete(id);
      log.info('account removed', { account: id, name: account.record.name });
      changed();
      return list();
    },
  };
}

export type Accounts = ReturnType<typeof createAccounts>;
