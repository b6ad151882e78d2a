// Pure account logic for the renderer: how an account's state reads, which accounts hold labels
// back, what the onboarding and merchant forms send, and the billing export's dates. No React, no
// store: the header, the banner and the Accounts panel share it. Keys pass through here as
// arguments only; nothing in this file keeps them.
import type {
  AccountChoices,
  AccountState,
  AccountView,
  AppErrorData,
  CommandInput,
  MerchantMode,
  MerchantView,
  StationStatus,
} from '../../src-shared';
import { msg, type Message } from '../../src-shared/messages';
import {
  checkKeyField,
  type KeyField,
  type KeyProblemKey,
  type RuleProblem,
} from '../../src-shared/rules';

export type AddAccountInput = CommandInput<'accounts.add'>;
export type AccountChanges = Omit<CommandInput<'accounts.update'>, 'id'>;
export type SaveMerchantInput = CommandInput<'merchants.save'>;

/** What the state pill says. */
export const accountStateLabel = (state: AccountState): Message =>
  msg(`ui.accounts.state.${state}`);

/** Pill colours: green connected, red when labels wait on a packer. */
export const accountStateTone: Record<AccountState, 'ready' | 'fault'> = {
  connected: 'ready',
  reconnect: 'fault',
  locked: 'fault',
};

export const merchantModeLabel = (mode: MerchantMode): { title: Message; detail: Message } => ({
  title: msg(`ui.accounts.merchant.mode.${mode}`),
  detail: msg(`ui.accounts.merchant.modeDetail.${mode}`),
});

export const authFailedText = msg('ui.accounts.keys.refused');

/** The first screen asks for an account when a live station has none to ship with. */
export function needsOnboarding(
  status: StationStatus | null,
  accounts: readonly AccountView[] | null,
): boolean {
  if (!status || status.mode !== 'live') return false;
  return (accounts ?? status.accounts).length === 0;
}

/** The accounts the screens show: the live slice once there is one, the status's until then. */
export function knownAccounts(
  accounts: readonly AccountView[] | null,
  status: StationStatus | null,
): readonly AccountView[] {
  return accounts ?? status?.accounts ?? [];
}

/** One line of the red banner: an account whose labels wait until a packer acts. */
export interface AccountProblem {
  account: AccountView;
  headline: Message;
  advice: Message;
}

export function accountProblems(accounts: readonly AccountView[]): AccountProblem[] {
  return accounts.flatMap((account): AccountProblem[] => {
    switch (account.state) {
      case 'connected':
        return [];
      case 'reconnect':
        return [
          {
            account,
            headline: msg('ui.accounts.problem.reconnect'),
            advice: account.stateReason ?? msg('ui.accounts.problem.reconnectAdvice'),
          },
        ];
      case 'locked':
        return [
          {
            account,
            headline: msg('ui.accounts.problem.locked'),
            advice: account.stateReason ?? msg('ui.accounts.problem.lockedAdvice'),
          },
        ];
    }
  });
}

/** What a refused key check or add says next to the keys. */
export function keysErrorText(error: AppErrorData): Message {
  const said: Message = { key: error.key, params: error.params };
  switch (error.code) {
    case 'auth-failed':
      return authFailedText;
    case 'offline':
      return msg('ui.accounts.keys.unreachable', { reason: said });
    default:
      return said;
  }
}

/** Errors that are about the keys typed, so the keys field is the one marked invalid. */
export function isKeysError(error: AppErrorData): boolean {
  return error.code === 'auth-failed' || error.code === 'invalid-input';
}

export interface KeysDraft {
  publicKey: string;
  secretKey: string;
}

export const emptyKeys: KeysDraft = { publicKey: '', secretKey: '' };

export type KeysCheck =
  | { ok: true; keys: KeysDraft }
  | { ok: false; field: KeyField; problem: RuleProblem<KeyProblemKey> };

/**
 * Catch a key that cannot be one here, before anything leaves the window, by the key-field rule
 * the contract checks again in main (src-shared/rules).
 */
export function checkKeys(draft: KeysDraft): KeysCheck {
  const publicKey = checkKeyField('publicKey', draft.publicKey);
  if (!publicKey.ok) return { ok: false, field: 'publicKey', problem: publicKey.problem };
  const secretKey = checkKeyField('secretKey', draft.secretKey);
  if (!secretKey.ok) return { ok: false, field: 'secretKey', problem: secretKey.problem };
  return { ok: true, keys: { publicKey: publicKey.value, secretKey: secretKey.value } };
}

/** Step 2 of onboarding: the choices a packer makes for the account. */
export interface AccountDraft {
  name: string;
  /** True once the packer typed a name: a new integration then no longer renames it. */
  nameEdited: boolean;
  api: 'v3' | 'v2';
  integrationId: number | null;
  senderAddressId: number | null;
  brandId: number | null;
  shippingOptionCode: string | null;
  testMode: boolean;
}

/**
 * The first integration, named after it; the sender address the account marks as default in
 * Sendcloud (the list does not say which that is, so none is picked here): one click to add.
 */
export function initialDraft(choices: AccountChoices): AccountDraft {
  const integration = choices.integrations[0] ?? null;
  return {
    name: integration?.name ?? '',
    nameEdited: false,
    api: 'v3',
    integrationId: integration?.id ?? null,
    senderAddressId: null,
    brandId: null,
    shippingOptionCode: null,
    testMode: false,
  };
}

/** Choosing another integration renames the account after it, unless the packer named it. */
export function chooseIntegration(
  draft: AccountDraft,
  choices: AccountChoices,
  integrationId: number,
): AccountDraft {
  const integration = choices.integrations.find((choice) => choice.id === integrationId);
  return {
    ...draft,
    integrationId,
    name: draft.nameEdited || !integration ? draft.name : integration.name,
  };
}

export type DraftCheck =
  | { ok: true; input: AddAccountInput }
  | { ok: false; field: 'name' | 'integration'; message: Message };

export function checkAccountDraft(
  keys: KeysDraft,
  draft: AccountDraft,
  accounts: readonly AccountView[],
): DraftCheck {
  const name = draft.name.trim();
  if (!name) return { ok: false, field: 'name', message: msg('ui.accounts.form.nameMissing') };
  if (accounts.some((account) => account.name.trim().toLowerCase() === name.toLowerCase())) {
    return { ok: false, field: 'name', message: msg('ui.accounts.form.nameTakenNew', { name }) };
  }
  if (draft.integrationId === null) {
    return {
      ok: false,
      field: 'integration',
      message: msg('ui.accounts.form.noIntegration'),
    };
  }
  return {
    ok: true,
    input: {
      publicKey: keys.publicKey.trim(),
      secretKey: keys.secretKey.trim(),
      name,
      api: draft.api,
      integrationId: draft.integrationId,
      senderAddressId: draft.senderAddressId,
      brandId: draft.brandId,
      shippingOptionCode: draft.shippingOptionCode,
      testMode: draft.testMode,
    },
  };
}

/** `<select>` values are strings; an empty one is "none". */
export function parseChoiceId(value: string): number | null {
  const id = Number(value);
  return value !== '' && Number.isInteger(id) && id > 0 ? id : null;
}

/** The editable settings of an account, as its edit form holds them. */
export interface AccountEditDraft {
  name: string;
  shippingOptionCode: string;
  testMode: boolean;
}

export function editDraftOf(account: AccountView): AccountEditDraft {
  return {
    name: account.name,
    shippingOptionCode: account.shippingOptionCode ?? '',
    testMode: account.testMode,
  };
}

export type EditCheck =
  { ok: true; changes: AccountChanges | null } | { ok: false; field: 'name'; message: Message };

/** Only what changed is sent; null when nothing did. */
export function checkAccountEdit(
  account: AccountView,
  draft: AccountEditDraft,
  accounts: readonly AccountView[],
): EditCheck {
  const name = draft.name.trim();
  if (!name) return { ok: false, field: 'name', message: msg('ui.accounts.form.nameMissing') };
  const taken = accounts.some(
    (other) => other.id !== account.id && other.name.trim().toLowerCase() === name.toLowerCase(),
  );
  if (taken) {
    return { ok: false, field: 'name', message: msg('ui.accounts.form.nameTaken', { name }) };
  }
  const code = draft.shippingOptionCode.trim() || null;
  const changes: AccountChanges = {
    ...(name !== account.name ? { name } : {}),
    ...(code !== account.shippingOptionCode ? { shippingOptionCode: code } : {}),
    ...(draft.testMode !== account.testMode ? { testMode: draft.testMode } : {}),
  };
  return { ok: true, changes: Object.keys(changes).length > 0 ? changes : null };
}

/** An account the station answered with takes its place in the list, or joins it. */
export function applyAccountAnswer(
  accounts: readonly AccountView[],
  answer: AccountView,
): AccountView[] {
  const known = accounts.some((account) => account.id === answer.id);
  return known
    ? accounts.map((account) => (account.id === answer.id ? answer : account))
    : [...accounts, answer];
}

export interface MerchantDraft {
  name: string;
  orderPrefix: string;
  mode: MerchantMode;
  accountId: string | null;
}

export const emptyMerchant: MerchantDraft = {
  name: '',
  orderPrefix: '',
  mode: 'centralised',
  accountId: null,
};

export function merchantDraftOf(merchant: MerchantView): MerchantDraft {
  return {
    name: merchant.name,
    orderPrefix: merchant.orderPrefix,
    mode: merchant.mode,
    accountId: merchant.accountId,
  };
}

export type MerchantCheck =
  | { ok: true; input: SaveMerchantInput }
  | { ok: false; field: 'name' | 'orderPrefix' | 'accountId'; message: Message };

/**
 * Check a merchant before it is saved. Prefixes may nest ("ACME-" and "ACME-EU-": the longest
 * match wins), but two merchants with the same prefix or name could not be told apart.
 */
export function checkMerchant(
  draft: MerchantDraft,
  id: string | null,
  merchants: readonly MerchantView[],
  accounts: readonly AccountView[],
): MerchantCheck {
  const name = draft.name.trim();
  if (!name) return { ok: false, field: 'name', message: msg('ui.accounts.merchant.nameMissing') };
  const others = merchants.filter((other) => other.id !== id);
  if (others.some((other) => other.name.trim().toLowerCase() === name.toLowerCase())) {
    return { ok: false, field: 'name', message: msg('ui.accounts.merchant.nameTaken', { name }) };
  }
  const orderPrefix = draft.orderPrefix.trim();
  if (!orderPrefix) {
    return {
      ok: false,
      field: 'orderPrefix',
      message: msg('ui.accounts.merchant.prefixMissing'),
    };
  }
  if (!/^[\x20-\x7E]+$/.test(orderPrefix)) {
    return {
      ok: false,
      field: 'orderPrefix',
      message: msg('ui.accounts.merchant.prefixChars'),
    };
  }
  const clash = others.find((other) => other.orderPrefix === orderPrefix);
  if (clash) {
    return {
      ok: false,
      field: 'orderPrefix',
      message: msg('ui.accounts.merchant.prefixTaken', { name: clash.name, prefix: orderPrefix }),
    };
  }
  let accountId: string | null = null;
  if (draft.mode === 'decentralised') {
    accountId = draft.accountId;
    if (!accountId || !accounts.some((account) => account.id === accountId)) {
      return {
        ok: false,
        field: 'accountId',
        message: msg('ui.accounts.merchant.accountMissing'),
      };
    }
  }
  return {
    ok: true,
    input: { ...(id ? { id } : {}), name, orderPrefix, mode: draft.mode, accountId },
  };
}

/** A local calendar date as `YYYY-MM-DD`: the day a packer means by "today". */
export function localDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export interface DateRange {
  from: string;
  to: string;
}

export function todayRange(now: Date): DateRange {
  const today = localDate(now);
  return { from: today, to: today };
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

export type RangeCheck =
  { ok: true; range: DateRange } | { ok: false; field: 'from' | 'to'; message: Message };

export function checkRange(range: DateRange): RangeCheck {
  if (!isoDate.test(range.from)) {
    return { ok: false, field: 'from', message: msg('ui.accounts.billing.fromMissing') };
  }
  if (!isoDate.test(range.to)) {
    return { ok: false, field: 'to', message: msg('ui.accounts.billing.toMissing') };
  }
  // Same-format dates compare as strings.
  if (range.from > range.to) {
    return { ok: false, field: 'to', message: msg('ui.accounts.billing.backwards') };
  }
  return { ok: true, range };
}

export function exportedText(rows: number, filename: string): Message {
  if (rows === 0) return msg('ui.accounts.billing.empty', { filename });
  return msg('ui.accounts.billing.exported', { count: rows, filename });
}

/** Why an account has no Edit and no Remove. */
export const fixedAccountText = msg('ui.accounts.fixed');
