// The customs documents' one setting: copies per carrier (stored in the settings table).
import type { CustomsCopies } from '../../src-shared';
import type { CommandHandlers } from '../host/dispatch';
import { statement, type Db } from '../store/db';
import { customsCopies, setCustomsCopies } from './customs-documents';

/** The carriers a packer may want to set: those with labels here, and those already set. */
function copiesView(db: Db, copies: Record<string, number>): CustomsCopies {
  const rows = statement(db, 'SELECT DISTINCT carrier FROM shipments ORDER BY carrier').all() as {
    carrier: string;
  }[];
  const carriers = new Set([...rows.map((row) => row.carrier), ...Object.keys(copies)]);
  return { copies, carriers: [...carriers].sort() };
}

export function customsCommands(
  db: Db,
): Pick<CommandHandlers, 'customs.copies' | 'customs.setCopies'> {
  return {
    'customs.copies': async () => copiesView(db, customsCopies(db)),
    'customs.setCopies': async ({ carrier, copies }) =>
      copiesView(db, setCustomsCopies(db, carrier, copies)),
  };
}
