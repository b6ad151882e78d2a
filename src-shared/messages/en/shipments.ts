// The Shipments screen's commands (said by main): finding a shipment, its label, a reprint.
export const shipments = {
  'shipments.notFound': 'This station knows no shipment {{parcel}}.',
  'shipments.label.voided': 'The label {{tracking}} is voided: it cannot be printed again.',
  'shipments.range.reversed': 'The first day is after the last.',
  'shipments.reprint.damaged': 'Label damaged: printed again on {{printer}}.',
  'shipments.reprint.lost': 'Label lost: printed again on {{printer}}.',
  'shipments.reprint.wrongPrinter': 'Went to the wrong printer: printed again on {{printer}}.',
  'shipments.reprint.other': 'Printed again on {{printer}}.',
  'shipments.reprint.otherNote': '{{note}}: printed again on {{printer}}.',
} as const;
