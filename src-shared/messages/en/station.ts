// The station's command handlers: queue actions, merchants, demo mode (said by main).
export const station = {
  'station.queue.noJob': 'There is no job {{id}}.',
  'station.queue.nothingToRetry': 'There is nothing to retry: this job is under way or finished.',
  'station.queue.cannotCancel': 'This job can no longer be cancelled: it is under way or finished.',
  'station.queue.batchOnItsScreen': 'A batch is paused or cancelled on the Batch screen.',
  'station.merchant.needsAccount':
    'A decentralised merchant needs its own Sendcloud account: add it under Accounts first.',
  'station.merchant.taken': 'Another merchant already has this name or order number prefix.',
  'station.billing.daysReversed': 'The first day is after the last.',
  'station.demo.onlyInDemo': 'Fault injection exists only in demo mode.',
  'station.demo.onlyVirtualPrinter': 'Printer faults can be staged only on the virtual printer.',
  'station.label.notFound': 'No label with tracking number {{tracking}}.',
  'station.label.notStored':
    'The label of {{tracking}} is not kept on this station; it is fetched from Sendcloud to print.',
} as const;
