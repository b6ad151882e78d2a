// What a packer reads when something fails, by the app-wide error codes.
export const errors = {
  'error.invalidInput': 'This input cannot be used: {{detail}}',
  'error.input.scanEmpty': 'The scan is empty.',
  'error.input.scanTooLong': 'The scan is longer than any order number or tracking number.',
  'error.input.scanCharacters': 'The scan contains characters no barcode holds.',
  'error.input.printerName': 'Give the printer a name.',
  'error.input.packerName': 'Give the packer a name.',
  'error.input.pin': 'A PIN is four digits.',
  'error.input.badge': 'A badge code is 4 to 40 letters, digits or signs, without spaces.',
  'error.input.printerAddress': 'Give the printer an address.',
  'error.input.accountName': 'Give the account a name.',
  'error.input.merchantName': 'Give the merchant a name.',
  'error.input.merchantPrefix': 'Give the order number prefix of this merchant.',
  'error.input.merchantPrefixCharacters':
    'An order number prefix holds only letters, digits and plain signs.',
  'error.input.date': 'A date like 2026-11-21.',
  'error.internal': 'Something went wrong inside the station. See the log.',
  'error.unknownCommand': 'The station does not know the command {{command}}.',
  'error.forbidden': 'This window may not use the station.',
  'error.notJson': 'The request body is not JSON.',
  'error.orderNotFound':
    'No open order matches “{{code}}”. Check the order number, or sync orders.',
  'error.orderNotCached': 'Order {{order}} is not cached.',
} as const;
