// What this station shares with the warehouse, as it last pushed or applied it: one row per packer,
// account and the rules. Never a key: an account is named in the warehouse by its shared key.
import { packerFromRow, type PackerRecord, type PackerRow } from './packers';
import { statement, type Db } from './db';

export type SharedKind = 'packer' | 'account' | 'rules';

export interface SharedRecord {
  kind: SharedKind;
  localId: string;
  sharedKey: string;
  fingerprint: string;
  /** Station time of the last change (ms); the newest change wins across the warehouse. */
  changedMs: number;
  /** The warehouse has this change. */
  pushed: boolean;
}

interface SharedRow {
  kind: SharedKind;
  local_id: string;
  shared_key: string;
  fingerprint: string;
  changed_ms: number;
  pushed: number;
}

const fromRow = (row: SharedRow): SharedRecord => ({
  kind: row.kind,
  localId: row.local_id,
  sharedKey: row.shared_key,
  fingerprint: row.fingerprint,
  changedMs: row.changed_ms,
  pushed: row.pushed === 1,
});

export function listShared(db: Db, kind: SharedKind): SharedRecord[] {
  const rows = statement(db, `SELECT * FROM shared_settings WHERE kind = @kind`).all({
    kind,
  }) as SharedRow[];
  return rows.map(fromRow);
}

export function sharedByKey(db: Db, kind: SharedKind, sharedKey: string): SharedRecord | null {
  const row = statement(
    db,
    `SELECT * FROM shared_settings WHERE kind = @kind AND shared_key = @sharedKey`,
  ).get({ kind, sharedKey }) as SharedRow | undefined;
  return row ? fromRow(row) : null;
}

export function saveShared(db: Db, record: SharedRecord): void {
  statement(
    db,
    `INSERT INTO shared_settings (kind, local_id, shared_key, fingerprint, changed_ms, pushed)
     VALUES (@kind, @localId, @sharedKey, @fingerprint, @changedMs, @pushed)
     ON CONFLICT (kind, local_id) DO UPDATE SET shared_key = excluded.shared_key,
       fingerprint = excluded.fingerprint, changed_ms = excluded.changed_ms,
       pushed = excluded.pushed`,
  ).run({ ...record, pushed: record.pushed ? 1 : 0 });
}

/** The warehouse took this change; a change made since (another fingerprint) stays to push. */
export function markPushed(db: Db, kind: SharedKind, localId: string, fingerprint: string): void {
  statement(
    db,
    `UPDATE shared_settings SET pushed = 1
     WHERE kind = @kind AND local_id = @localId AND fingerprint = @fingerprint`,
  ).run({ kind, localId, fingerprint });
}

export function forgetShared(db: Db, kind: SharedKind, localId: string): void {
  statement(db, `DELETE FROM shared_settings WHERE kind = @kind AND local_id = @localId`).run({
    kind,
    localId,
  });
}

/** Every packer, removed ones included: a removal is shared like any change. */
export function allPackers(db: Db): PackerRecord[] {
  const rows = statement(db, `SELECT * FROM packers ORDER BY id`).all() as PackerRow[];
  return rows.map(packerFromRow);
}

/**
 * A packer as another station made them. A live packer here with the same name or badge and
 * another id is in the way: the caller decides; this reports it instead of failing on the index.
 */
export function packerInTheWay(db: Db, packer: PackerRecord): string | null {
  if (packer.removedAt !== null) return null;
  const row = statement(
    db,
    `SELECT id FROM packers WHERE id <> @id AND (badge = @badge OR
       (removed_at IS NULL AND name = @name))`,
  ).get({ id: packer.id, badge: packer.badge, name: packer.name }) as { id: string } | undefined;
  return row?.id ?? null;
}

export function upsertPacker(db: Db, packer: PackerRecord): void {
  statement(
    db,
    `INSERT INTO packers (id, name, role, badge, pin_hash, created_at, removed_at)
     VALUES (@id, @name, @role, @badge, @pinHash, @createdAt, @removedAt)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, role = excluded.role,
       badge = excluded.badge, pin_hash = excluded.pin_hash, removed_at = excluded.removed_at`,
  ).run(packer);
}
