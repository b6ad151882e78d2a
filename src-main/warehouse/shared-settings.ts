// What every station of a warehouse shares: its packers (badge and salted PIN hash, never a PIN),
// its accounts' settings (never a key) and the routing rules. Each station keeps its own copy in
// SQLite, so signing in, routing and labelling work without the warehouse; this keeps the copies
// alike. A change made here is pushed to PostgreSQL; what other stations changed is pulled every
// few seconds and applied here.
//
// Conflicts: the newest change wins, by the changing station's clock (its milliseconds, then its
// station id on a tie), decided in PostgreSQL by the upsert itself. What a station had before it
// ever shared (it joins a warehouse with packers and rules of its own) counts as oldest: the
// warehouse's version of the same thing wins, and what the warehouse does not have is pushed.
// Packers are the same packer everywhere by id; an account is the same account by a hash of
// Sendcloud's origin and its integration id, and its keys stay in each station's keychain.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import {
  accountRoutingSchema,
  packerRoles,
  routingRulesSchema,
  type SharedSettingsArea,
} from '../../src-shared';
import type { Accounts } from '../accounts/accounts';
import type { Clock } from '../clock';
import type { CommandHandlers } from '../host/dispatch';
import { createLogger } from '../log';
import type { Sessions } from '../packers/sessions';
import type { Routing } from '../shipping/routing';
import type { AccountRecord } from '../store/accounts';
import type { Db } from '../store/db';
import { packerFromRow, type PackerRecord } from '../store/packers';
import { readSetting, writeSetting } from '../store/settings';
import {
  allPackers,
  forgetShared,
  listShared,
  markPushed,
  packerInTheWay,
  saveShared,
  sharedByKey,
  upsertPacker,
  type SharedKind,
  type SharedRecord,
} from '../store/shared-settings';
import { isConnectionFailure, type WarehouseLink } from './link';

const log = createLogger('shared-settings');

const POLL_MS = 2_000;
const SEQ_SETTING = 'shared.seq';
const RULES_ID = 'routing';
const REMOVED = 'removed';
// Every station takes it for its pushes, so `seq` rises in the order the pushes commit.
const PUSH_LOCK = 7_241_016;

/** The commands after which this station's shared settings may have changed. */
const changingCommands = [
  'packers.add',
  'packers.update',
  'packers.remove',
  'accounts.add',
  'accounts.update',
  'accounts.reconnect',
  'accounts.remove',
  'routing.saveRules',
  'routing.saveAccount',
] as const satisfies readonly (keyof CommandHandlers)[];

/** An account's name in the warehouse: the same at every station, and no key in it. */
export function sharedAccountKey(baseUrl: string, integrationId: number): string {
  const origin = new URL(baseUrl).origin;
  return createHash('sha256').update(`${origin}\n${integrationId}`).digest('hex').slice(0, 32);
}

// Rows as PostgreSQL gives them back: checked before they reach this station's SQLite.
const msNumber = z.coerce.number().int().nonnegative();
const packerRow = z.object({
  id: z.string().min(1).max(64),
  name: z.string().min(1).max(200),
  role: z.enum(packerRoles),
  badge: z.string().min(1).max(64),
  pin_hash: z.string().startsWith('scrypt$').max(300),
  created_at: z.string().min(1).max(40),
  removed_at: z.string().min(1).max(40).nullable(),
  changed_ms: msNumber,
  changed_by: z.string(),
  seq: msNumber,
});
const accountRow = z.object({
  account_key: z.string().min(1).max(64),
  name: z.string().min(1).max(200),
  api: z.enum(['v3', 'v2']),
  integration_id: z.coerce.number().int(),
  sender_address_id: z.coerce.number().int().nullable(),
  brand_id: z.coerce.number().int().nullable(),
  shipping_option_code: z.string().max(200).nullable(),
  test_mode: z.boolean(),
  routing: accountRoutingSchema,
  removed: z.boolean(),
  changed_ms: msNumber,
  changed_by: z.string(),
  seq: msNumber,
});
const rulesRow = z.object({
  id: z.literal(RULES_ID),
  rules: routingRulesSchema,
  changed_ms: msNumber,
  changed_by: z.string(),
  seq: msNumber,
});
type PackerRow = z.infer<typeof packerRow>;
type AccountRow = z.infer<typeof accountRow>;
type RulesRow = z.infer<typeof rulesRow>;

export interface SharedSettingsDeps {
  db: Db;
  clock: Clock;
  link: WarehouseLink;
  accounts: Pick<Accounts, 'shareable' | 'adoptShared' | 'baseUrl'>;
  /** Remove an account another station removed (its keys here and its cached orders too). */
  removeAccount: (id: string) => Promise<unknown>;
  routing: Pick<Routing, 'rules' | 'saveRules' | 'settingsOf' | 'saveAccount'>;
  sessions: Pick<Sessions, 'packersChanged'>;
  /** How often to ask the warehouse for other stations' changes. */
  intervalMs?: number;
  /** Changes from other stations were applied here: the screens that show them read again. */
  onApplied: (areas: SharedSettingsArea[]) => void;
}

const packerPrint = (p: PackerRecord) =>
  JSON.stringify([p.name, p.role, p.badge, p.pinHash, p.removedAt]);

export function createSharedSettings(deps: SharedSettingsDeps) {
  const { db, link } = deps;
  const intervalMs = deps.intervalMs ?? POLL_MS;
  let stopped = false;
  let loop: Promise<void> | null = null;
  let running: Promise<void> = Promise.resolve();
  let wake: (() => void) | null = null;
  const abort = new AbortController();

  const accountPrint = (a: AccountRecord) =>
    JSON.stringify([
      a.name,
      a.api,
      a.integrationId,
      a.senderAddressId,
      a.brandId,
      a.shippingOptionCode,
      a.testMode,
      deps.routing.settingsOf(a.id),
    ]);
  const rulesPrint = () => JSON.stringify(deps.routing.rules());

  /** A change made here now: later than the change it replaces, whatever the clocks say. */
  const changedNow = (before: SharedRecord | undefined) =>
    Math.max(deps.clock.now(), (before?.changedMs ?? 0) + 1);

  /**
   * Compare what this station has with what it last shared, and note each change to push.
   * `first`: the station's first look since it shares; what it had before counts as oldest.
   */
  function track(first: boolean): void {
    db.transaction(() => {
      const known = (kind: SharedKind) =>
        new Map(listShared(db, kind).map((record) => [record.localId, record]));

      const packers = known('packer');
      for (const packer of allPackers(db)) {
        const before = packers.get(packer.id);
        const fingerprint = packerPrint(packer);
        if (before?.fingerprint === fingerprint) continue;
        saveShared(db, {
          kind: 'packer',
          localId: packer.id,
          sharedKey: packer.id,
          fingerprint,
          changedMs: !before && first ? 0 : changedNow(before),
          pushed: false,
        });
      }

      const accounts = known('account');
      const present = new Set<string>();
      for (const account of deps.accounts.shareable()) {
        present.add(account.id);
        const before = accounts.get(account.id);
        const fingerprint = accountPrint(account);
        if (before?.fingerprint === fingerprint) continue;
        const sharedKey =
          before?.sharedKey ?? sharedAccountKey(deps.accounts.baseUrl, account.integrationId);
        const taken = sharedByKey(db, 'account', sharedKey);
        if (taken && taken.localId !== account.id && taken.fingerprint === REMOVED) {
          // The account was removed and is set up again: the same account, newer than its removal.
          forgetShared(db, 'account', taken.localId);
          saveShared(db, {
            kind: 'account',
            localId: account.id,
            sharedKey,
            fingerprint,
            changedMs: changedNow(taken),
            pushed: false,
          });
          continue;
        }
        if (taken && taken.localId !== account.id) {
          log.warn('two accounts here share one integration: only the first is shared', {
            account: account.id,
          });
          continue;
        }
        saveShared(db, {
          kind: 'account',
          localId: account.id,
          sharedKey,
          fingerprint,
          changedMs: !before && first ? 0 : changedNow(before),
          pushed: false,
        });
      }
      for (const [id, before] of accounts) {
        if (present.has(id) || before.fingerprint === REMOVED) continue;
        saveShared(db, {
          ...before,
          fingerprint: REMOVED,
          changedMs: changedNow(before),
          pushed: false,
        });
      }

      const rules = known('rules').get(RULES_ID);
      const fingerprint = rulesPrint();
      if (rules?.fingerprint !== fingerprint) {
        const empty = deps.routing.rules().rules.length === 0;
        saveShared(db, {
          kind: 'rules',
          localId: RULES_ID,
          sharedKey: RULES_ID,
          fingerprint,
          changedMs: !rules && first ? 0 : changedNow(rules),
          // A station that never had rules has nothing to offer the warehouse.
          pushed: !rules && first && empty,
        });
      }
    })();
  }

  /** Push every change the warehouse does not have yet; a change that lost is pulled back. */
  async function push(): Promise<void> {
    const pending = (['packer', 'account', 'rules'] as const).flatMap((kind) =>
      listShared(db, kind).filter((record) => !record.pushed),
    );
    if (pending.length === 0) return;
    const packers = new Map(allPackers(db).map((packer) => [packer.id, packer]));
    const accounts = new Map(deps.accounts.shareable().map((account) => [account.id, account]));
    const lost = await link.transaction(async (client) => {
      await client.query('select pg_advisory_xact_lock($1)', [PUSH_LOCK]);
      const lostHere: SharedRecord[] = [];
      for (const record of pending) {
        const by = [record.changedMs, link.stationId] as const;
        let won: boolean;
        if (record.kind === 'packer') {
          const p = packers.get(record.localId);
          if (!p) continue;
          const { rowCount } = await client.query(
            `insert into shared_packers (id, name, role, badge, pin_hash, created_at, removed_at,
               changed_ms, changed_by, seq)
             values ($1, $2, $3, $4, $5, $6, $7, $8, $9, nextval('shared_settings_seq'))
             on conflict (id) do update set name = excluded.name, role = excluded.role,
               badge = excluded.badge, pin_hash = excluded.pin_hash,
               removed_at = excluded.removed_at, changed_ms = excluded.changed_ms,
               changed_by = excluded.changed_by, updated_at = now(), seq = excluded.seq
             where (shared_packers.changed_ms, shared_packers.changed_by)
               < (excluded.changed_ms, excluded.changed_by)`,
            [p.id, p.name, p.role, p.badge, p.pinHash, p.createdAt, p.removedAt, ...by],
          );
          won = rowCount === 1;
        } else if (record.kind === 'account') {
          const a = accounts.get(record.localId);
          if (!a && record.fingerprint !== REMOVED) continue;
          const { rowCount } = a
            ? await client.query(
                `insert into shared_accounts (account_key, name, api, integration_id,
                   sender_address_id, brand_id, shipping_option_code, test_mode, routing, removed,
                   changed_ms, changed_by, seq)
                 values ($1, $2, $3, $4, $5, $6, $7, $8, $9, false, $10, $11,
                   nextval('shared_settings_seq'))
                 on conflict (account_key) do update set name = excluded.name,
                   api = excluded.api, integration_id = excluded.integration_id,
                   sender_address_id = excluded.sender_address_id, brand_id = excluded.brand_id,
                   shipping_option_code = excluded.shipping_option_code,
                   test_mode = excluded.test_mode, routing = excluded.routing, removed = false,
                   changed_ms = excluded.changed_ms, changed_by = excluded.changed_by,
                   updated_at = now(), seq = excluded.seq
                 where (shared_accounts.changed_ms, shared_accounts.changed_by)
                   < (excluded.changed_ms, excluded.changed_by)`,
                [
                  record.sharedKey,
                  a.name,
                  a.api,
                  a.integrationId,
                  a.senderAddressId,
                  a.brandId,
                  a.shippingOptionCode,
                  a.testMode,
                  JSON.stringify(deps.routing.settingsOf(a.id)),
                  ...by,
                ],
              )
            : await client.query(
                `update shared_accounts set removed = true, changed_ms = $2, changed_by = $3,
                   updated_at = now(), seq = nextval('shared_settings_seq')
                 where account_key = $1 and (changed_ms, changed_by) < ($2, $3)`,
                [record.sharedKey, ...by],
              );
          won = rowCount === 1;
        } else {
          const { rowCount } = await client.query(
            `insert into shared_rules (id, rules, changed_ms, changed_by, seq)
             values ($1, $2, $3, $4, nextval('shared_settings_seq'))
             on conflict (id) do update set rules = excluded.rules,
               changed_ms = excluded.changed_ms, changed_by = excluded.changed_by,
               updated_at = now(), seq = excluded.seq
             where (shared_rules.changed_ms, shared_rules.changed_by)
               < (excluded.changed_ms, excluded.changed_by)`,
            [RULES_ID, JSON.stringify(deps.routing.rules()), ...by],
          );
          won = rowCount === 1;
        }
        if (!won) lostHere.push(record);
      }
      return lostHere;
    });
    for (const record of pending) markPushed(db, record.kind, record.localId, record.fingerprint);
    if (lost.length > 0) {
      // A newer change from another station is there, maybe one this station read already.
      log.info('a change here was older than the warehouse’s', { changes: lost.length });
      await pull(lost);
    }
  }

  /** Other stations' changes since the last pull (or the rows named in `only`), applied here. */
  async function pull(only?: SharedRecord[]): Promise<void> {
    const since = Number(readSetting(db, SEQ_SETTING) ?? '0');
    const keys = (kind: SharedKind) =>
      (only ?? []).filter((record) => record.kind === kind).map((record) => record.sharedKey);
    const where = (column: string, kind: SharedKind) =>
      only
        ? { sql: `${column} = any($1)`, params: [keys(kind)] }
        : { sql: 'seq > $1', params: [since] };
    const read = async <T>(table: string, column: string, kind: SharedKind, row: z.ZodType<T>) => {
      const w = where(column, kind);
      if (only && keys(kind).length === 0) return [];
      const { rows } = await link.query(
        `select * from ${table} where ${w.sql} order by seq`,
        w.params,
      );
      return rows.map((r) => row.parse(r));
    };
    const packers = await read('shared_packers', 'id', 'packer', packerRow);
    const accounts = await read('shared_accounts', 'account_key', 'account', accountRow);
    const rules = await read('shared_rules', 'id', 'rules', rulesRow);

    const areas = new Set<SharedSettingsArea>();
    const appliedPackers = db.transaction(() => packers.filter((row) => applyPacker(row)))();
    if (appliedPackers.length > 0) {
      areas.add('packers');
      deps.sessions.packersChanged();
    }
    for (const row of accounts) if (await applyAccount(row)) areas.add('accounts');
    for (const row of rules) if (applyRules(row)) areas.add('routing');

    if (!only) {
      const top = Math.max(since, ...[...packers, ...accounts, ...rules].map((row) => row.seq));
      if (top > since) writeSetting(db, SEQ_SETTING, String(top));
    }
    if (areas.size > 0) {
      log.info('changes from the warehouse applied', { areas: [...areas] });
      deps.onApplied([...areas]);
    }
  }

  /**
   * Should this station take the warehouse's version? Yes when it has nothing newer of its own:
   * a change it pushed that now reads otherwise lost (or was replaced) in PostgreSQL.
   */
  function takes(before: SharedRecord | null, fingerprint: string, changedMs: number): boolean {
    if (!before) return true;
    if (before.fingerprint === fingerprint) return false;
    return before.pushed || changedMs >= before.changedMs;
  }

  function applyPacker(row: PackerRow): boolean {
    const packer = packerFromRow(row);
    const before = sharedByKey(db, 'packer', row.id);
    const fingerprint = packerPrint(packer);
    if (!takes(before, fingerprint, row.changed_ms)) return false;
    const inTheWay = packerInTheWay(db, packer);
    if (inTheWay) {
      log.warn('a packer from the warehouse has the name or badge of one here', {
        packer: row.id,
        here: inTheWay,
      });
      return false;
    }
    upsertPacker(db, packer);
    saveShared(db, {
      kind: 'packer',
      localId: row.id,
      sharedKey: row.id,
      fingerprint,
      changedMs: row.changed_ms,
      pushed: true,
    });
    return true;
  }

  async function applyAccount(row: AccountRow): Promise<boolean> {
    let before = sharedByKey(db, 'account', row.account_key);
    const shareable = deps.accounts.shareable();
    if (!before) {
      // An account this station set up before it shared, under its own id: the same account.
      const mapped = new Set(listShared(db, 'account').map((record) => record.localId));
      const same = shareable.find(
        (account) =>
          !mapped.has(account.id) &&
          sharedAccountKey(deps.accounts.baseUrl, account.integrationId) === row.account_key,
      );
      if (same) {
        before = {
          kind: 'account',
          localId: same.id,
          sharedKey: row.account_key,
          fingerprint: '',
          changedMs: 0,
          pushed: false,
        };
      }
    }
    const here = before ? shareable.find((account) => account.id === before.localId) : undefined;
    if (row.removed) {
      if (!before || before.fingerprint === REMOVED) return false;
      if (!takes(before, REMOVED, row.changed_ms)) return false;
      if (here) await deps.removeAccount(here.id);
      saveShared(db, { ...before, fingerprint: REMOVED, changedMs: row.changed_ms, pushed: true });
      return true;
    }
    const settings = {
      name: row.name,
      api: row.api,
      integrationId: row.integration_id,
      senderAddressId: row.sender_address_id,
      brandId: row.brand_id,
      shippingOptionCode: row.shipping_option_code,
      testMode: row.test_mode,
    };
    const incoming = JSON.stringify([...Object.values(settings), row.routing]);
    if (before && here && !takes(before, incoming, row.changed_ms)) return false;
    const id = deps.accounts.adoptShared(here?.id ?? null, {
      ...settings,
      createdAt: new Date(deps.clock.now()).toISOString(),
    });
    // Removed here before and now back from the warehouse: under its new id here.
    if (before && before.localId !== id) forgetShared(db, 'account', before.localId);
    deps.routing.saveAccount(id, row.routing);
    const now = deps.accounts.shareable().find((account) => account.id === id);
    saveShared(db, {
      kind: 'account',
      localId: id,
      sharedKey: row.account_key,
      fingerprint: now ? accountPrint(now) : incoming,
      changedMs: row.changed_ms,
      pushed: true,
    });
    return true;
  }

  function applyRules(row: RulesRow): boolean {
    const before = sharedByKey(db, 'rules', RULES_ID);
    if (!takes(before, JSON.stringify(row.rules), row.changed_ms)) return false;
    deps.routing.saveRules(row.rules);
    saveShared(db, {
      kind: 'rules',
      localId: RULES_ID,
      sharedKey: RULES_ID,
      fingerprint: rulesPrint(),
      changedMs: row.changed_ms,
      pushed: true,
    });
    return true;
  }

  /** Something may have changed here: note it at once (its time is now) and push it soon. */
  function changedHere(): void {
    if (!link.configured || stopped) return;
    void round();
  }

  /** One round, never two at once: note local changes, then push and pull when connected. */
  function round(first = false): Promise<void> {
    running = running.then(async () => {
      if (stopped) return;
      try {
        track(first);
        if (!link.up()) return;
        await push();
        await pull();
      } catch (error) {
        // A lost link is the link's to report; the changes stay noted and go on the next round.
        if (!isConnectionFailure(error)) log.error('sharing settings failed', { error });
      }
    });
    return running;
  }

  return {
    /** Share from now on: a no-op for a single station (no warehouse set). */
    async start(): Promise<void> {
      if (!link.configured || loop) return;
      await round(true);
      loop = (async () => {
        while (!stopped) {
          await new Promise<void>((resolve) => {
            wake = resolve;
            deps.clock.sleep(intervalMs, abort.signal).then(resolve, resolve);
          });
          wake = null;
          await round();
        }
      })();
    },
    changedHere,
    /** One round now, for a caller that must know it ran (tests, a link just back). */
    syncNow: () => round(),
    /** The commands, each telling this module when it may have changed what is shared. */
    watch(handlers: CommandHandlers): CommandHandlers {
      if (!link.configured) return handlers;
      const watched: Partial<Record<keyof CommandHandlers, unknown>> = {};
      for (const name of changingCommands) {
        const handler = handlers[name] as (input: never) => Promise<unknown>;
        watched[name] = async (input: never) => {
          try {
            return await handler(input);
          } finally {
            changedHere();
          }
        };
      }
      return { ...handlers, ...watched } as CommandHandlers;
    },
    async stop(): Promise<void> {
      stopped = true;
      abort.abort();
      wake?.();
      await loop;
      await running;
    },
  };
}

export type SharedSettings = ReturnType<typeof createSharedSettings>;
