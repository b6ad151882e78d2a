// A scan's steps, why it waits, and what stops it (said by main, stored in scan_audit).
export const scan = {
  'scan.step.lookingUp': 'Looking up the scan',
  'scan.step.askingSendcloud': 'Asking Sendcloud for the order',
  'scan.step.creatingLabel': 'Creating the label with Sendcloud',
  'scan.step.checkingEarlierTry': 'Checking Sendcloud for a label an earlier try made',
  'scan.step.printing': 'Printing on {{printer}}',
  'scan.step.queued': 'Queued',
  'scan.step.waitingGoAhead': 'Waiting for a go-ahead',
  'scan.step.failed': 'Failed',
  'scan.step.printed': 'Printed',
  'scan.step.reprinted': 'Reprinted',
  'scan.step.cancelled': 'Cancelled',
  'scan.printer.unnamed': 'the label printer',
  'scan.waiting.offline':
    'Sendcloud is unreachable: queued, it prints when the connection is back.',
  'scan.waiting.behindEarlier': 'In the queue behind earlier scans.',
  'scan.waiting.accountUnusable': '{{account}} cannot reach Sendcloud: {{reason}} The label waits.',
  'scan.waiting.reconnectIt': 'Reconnect it.',
  'scan.waiting.accountUnnamed': 'Its account',
  'scan.error.cancelled': 'Cancelled from the queue: nothing was printed.',
  'scan.error.alreadyLabelled':
    'Order {{order}} already has a label ({{tracking}}). Scan the tracking number to reprint it.',
  'scan.command.boxes': 'The next order ships in {{boxes}} boxes.',
  'scan.command.option': 'The next label ships with {{option}}.',
  'scan.command.cleared': 'Cleared: the next label ships as its rules say, in one box.',
  'scan.command.badBoxes': 'Not a number of boxes: scan PD:BOXES: and 1 to {{max}}.',
  'scan.command.badOption':
    'Not a shipping option: scan PD:OPTION: and a code such as postnl:standard.',
  'scan.command.unknown': '{{code}} is not a Packdesk command barcode.',
} as const;
