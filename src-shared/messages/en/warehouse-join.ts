// Joining a warehouse: what main says about a connection string that cannot be used (said by the
// `warehouse.*` commands and the contract's rule), shown on the Warehouse screen.
export const warehouseJoin = {
  'rules.warehouse.empty':
    'Give the warehouse database’s connection string, e.g. postgres://packdesk@db.example:5432/warehouse.',
  'rules.warehouse.notPostgres':
    'A PostgreSQL connection string starts with postgres:// or postgresql://.',
  'rules.warehouse.noHost':
    'The connection string names no server: postgres://user@host:5432/database.',
  'rules.warehouse.badPort': 'The port must be a number from 1 to 65535.',
  'error.input.stationName': 'Give the station a name.',
  'warehouse.join.wrongPassword':
    'The warehouse database refused the user name or password. Check both and try again.',
  'warehouse.join.passwordNeeded':
    'The warehouse database asks for a password: type it in the password field.',
  'warehouse.join.refused':
    'The warehouse database does not let this user in from this computer: ask its administrator.',
  'warehouse.join.unreachable':
    'No database server answers at {{target}}. Check the host name and port, and that this computer can reach it.',
  'warehouse.join.noDatabase': 'The server at {{target}} has no database of that name.',
  'warehouse.join.schemaNewer':
    'The warehouse database is newer (schema {{found}}) than this station knows ({{known}}): update Packdesk on this station first.',
  'warehouse.join.failed':
    'The warehouse database answered with an error (PostgreSQL code {{code}}).',
  'warehouse.fromEnvironment':
    'PACKDESK_WAREHOUSE_DB sets the warehouse on this computer: change or remove it there.',
  'warehouse.nameFromEnvironment': 'PACKDESK_STATION_NAME names this station: change it there.',
  'warehouse.alone.keychain': 'The warehouse password cannot be read from the keychain: {{reason}}',
} as const;
