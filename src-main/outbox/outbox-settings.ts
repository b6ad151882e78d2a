// How the outbox drains (print as labels come, or hold them for a batch) and when a label is
// stale: kept in the database, read by the label jobs and the status.
import type { OutboxSettings } from '../../src-shared';
import type { Db } from '../store/db';
import { readOutboxSettings, writeOutboxSettings } from '../store/settings';

export function createOutboxSettings(db: Db) {
  let current = readOutboxSettings(db);
  return {
    current: (): OutboxSettings => current,
    change(changes: Partial<OutboxSettings>): OutboxSettings {
      current = { ...current, ...changes };
      writeOutboxSettings(db, current);
      return current;
    },
  };
}

export type OutboxSettingsStore = ReturnType<typeof createOutboxSettings>;
