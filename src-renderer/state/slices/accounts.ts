// The Accounts screen: Sendcloud accounts, onboarding's key check, merchants and the billing
// export. Sendcloud keys pass through these actions as arguments and are never kept.
import type {
  AccountChoices,
  AccountView,
  AppErrorData,
  BillingExport,
  MerchantView,
  Result,
} from '../../../src-shared';
import {
  applyAccountAnswer,
  type AccountChanges,
  type AddAccountInput,
  type DateRange,
  type KeysDraft,
  type SaveMerchantInput,
} from '../accounts';
import { createOvertaking, failedOrNothing, keepKeys, type Keyed, type Pending } from '../helpers';
import { keyed, type SliceContext } from './context';

/** Checking keys typed for a new account: on its way, refused, or what they give access to. */
export type VerifyState =
  | { kind: 'pending' }
  | { kind: 'failed'; error: AppErrorData }
  | { kind: 'done'; choices: AccountChoices };

export type AccountActionName = 'update' | 'remove' | 'reconnect';

/** An edit, removal or reconnect a packer asked for on one account. */
export type AccountAction =
  | { kind: 'pending'; action: AccountActionName }
  | { kind: 'failed'; action: AccountActionName; error: AppErrorData };

/** A billing export: on its way, refused, or what it wrote (the CSV itself is not kept). */
export type BillingState =
  | { kind: 'pending' }
  | { kind: 'done'; filename: string; rows: number }
  | { kind: 'failed'; error: AppErrorData };

export interface AccountsSlice {
  /** The Sendcloud accounts, from the status, `accounts.list` or `accounts.changed`. */
  accounts: AccountView[] | null;
  accountsError: AppErrorData | null;
  /** The onboarding key check; its choices stay until the account is added or the form closed. */
  accountVerify: VerifyState | null;
  accountAdd: Pending | null;
  /** By account id. */
  accountActions: Keyed<AccountAction>;
  merchants: MerchantView[] | null;
  merchantsError: AppErrorData | null;
  /** By merchant id, or `new` for the add form. */
  merchantSaves: Keyed<Pending>;
  merchantRemoves: Keyed<Pending>;
  billing: BillingState | null;
  loadAccounts(): Promise<void>;
  /** Check typed keys with Sendcloud; true when they work and their choices are in `accountVerify`. */
  verifyKeys(keys: KeysDraft): Promise<boolean>;
  /** Forget the key check and its choices (the form was closed or its keys edited). */
  resetOnboarding(): void;
  addAccount(input: AddAccountInput): Promise<AccountView | null>;
  updateAccount(id: string, changes: AccountChanges): Promise<boolean>;
  reconnectAccount(id: string, keys: KeysDraft): Promise<boolean>;
  removeAccount(id: string): Promise<void>;
  loadMerchants(): Promise<void>;
  saveMerchant(input: SaveMerchantInput): Promise<boolean>;
  removeMerchant(id: string): Promise<void>;
  /** Ask for the billing CSV; the caller saves it, the store keeps only its name and rows. */
  exportBilling(range: DateRange): Promise<BillingExport | null>;
}

export function setAccounts(ctx: SliceContext, accounts: AccountView[]): void {
  // A removed account's pending or failed action, or its reconnect form, has nothing left.
  const known = new Set(accounts.map((account) => account.id));
  const { accountActions, reconnectTarget } = ctx.get();
  ctx.set({
    accounts,
    accountsError: null,
    accountActions: keepKeys(accountActions, (id) => known.has(id)),
    ...(reconnectTarget !== null && !known.has(reconnectTarget) ? { reconnectTarget: null } : {}),
  });
}

export function onAccountsPushed(ctx: SliceContext, accounts: AccountView[]): void {
  ctx.pushes.accounts.overtake();
  setAccounts(ctx, accounts);
}

export function accountsSlice(ctx: SliceContext): AccountsSlice {
  // Each key check owns `accountVerify` until a newer one (or a reset) starts.
  const verifying = createOvertaking();
  const pushes = ctx.pushes.accounts;

  /** Apply one account a command answered with, unless a push already said newer. */
  const applyAccount = (account: AccountView, fresh: () => boolean): void => {
    if (!fresh()) return;
    const { accounts, status } = ctx.get();
    setAccounts(ctx, applyAccountAnswer(accounts ?? status?.accounts ?? [], account));
  };

  /** Run a command on one account, keeping its pending and failed state by id. */
  const actOnAccount = async <T>(
    id: string,
    action: AccountActionName,
    call: () => Promise<Result<T>>,
    apply: (value: T, fresh: () => boolean) => void,
  ): Promise<boolean> => {
    const fresh = pushes.since();
    const result = await keyed(ctx, 'accountActions').run(
      id,
      { kind: 'pending', action },
      async () => {
        const answer = await call();
        if (answer.ok) apply(answer.value, fresh);
        return answer;
      },
      (answer) => (answer.ok ? null : { kind: 'failed', action, error: answer.error }),
    );
    if (result?.ok && action === 'reconnect' && ctx.get().reconnectTarget === id) {
      ctx.set({ reconnectTarget: null });
    }
    return result?.ok ?? false;
  };

  const merchantsAnswer = (result: Result<MerchantView[]>): void => {
    if (result.ok) ctx.set({ merchants: result.value, merchantsError: null });
  };

  return {
    accounts: null,
    accountsError: null,
    accountVerify: null,
    accountAdd: null,
    accountActions: {},
    merchants: null,
    merchantsError: null,
    merchantSaves: {},
    merchantRemoves: {},
    billing: null,

    async loadAccounts() {
      const fresh = pushes.since();
      const result = await ctx.api.accounts.list({});
      if (!result.ok) ctx.set({ accountsError: result.error });
      else if (fresh()) setAccounts(ctx, result.value);
    },

    async verifyKeys(keys) {
      verifying.overtake();
      const mine = verifying.since();
      ctx.set({ accountVerify: { kind: 'pending' }, accountAdd: null });
      const result = await ctx.api.accounts.verify({
        publicKey: keys.publicKey,
        secretKey: keys.secretKey,
      });
      // The form was closed or its keys edited meanwhile: this answer is for keys gone.
      if (!mine()) return false;
      ctx.set({
        accountVerify: result.ok
          ? { kind: 'done', choices: result.value }
          : { kind: 'failed', error: result.error },
      });
      return result.ok;
    },

    resetOnboarding() {
      verifying.overtake();
      ctx.set({ accountVerify: null, accountAdd: null });
    },

    async addAccount(input) {
      if (ctx.get().accountAdd?.kind === 'pending') return null;
      ctx.set({ accountAdd: { kind: 'pending' } });
      const fresh = pushes.since();
      const result = await ctx.api.accounts.add(input);
      if (!result.ok) {
        ctx.set({ accountAdd: { kind: 'failed', error: result.error } });
        return null;
      }
      applyAccount(result.value, fresh);
      verifying.overtake();
      ctx.set({ accountAdd: null, accountVerify: null });
      return result.value;
    },

    updateAccount(id, changes) {
      return actOnAccount(
        id,
        'update',
        () => ctx.api.accounts.update({ id, ...changes }),
        applyAccount,
      );
    },

    reconnectAccount(id, keys) {
      return actOnAccount(
        id,
        'reconnect',
        () =>
          ctx.api.accounts.reconnect({ id, publicKey: keys.publicKey, secretKey: keys.secretKey }),
        applyAccount,
      );
    },

    async removeAccount(id) {
      await actOnAccount(
        id,
        'remove',
        () => ctx.api.accounts.remove({ id }),
        (accounts, fresh) => {
          if (fresh()) setAccounts(ctx, accounts);
        },
      );
    },

    async loadMerchants() {
      const result = await ctx.api.merchants.list({});
      if (result.ok) ctx.set({ merchants: result.value, merchantsError: null });
      else ctx.set({ merchantsError: result.error });
    },

    async saveMerchant(input) {
      const result = await keyed(ctx, 'merchantSaves').run(
        input.id ?? 'new',
        { kind: 'pending' },
        async () => {
          const answer = await ctx.api.merchants.save(input);
          merchantsAnswer(answer);
          return answer;
        },
        failedOrNothing,
      );
      return result?.ok ?? false;
    },

    async removeMerchant(id) {
      await keyed(ctx, 'merchantRemoves').run(
        id,
        { kind: 'pending' },
        async () => {
          const answer = await ctx.api.merchants.remove({ id });
          merchantsAnswer(answer);
          return answer;
        },
        failedOrNothing,
      );
    },

    async exportBilling(range) {
      if (ctx.get().billing?.kind === 'pending') return null;
      ctx.set({ billing: { kind: 'pending' } });
      const result = await ctx.api.billing.export(range);
      ctx.set({
        billing: result.ok
          ? { kind: 'done', filename: result.value.filename, rows: result.value.rows }
          : { kind: 'failed', error: result.error },
      });
      return result.ok ? result.value : null;
    },
  };
}
