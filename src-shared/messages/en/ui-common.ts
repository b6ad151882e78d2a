// Words the renderer uses on every screen: buttons, states, formats.
export const uiCommon = {
  'ui.common.add': 'Add',
  'ui.common.adding': 'Adding…',
  'ui.common.cancel': 'Cancel',
  'ui.common.close': 'Close',
  'ui.common.edit': 'Edit',
  'ui.common.keepIt': 'Keep it',
  'ui.common.name': 'Name',
  'ui.common.notAdded': 'Not added: {{reason}}',
  'ui.common.notSaved': 'Not saved: {{reason}}',
  'ui.common.remove': 'Remove',
  'ui.common.removing': 'Removing…',
  'ui.common.save': 'Save',
  'ui.common.saving': 'Saving…',
  'ui.common.tryAgain': 'Try again',
  'ui.common.hostOffline': 'The station host is not answering.',
  'ui.common.hostRefused':
    'The station host refused this page: its session cookie is missing or out of date. Open the address the host printed when it started.',
  'ui.common.hostUnreadable': 'The station host sent an answer this page cannot read.',
} as const;
