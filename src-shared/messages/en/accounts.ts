// Sendcloud accounts, the keychain, merchants and billing (said by main).
export const accounts = {
  'account.state.readingKeys': 'Reading its keys from the OS keychain…',
  'account.state.envKeysRefused':
    'Sendcloud refused the keys from PACKDESK_SENDCLOUD_*: set new ones and restart.',
  'account.state.keysRefused':
    'Sendcloud refused its keys (changed or revoked): reconnect with new keys.',
  'account.state.keysMissing': 'Its keys are not in this computer’s keychain: enter them again.',
  'account.unknown': 'There is no account {{id}}.',
  'account.fixed':
    '{{account}} is set by the station’s environment (PACKDESK_SENDCLOUD_*); change it there.',
  'account.keysNotAccepted':
    'Sendcloud did not accept these keys. Copy them again from Settings → Integrations in the Sendcloud panel.',
  'account.noSuchIntegration': 'These keys have no integration {{id}}.',
  'account.nameTaken': 'There is already an account named “{{name}}”.',
  'account.keysMissIntegration': 'These keys do not reach integration {{id}} of {{account}}.',
  'account.keysNeeded': 'Both the public key and the secret key are needed.',
  'account.merchant.noAccount':
    'Merchant {{merchant}} ships decentralised but has no Sendcloud account set.',
  'account.merchant.handedOver':
    'Sent to {{merchant}}’s Sendcloud account ({{account}}): no label here.',
  'account.keychain.os': 'OS keychain',
  'account.keychain.mac': 'macOS Keychain',
  'account.keychain.windows': 'Windows Credential Manager',
  'account.keychain.lockedMac':
    'The macOS Keychain is locked or did not allow Packdesk: unlock the login keychain (Keychain Access), allow Packdesk when asked, and try again.',
  'account.keychain.locked':
    'The {{keychain}} is locked: unlock it (log in to the desktop session) and try again.',
  'account.keychain.noAnswer':
    'The {{keychain}} is locked: unlock it (answer its unlock prompt, or log in to the desktop session) and try again. It gave no answer within {{seconds}} s.',
  'account.keychain.noSessionWindows':
    'Windows Credential Manager cannot be used in this logon session: run Packdesk from a normal desktop login (not as a service) and try again.',
  'account.keychain.noSessionMac':
    'The macOS Keychain cannot be reached: run Packdesk from a logged-in desktop session and try again.',
  'account.keychain.noService':
    'No OS keychain is running (Secret Service, e.g. GNOME Keyring or KWallet): start one in the desktop session (log in to the desktop, not over SSH or as a service) and try again.',
  'account.keychain.noDefaultMac':
    'The macOS Keychain has no default keychain: set one in Keychain Access and try again.',
  'account.keychain.noKeyring':
    'The {{keychain}} has no default keyring to keep keys in: create one (e.g. in Passwords and Keys, or by logging in to the desktop session) and try again.',
  'account.keychain.noLibsecret':
    'The OS keychain library (libsecret) could not be loaded: install it (Debian/Ubuntu: libsecret-1-0) and restart Packdesk.',
  'account.keychain.noModule':
    'Packdesk could not load its {{keychain}} module: reinstall Packdesk.',
  'account.keychain.refused':
    'The {{keychain}} refused the request: try again, or ask your administrator.',
  'account.keychain.refused.detail':
    'The {{keychain}} refused the request ({{detail}}): try again, or ask your administrator.',
  'account.keychain.unreadable':
    'The keys kept in the {{keychain}} for account {{account}} are unreadable: enter the account’s keys again.',
  'account.keychain.noAccountId': 'An account id is needed to reach its keys.',
} as const;
