// Why a job of the outbox waits or needs attention (said by main).
export const outbox = {
  'job.invalidTransition': 'A {{state}} job cannot {{event}}.',
  'job.cancelled': 'Cancelled by a packer.',
  'job.recovered': 'The station stopped during this job; it checks Sendcloud before trying again.',
  'job.held': 'Held for the batch print.',
  'job.internal': 'The station hit an error on this job. Retry, or cancel it.',
  'job.error.internal': 'The station hit an error on this job.',
  'job.waiting.offline': 'Sendcloud is unreachable: queued, it prints when the connection is back.',
  'job.waiting.printer': 'Waiting for the printer: {{problem}}',
  'job.waiting.keysRefused': 'Sendcloud refused the API keys: waiting for a reconnect.',
  'job.waiting.accountKeys':
    'Sendcloud refused the keys of {{account}}: waiting for a reconnect (Accounts).',
  'job.waiting.slowDown': 'Sendcloud asked to slow down: trying again shortly.',
  'job.waiting.sendcloudTrouble': 'Sendcloud is having trouble: trying again shortly.',
  'job.waiting.syncFailed': 'Order sync failed: {{problem}}',
  'job.labellingElsewhere':
    'Order {{order}} is already being labelled by another scan; cancel this one.',
  'job.error.labellingElsewhere': 'Another scan is labelling this order.',
  'job.labelMissing': 'The label for this job is missing; cancel it and scan the order again.',
  'job.error.labelMissing': 'The label for this job is missing.',
  'job.stale': 'Label for {{order}} waited {{minutes}} min. Print it now?',
  'job.error.stale': 'Scanned {{minutes}} min ago.',
  'job.noPrinter': 'No label printer is set up: add one under Printers; the label waits.',
  'job.error.noPrinter': 'No label printer is set up.',
} as const;
