// The packers set up at this station. A removed packer is kept (their name stays on the
// shipments and scans they made) but can no longer sign in. The PIN is kept only as its hash.
import type { PackerRole, PackerView } from '../../src-shared';
import { statement, type Db } from './db';

export interface PackerRecord {
  id: string;
  name: string;
  role: PackerRole;
  badge: string;
  /** `scrypt$…`, from packers/pin.ts; never the PIN. */
  pinHash: string;
  createdAt: string;
  removedAt: string | null;
}

/** A packer as the `packers` table (and the warehouse's `packers`) holds it. */
export interface PackerRow {
  id: string;
  name: string;
  role: PackerRole;
  badge: string;
  pin_hash: string;
  created_at: string;
  removed_at: string | null;
}

export const packerFromRow = (row: PackerRow): PackerRecord => ({
  id: row.id,
  name: row.name,
  role: row.role,
  badge: row.badge,
  pinHash: row.pin_hash,
  createdAt: row.created_at,
  removedAt: row.removed_at,
});

export const packerView = (packer: PackerRecord): PackerView => ({
  id: packer.id,
  name: packer.name,
  role: packer.role,
  badge: packer.badge,
  createdAt: packer.createdAt,
});

/** The packers who may sign in, by name. */
export function listPackers(db: Db): PackerRecord[] {
  const rows = statement(
    db,
    `SELECT * FROM packers WHERE removed_at IS NULL ORDER BY name COLLATE NOCASE, id`,
  ).all() as PackerRow[];
  return rows.map(packerFromRow);
}

export function countPackers(db: Db): number {
  const row = statement(db, `SELECT COUNT(*) AS n FROM packers WHERE removed_at IS NULL`).get() as {
    n: number;
  };
  return row.n;
}

/** A packer who may sign in; null for an unknown or removed one. */
export function findPacker(db: Db, id: string): PackerRecord | null {
  const row = statement(db, `SELECT * FROM packers WHERE id = @id AND removed_at IS NULL`).get({
    id,
  }) as PackerRow | undefined;
  return row ? packerFromRow(row) : null;
}

export function findPackerByBadge(db: Db, badge: string): PackerRecord | null {
  const row = statement(
    db,
    `SELECT * FROM packers WHERE badge = @badge AND removed_at IS NULL`,
  ).get({ badge }) as PackerRow | undefined;
  return row ? packerFromRow(row) : null;
}

/** Is this code any packer's badge, even a removed one's (so it is never taken for an order)? */
export function isBadgeTaken(db: Db, badge: string): boolean {
  return statement(db, `SELECT 1 FROM packers WHERE badge = @badge`).get({ badge }) !== undefined;
}

export function insertPacker(db: Db, packer: Omit<PackerRecord, 'removedAt'>): void {
  statement(
    db,
    `INSERT INTO packers (id, name, role, badge, pin_hash, created_at)
     VALUES (@id, @name, @role, @badge, @pinHash, @createdAt)`,
  ).run(packer);
}

export function updatePacker(
  db: Db,
  id: string,
  changes: { name?: string; role?: PackerRole; pinHash?: string },
): void {
  statement(
    db,
    `UPDATE packers SET name = COALESCE(@name, name), role = COALESCE(@role, role),
       pin_hash = COALESCE(@pinHash, pin_hash)
     WHERE id = @id AND removed_at IS NULL`,
  ).run({
    id,
    name: changes.name ?? null,
    role: changes.role ?? null,
    pinHash: changes.pinHash ?? null,
  });
}

export function removePacker(db: Db, id: string, at: string): void {
  statement(db, `UPDATE packers SET removed_at = @at WHERE id = @id AND removed_at IS NULL`).run({
    id,
    at,
  });
}

/** The names of packers by id, removed ones included: who made a scan or a label. */
export function packerNames(db: Db): Map<string, string> {
  const rows = statement(db, `SELECT id, name FROM packers`).all() as {
    id: string;
    name: string;
  }[];
  return new Map(rows.map((row) => [row.id, row.name]));
}
