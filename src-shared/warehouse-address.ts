// The warehouse's PostgreSQL connection string, as a supervisor types it on the Warehouse screen
// and as PACKDESK_WAREHOUSE_DB gives it. A password typed inside the string is taken out: the
// station keeps the string without it (SQLite, the screen) and the password in the keychain.
// Pure and zod-free, shared by the form and the contract's schema.
import type { RuleProblem } from './rules';

export const warehouseProblemKeys = [
  'rules.warehouse.empty',
  'rules.warehouse.notPostgres',
  'rules.warehouse.noHost',
  'rules.warehouse.badPort',
] as const;
export type WarehouseProblemKey = (typeof warehouseProblemKeys)[number];

export type WarehouseAddress =
  | {
      ok: true;
      /** The connection string without any password: what may be stored and shown. */
      url: string;
      /** The password the string held (after `user:` or as `?password=`), else null. */
      password: string | null;
    }
  | { ok: false; problem: RuleProblem<WarehouseProblemKey> };

const refused = (key: WarehouseProblemKey): WarehouseAddress => ({
  ok: false,
  problem: { key, params: {} },
});

/** Check a connection string and split its password off. */
export function splitConnectionString(raw: string): WarehouseAddress {
  const text = raw.trim();
  if (!text) return refused('rules.warehouse.empty');
  let parsed: URL;
  try {
    parsed = new URL(text);
  } catch {
    return refused(
      /^postgres(ql)?:\/\//i.test(text) ? 'rules.warehouse.noHost' : 'rules.warehouse.notPostgres',
    );
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    return refused('rules.warehouse.notPostgres');
  }
  if (!parsed.hostname) return refused('rules.warehouse.noHost');
  if (parsed.port && (Number(parsed.port) < 1 || Number(parsed.port) > 65_535)) {
    return refused('rules.warehouse.badPort');
  }
  let password: string | null = null;
  if (parsed.password) {
    password = safeDecode(parsed.password);
    parsed.password = '';
  }
  const inQuery = parsed.searchParams.get('password');
  if (inQuery !== null) {
    password ??= inQuery;
    parsed.searchParams.delete('password');
  }
  return { ok: true, url: parsed.toString(), password: password || null };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
