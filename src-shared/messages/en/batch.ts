// Batch labels (said by main): why an order of a batch was refused, what a batch waits for.
export const batch = {
  'batch.order.notFound': 'Sendcloud does not know this order (any more).',
  'batch.order.houseNumber':
    'The address has no house number: add it to the order in Sendcloud, then retry.',
  'batch.order.weight': 'The parcel is too heavy for its shipping option: {{detail}}',
  'batch.order.address': 'The shipping address is incomplete: fix it in Sendcloud, then retry.',
  'batch.order.option': 'The shipping option cannot be used for this order: {{detail}}',
  'batch.order.servicePoint':
    'The service point is closed or unknown ({{detail}}): scan the order on its own to choose another point.',
  'batch.order.carrier': 'The carrier refused the parcel: {{detail}}',
  'batch.order.refused': 'Sendcloud refused the order: {{detail}}',
  'batch.waiting.accountKeys':
    'Sendcloud refused the account’s keys: the batch waits until the account is reconnected.',
  'batch.step.waitingForLabels_one': 'Sendcloud is making {{count}} label.',
  'batch.step.waitingForLabels_other': 'Sendcloud is making {{count}} labels.',
  'batch.paused': 'Paused: it goes on where it stopped when resumed.',
  'batch.event.made': 'Made in a batch.',
  'batch.event.printed': 'Printed in a batch.',
  'batch.event.reprinted': 'Printed again with its batch.',
  'batch.scan.inBatch': 'Order {{order}} is in a running batch: its label comes with the batch.',
  'batch.scan.labelled': 'Order {{order}} has a label already: find it under Shipments.',
  'batch.scan.unknown': 'No open order {{code}} on this station.',
  'batch.start.skipped.labelled': 'It has a label by now.',
  'batch.start.skipped.inBatch': 'It is in another batch.',
  'batch.start.skipped.gone': 'It is no longer an open order on this station.',
  'batch.error.notFound': 'This station knows no batch {{id}}.',
  'batch.error.orderNotInBatch': 'Order {{order}} is not in this batch.',
  'batch.error.notFailed': 'Only a refused order can be retried or left out.',
  'batch.error.running': 'The batch is still running: wait until it is done.',
  'batch.error.nothingPrinted': 'No label of this batch was printed yet.',
  'batch.error.noPrinter': 'No label printer is set up: add one under Printers.',
  'batch.error.finished': 'The batch is finished: there is nothing left to pause or cancel.',
} as const;
