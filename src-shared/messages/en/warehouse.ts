// The warehouse link: why a station works alone (said by main, shown in the header).
export const warehouse = {
  'warehouse.alone.starting': 'Connecting to the warehouse database…',
  'warehouse.alone.unreachable':
    'The warehouse database cannot be reached: this station works alone and catches up when it is back.',
  'warehouse.alone.refused': 'The warehouse database refused this station’s user or password.',
  'warehouse.alone.noDatabase': 'The warehouse database named in the settings does not exist.',
  'warehouse.alone.schemaNewer':
    'The warehouse database is newer (schema {{found}}) than this station knows ({{known}}): update Packdesk on this station.',
  'header.warehouse': 'Warehouse',
  'header.warehouse.connected_one': 'Connected, {{count}} station',
  'header.warehouse.connected_other': 'Connected, {{count}} stations',
  'header.warehouse.alone': 'Working alone',
} as const;
