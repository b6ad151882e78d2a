// Sendcloud's names for shipping options (`postnl:standard` → "PostNL Standard"), as an account's
// keys showed them at onboarding or a reconnect; nothing else in Sendcloud's answers names them.
import { statement, type Db } from './db';

export interface ShippingOptionName {
  code: string;
  name: string;
}

export function readShippingOptionNames(db: Db): ShippingOptionName[] {
  return statement(
    db,
    'SELECT code, name FROM shipping_option_names ORDER BY code',
  ).all() as ShippingOptionName[];
}

/** Keep the names, replacing older ones for the same codes. */
export function saveShippingOptionNames(
  db: Db,
  names: readonly ShippingOptionName[],
  learntAt: string,
): void {
  const upsert = statement(
    db,
    `INSERT INTO shipping_option_names (code, name, learnt_at) VALUES (@code, @name, @learntAt)
     ON CONFLICT (code) DO UPDATE SET name = excluded.name, learnt_at = excluded.learnt_at`,
  );
  db.transaction(() => {
    for (const { code, name } of names) upsert.run({ code, name, learntAt });
  })();
}

/** When the newest name was learnt (ISO 8601), or null when none ever was. */
export function newestShippingOptionName(db: Db): string | null {
  const row = statement(db, 'SELECT MAX(learnt_at) AS newest FROM shipping_option_names').get() as {
    newest: string | null;
  };
  return row.newest;
}
