// The warehouse ledger on the Shipments and Day screens: the station filter, and what a screen
// says when it shows this station's own only, or a shipment another station made.
export const uiLedger = {
  'ui.ledger.station': 'Station',
  'ui.ledger.allStations': 'All stations',
  'ui.ledger.thisStation': '{{name}} (this station)',
  'ui.ledger.aloneShipments':
    'Working alone: these are this station’s shipments only. The others come back with the warehouse.',
  'ui.ledger.aloneDay':
    'Working alone: this is this station’s day only. The other stations come back with the warehouse.',
  'ui.ledger.labelledAt':
    '{{order}} was labelled at {{station}}. Reprint or void it at that station.',
} as const;
