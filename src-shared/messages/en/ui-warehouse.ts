// Settings → Warehouse: joining the warehouse's database, leaving it, the station's name.
export const uiWarehouse = {
  'nav.warehouse': 'Warehouse',
  'ui.warehouse.title': 'Warehouse',
  'ui.warehouse.intro':
    'The stations of one warehouse share a PostgreSQL database: one label per order, one Sendcloud budget, one day. Without it, this station works on its own.',
  'ui.warehouse.now': 'Now',
  'ui.warehouse.state.single': 'Not in a warehouse: this station works on its own.',
  'ui.warehouse.state.connected_one': 'Connected to {{target}}, {{count}} station.',
  'ui.warehouse.state.connected_other': 'Connected to {{target}}, {{count}} stations.',
  'ui.warehouse.state.alone': 'Working alone ({{target}}): {{reason}}',
  'ui.warehouse.fromEnvironment':
    'Set on this computer by PACKDESK_WAREHOUSE_DB: shown here, changed there.',
  'ui.warehouse.connection': 'Connection string',
  'ui.warehouse.connectionHint':
    'postgres://user@host:5432/database. A password typed in it goes to the keychain, not into the station’s settings.',
  'ui.warehouse.password': 'Password',
  'ui.warehouse.passwordHint': 'Kept in this computer’s keychain, never in the station’s settings.',
  'ui.warehouse.stationName': 'Station name',
  'ui.warehouse.stationNameHint': 'How the other stations and the Day screen name this one.',
  'ui.warehouse.stationNameFixed': 'Set by PACKDESK_STATION_NAME on this computer.',
  'ui.warehouse.join': 'Check and join',
  'ui.warehouse.checking': 'Checking the connection…',
  'ui.warehouse.joined': 'Joined: this station works with the warehouse now.',
  'ui.warehouse.notJoined': 'Not joined: {{reason}}',
  'ui.warehouse.leave': 'Leave the warehouse',
  'ui.warehouse.leaveConfirm':
    'Leave the warehouse? This station then works on its own, and its warehouse password is removed from the keychain.',
  'ui.warehouse.leaveYes': 'Leave',
  'ui.warehouse.leaving': 'Leaving…',
  'ui.warehouse.left': 'Left: this station works on its own.',
  'ui.warehouse.notLeft': 'Not left: {{reason}}',
  'ui.warehouse.rename': 'Rename',
  'ui.warehouse.renamed': 'Renamed.',
  'ui.warehouse.reading': 'Reading the warehouse settings…',
  'ui.warehouse.readFailed': 'The warehouse settings cannot be read: {{reason}}',
} as const;
