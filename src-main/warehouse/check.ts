// Before a station joins a warehouse: can it reach the database with this user and password, and
// does it know the schema there? One connection, no migration (joining starts the link, and the
// link migrates). What goes wrong comes back as the message the Warehouse screen shows.
import pg from 'pg';
import { AppError } from '../errors';
import { msg, type Message } from '../../src-shared';
import { isConnectionFailure, warehouseTarget, withPassword } from './link';
import { latestWarehouseSchema } from './migrations';

export interface WarehouseCheckOptions {
  /** How long the connection may take before the server counts as unreachable. */
  connectTimeoutMs?: number;
  /** The newest schema this build knows; default the migrations' latest. */
  knownSchema?: number;
}

/** Why a connection failed, in the screen's words; never the server's own text. */
export function joinProblem(error: unknown, url: string): Message {
  const target = warehouseTarget(url);
  const code = (error as { code?: unknown } | null)?.code;
  const text = error instanceof Error ? error.message : '';
  if (code === '28P01') return msg('warehouse.join.wrongPassword');
  if (code === '28000') return msg('warehouse.join.refused');
  if (code === '3D000') return msg('warehouse.join.noDatabase', { target });
  // pg's own words when the server asks for a password and none was given.
  if (/client password must be|no password supplied/i.test(text)) {
    return msg('warehouse.join.passwordNeeded');
  }
  if (isConnectionFailure(error) || code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return msg('warehouse.join.unreachable', { target });
  }
  return msg('warehouse.join.failed', { code: typeof code === 'string' ? code : '?' });
}

/**
 * Throws AppError('warehouse-unusable') saying why the station cannot use this database: wrong
 * password, server unreachable, database missing, or a schema newer than this build knows.
 */
export async function checkWarehouse(
  url: string,
  password: string | null,
  options: WarehouseCheckOptions = {},
): Promise<void> {
  const known = options.knownSchema ?? latestWarehouseSchema;
  const client = new pg.Client({
    connectionString: withPassword(url, password),
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5_000,
    query_timeout: 5_000,
    application_name: 'packdesk join check',
  });
  // A connection that drops after the check has answered is not this check's concern.
  client.on('error', () => undefined);
  let found = 0;
  try {
    await client.connect();
    // A database no station has used yet has no schema table: the link makes it.
    const table = await client.query<{ present: boolean }>(
      `select to_regclass('warehouse_schema') is not null as present`,
    );
    if (table.rows[0]?.present) {
      const { rows } = await client.query<{ version: number | null }>(
        'select max(version) as version from warehouse_schema',
      );
      found = rows[0]?.version ?? 0;
    }
  } catch (error) {
    const said = joinProblem(error, url);
    const code = (error as { code?: unknown } | null)?.code;
    throw new AppError('warehouse-unusable', said, {
      // The log gets the key and PostgreSQL's code; never the string (it may hold a password).
      log: `warehouse check failed: ${said.key} (${typeof code === 'string' ? code : 'no code'})`,
    });
  } finally {
    await client.end().catch(() => undefined);
  }
  if (found > known) {
    throw new AppError('warehouse-unusable', msg('warehouse.join.schemaNewer', { found, known }));
  }
}
