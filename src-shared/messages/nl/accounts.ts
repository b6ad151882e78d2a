import type { accounts as english } from '../en/accounts';
import type { Translation } from '../translation';

export const accounts: Translation<typeof english> = {
  'account.state.readingKeys': 'Sleutels worden uit de sleutelbos van het systeem gelezen…',
  'account.state.envKeysRefused':
    'Sendcloud weigert de sleutels uit PACKDESK_SENDCLOUD_*: zet nieuwe en start opnieuw.',
  'account.state.keysRefused':
    'Sendcloud weigert de sleutels (gewijzigd of ingetrokken): verbind opnieuw met nieuwe sleutels.',
  'account.state.keysMissing':
    'De sleutels staan niet in de sleutelbos van deze computer: vul ze opnieuw in.',
  'account.unknown': 'Er is geen account {{id}}.',
  'account.fixed':
    '{{account}} is ingesteld in de omgeving van het station (PACKDESK_SENDCLOUD_*); wijzig het daar.',
  'account.keysNotAccepted':
    'Sendcloud accepteert deze sleutels niet. Kopieer ze opnieuw via Instellingen → Integraties in het Sendcloud-panel.',
  'account.noSuchIntegration': 'Deze sleutels hebben geen koppeling {{id}}.',
  'account.nameTaken': 'Er is al een account met de naam “{{name}}”.',
  'account.keysMissIntegration':
    'Deze sleutels geven geen toegang tot koppeling {{id}} van {{account}}.',
  'account.keysNeeded': 'De publieke en de geheime sleutel zijn allebei nodig.',
  'account.merchant.noAccount':
    'Verkoper {{merchant}} verzendt zelf, maar heeft geen Sendcloud-account ingesteld.',
  'account.merchant.handedOver':
    'Doorgestuurd naar het Sendcloud-account van {{merchant}} ({{account}}): hier geen label.',
  'account.keychain.os': 'sleutelbos van het systeem',
  'account.keychain.mac': 'macOS-sleutelhanger',
  'account.keychain.windows': 'Windows-referentiebeheer',
  'account.keychain.lockedMac':
    'De macOS-sleutelhanger is vergrendeld of gaf Packdesk geen toegang: ontgrendel de inlogsleutelhanger (Sleutelhangertoegang), sta Packdesk toe als erom gevraagd wordt en probeer opnieuw.',
  'account.keychain.locked':
    'Vergrendeld ({{keychain}}): ontgrendel (log in op het bureaublad) en probeer opnieuw.',
  'account.keychain.noAnswer':
    'Vergrendeld ({{keychain}}): ontgrendel (beantwoord de ontgrendelvraag of log in op het bureaublad) en probeer opnieuw. Geen antwoord binnen {{seconds}} s.',
  'account.keychain.noSessionWindows':
    'Windows-referentiebeheer werkt niet in deze aanmeldsessie: start Packdesk vanuit een gewone bureaubladaanmelding (niet als service) en probeer opnieuw.',
  'account.keychain.noSessionMac':
    'De macOS-sleutelhanger is niet bereikbaar: start Packdesk vanuit een ingelogde bureaubladsessie en probeer opnieuw.',
  'account.keychain.noService':
    'Er draait geen sleutelbos (Secret Service, bijv. GNOME Keyring of KWallet): start er een in de bureaubladsessie (log in op het bureaublad, niet via SSH of als service) en probeer opnieuw.',
  'account.keychain.noDefaultMac':
    'De macOS-sleutelhanger heeft geen standaardsleutelhanger: stel er een in via Sleutelhangertoegang en probeer opnieuw.',
  'account.keychain.noKeyring':
    'Geen standaardsleutelbos om de sleutels in te bewaren ({{keychain}}): maak er een aan (bijv. in Wachtwoorden en sleutels, of door in te loggen op het bureaublad) en probeer opnieuw.',
  'account.keychain.noLibsecret':
    'De sleutelbosbibliotheek (libsecret) kon niet geladen worden: installeer hem (Debian/Ubuntu: libsecret-1-0) en start Packdesk opnieuw.',
  'account.keychain.noModule':
    'Packdesk kon zijn module ({{keychain}}) niet laden: installeer Packdesk opnieuw.',
  'account.keychain.refused':
    'Verzoek geweigerd ({{keychain}}): probeer opnieuw of vraag de beheerder.',
  'account.keychain.refused.detail':
    'Verzoek geweigerd ({{keychain}}: {{detail}}): probeer opnieuw of vraag de beheerder.',
  'account.keychain.unreadable':
    'De sleutels van account {{account}} ({{keychain}}) zijn onleesbaar: vul de sleutels van het account opnieuw in.',
  'account.keychain.noAccountId': 'Er is een account-id nodig om de sleutels te vinden.',
};
