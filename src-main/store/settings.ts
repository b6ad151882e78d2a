import type { OutboxSettings } from '../../src-shared';
import { statement, type Db } from './db';

export const defaultOutboxSettings: OutboxSettings = { drainMode: 'print', staleAfterMinutes: 30 };

export function readOutboxSettings(db: Db): OutboxSettings {
  const row = statement(db, `SELECT value FROM settings WHERE key = 'outbox'`).get() as
    { value: string } | undefined;
  if (!row) return defaultOutboxSettings;
  return { ...defaultOutboxSettings, ...(JSON.parse(row.value) as Partial<OutboxSettings>) };
}

export function writeOutboxSettings(db: Db, settings: OutboxSettings): void {
  statement(
    db,
    `INSERT INTO settings (key, value) VALUES ('outbox', @value)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
  ).run({ value: JSON.stringify(settings) });
}

/** A small named value (e.g. the order sync's high-water mark). */
export function readSetting(db: Db, key: string): string | null {
  const row = statement(db, 'SELECT value FROM settings WHERE key = @key').get({ key }) as
    { value: string } | undefined;
  return row?.value ?? null;
}

export function writeSetting(db: Db, key: string, value: string): void {
  statement(
    db,
    `INSERT INTO settings (key, value) VALUES (@key, @value)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
  ).run({ key, value });
}

export function deleteSetting(db: Db, key: string): void {
  statement(db, 'DELETE FROM settings WHERE key = @key').run({ key });
}
