import type { accounts as english } from '../en/accounts';
import type { Translation } from '../translation';

export const accounts: Translation<typeof english> = {
  'account.state.readingKeys': 'Schlüssel werden aus dem Schlüsselspeicher des Systems gelesen…',
  'account.state.envKeysRefused':
    'Sendcloud lehnt die Schlüssel aus PACKDESK_SENDCLOUD_* ab: neue setzen und neu starten.',
  'account.state.keysRefused':
    'Sendcloud lehnt die Schlüssel ab (geändert oder widerrufen): mit neuen Schlüsseln neu verbinden.',
  'account.state.keysMissing':
    'Die Schlüssel sind nicht im Schlüsselspeicher dieses Computers: bitte neu eingeben.',
  'account.unknown': 'Es gibt kein Konto {{id}}.',
  'account.fixed':
    '{{account}} ist in der Umgebung des Packplatzes festgelegt (PACKDESK_SENDCLOUD_*); dort ändern.',
  'account.keysNotAccepted':
    'Sendcloud akzeptiert diese Schlüssel nicht. Kopiere sie erneut unter Einstellungen → Integrationen im Sendcloud-Panel.',
  'account.noSuchIntegration': 'Diese Schlüssel haben keine Integration {{id}}.',
  'account.nameTaken': 'Es gibt schon ein Konto namens „{{name}}“.',
  'account.keysMissIntegration':
    'Diese Schlüssel erreichen die Integration {{id}} von {{account}} nicht.',
  'account.keysNeeded': 'Öffentlicher und geheimer Schlüssel werden beide gebraucht.',
  'account.merchant.noAccount':
    'Händler {{merchant}} versendet selbst, hat aber kein Sendcloud-Konto eingestellt.',
  'account.merchant.handedOver':
    'An das Sendcloud-Konto von {{merchant}} ({{account}}) übergeben: hier kein Etikett.',
  'account.keychain.os': 'Schlüsselspeicher des Systems',
  'account.keychain.mac': 'macOS-Schlüsselbund',
  'account.keychain.windows': 'Windows-Anmeldeinformationsverwaltung',
  'account.keychain.lockedMac':
    'Der macOS-Schlüsselbund ist gesperrt oder hat Packdesk nicht erlaubt: entsperre den Anmeldeschlüsselbund (Schlüsselbundverwaltung), erlaube Packdesk bei der Nachfrage und versuche es erneut.',
  'account.keychain.locked':
    'Gesperrt ({{keychain}}): entsperren (am Desktop anmelden) und erneut versuchen.',
  'account.keychain.noAnswer':
    'Gesperrt ({{keychain}}): entsperren (Entsperrabfrage beantworten oder am Desktop anmelden) und erneut versuchen. Keine Antwort innerhalb von {{seconds}} s.',
  'account.keychain.noSessionWindows':
    'Die Windows-Anmeldeinformationsverwaltung geht in dieser Anmeldesitzung nicht: starte Packdesk aus einer normalen Desktop-Anmeldung (nicht als Dienst) und versuche es erneut.',
  'account.keychain.noSessionMac':
    'Der macOS-Schlüsselbund ist nicht erreichbar: starte Packdesk aus einer angemeldeten Desktop-Sitzung und versuche es erneut.',
  'account.keychain.noService':
    'Kein Schlüsselspeicher läuft (Secret Service, z. B. GNOME Keyring oder KWallet): starte einen in der Desktop-Sitzung (am Desktop anmelden, nicht über SSH oder als Dienst) und versuche es erneut.',
  'account.keychain.noDefaultMac':
    'Der macOS-Schlüsselbund hat keinen Standardschlüsselbund: lege einen in der Schlüsselbundverwaltung fest und versuche es erneut.',
  'account.keychain.noKeyring':
    'Kein Standard-Schlüsselbund für die Schlüssel ({{keychain}}): lege einen an (z. B. in „Passwörter und Schlüssel“ oder durch Anmelden am Desktop) und versuche es erneut.',
  'account.keychain.noLibsecret':
    'Die Schlüsselspeicher-Bibliothek (libsecret) ließ sich nicht laden: installieren (Debian/Ubuntu: libsecret-1-0) und Packdesk neu starten.',
  'account.keychain.noModule':
    'Packdesk konnte sein Modul ({{keychain}}) nicht laden: Packdesk neu installieren.',
  'account.keychain.refused':
    'Anfrage abgelehnt ({{keychain}}): erneut versuchen oder den Administrator fragen.',
  'account.keychain.refused.detail':
    'Anfrage abgelehnt ({{keychain}}: {{detail}}): erneut versuchen oder den Administrator fragen.',
  'account.keychain.unreadable':
    'Die Schlüssel für Konto {{account}} ({{keychain}}) sind unlesbar: die Schlüssel des Kontos neu eingeben.',
  'account.keychain.noAccountId': 'Ohne Konto-ID lassen sich die Schlüssel nicht finden.',
};
