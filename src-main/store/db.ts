import Database from 'better-sqlite3';
import { migrate } from './migrations';

export type Db = Database.Database;

// A scan asks the same few dozen questions every time: compile each once per database, not on
// every call (compiling statements was a sixth of scan-to-print's CPU time).
const compiled = new WeakMap<Db, Map<string, Database.Statement>>();

/** The prepared statement for this SQL on this database, compiled on first use. */
export function statement(db: Db, sql: string): Database.Statement {
  let statements = compiled.get(db);
  if (!statements) {
    statements = new Map();
    compiled.set(db, statements);
  }
  let prepared = statements.get(sql);
  if (!prepared) {
    prepared = db.prepare(sql);
    statements.set(sql, prepared);
  }
  return prepared;
}

export interface OpenOptions {
  /**
   * Path to a better-sqlite3 binary built for the running runtime. Electron passes the one
   * `npm run electron:native` built for its ABI; Node (and every test) uses the default build.
   */
  nativeBinding?: string;
}

/**
 * Open (or create) the station database and bring its schema up to date. A database that
 * cannot be opened or migrated is an error, never a reason to start on an empty one:
 * queued shipments live there.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const db = new Database(
    file,
    options.nativeBinding ? { nativeBinding: options.nativeBinding } : {},
  );
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
