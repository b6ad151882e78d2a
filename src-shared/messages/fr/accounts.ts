import type { accounts as english } from '../en/accounts';
import type { Translation } from '../translation';

export const accounts: Translation<typeof english> = {
  'account.state.readingKeys': 'Lecture des clés dans le trousseau du système…',
  'account.state.envKeysRefused':
    'Sendcloud refuse les clés de PACKDESK_SENDCLOUD_* : mettez-en de nouvelles et redémarrez.',
  'account.state.keysRefused':
    'Sendcloud refuse ses clés (modifiées ou révoquées) : reconnectez-le avec de nouvelles clés.',
  'account.state.keysMissing':
    'Ses clés ne sont pas dans le trousseau de cet ordinateur : saisissez-les à nouveau.',
  'account.unknown': 'Il n’y a pas de compte {{id}}.',
  'account.fixed':
    '{{account}} est défini par l’environnement du poste (PACKDESK_SENDCLOUD_*) ; modifiez-le là.',
  'account.keysNotAccepted':
    'Sendcloud n’accepte pas ces clés. Copiez-les à nouveau depuis Paramètres → Intégrations dans le panneau Sendcloud.',
  'account.noSuchIntegration': 'Ces clés n’ont pas d’intégration {{id}}.',
  'account.nameTaken': 'Il existe déjà un compte nommé « {{name}} ».',
  'account.keysMissIntegration': 'Ces clés n’atteignent pas l’intégration {{id}} de {{account}}.',
  'account.keysNeeded': 'Il faut la clé publique et la clé secrète.',
  'account.merchant.noAccount':
    'Le marchand {{merchant}} expédie lui-même mais n’a pas de compte Sendcloud configuré.',
  'account.merchant.handedOver':
    'Transmis au compte Sendcloud de {{merchant}} ({{account}}) : pas d’étiquette ici.',
  'account.keychain.os': 'trousseau du système',
  'account.keychain.mac': 'trousseau macOS',
  'account.keychain.windows': 'Gestionnaire d’identification Windows',
  'account.keychain.lockedMac':
    'Le trousseau macOS est verrouillé ou n’a pas autorisé Packdesk : déverrouillez le trousseau de session (Trousseau d’accès), autorisez Packdesk quand il le demande et réessayez.',
  'account.keychain.locked':
    'Verrouillé ({{keychain}}) : déverrouillez-le (connectez-vous à la session du bureau) et réessayez.',
  'account.keychain.noAnswer':
    'Verrouillé ({{keychain}}) : déverrouillez-le (répondez à la demande de déverrouillage ou connectez-vous au bureau) et réessayez. Aucune réponse en {{seconds}} s.',
  'account.keychain.noSessionWindows':
    'Le Gestionnaire d’identification Windows ne fonctionne pas dans cette session : lancez Packdesk depuis une session de bureau normale (pas comme service) et réessayez.',
  'account.keychain.noSessionMac':
    'Le trousseau macOS est injoignable : lancez Packdesk depuis une session de bureau ouverte et réessayez.',
  'account.keychain.noService':
    'Aucun trousseau ne tourne (Secret Service, p. ex. GNOME Keyring ou KWallet) : lancez-en un dans la session du bureau (connexion au bureau, pas par SSH ni comme service) et réessayez.',
  'account.keychain.noDefaultMac':
    'Le trousseau macOS n’a pas de trousseau par défaut : définissez-en un dans Trousseau d’accès et réessayez.',
  'account.keychain.noKeyring':
    'Pas de trousseau par défaut pour garder les clés ({{keychain}}) : créez-en un (p. ex. dans Mots de passe et clés, ou en vous connectant au bureau) et réessayez.',
  'account.keychain.noLibsecret':
    'La bibliothèque du trousseau (libsecret) n’a pas pu être chargée : installez-la (Debian/Ubuntu : libsecret-1-0) et relancez Packdesk.',
  'account.keychain.noModule':
    'Packdesk n’a pas pu charger son module ({{keychain}}) : réinstallez Packdesk.',
  'account.keychain.refused':
    'Demande refusée ({{keychain}}) : réessayez ou demandez à l’administrateur.',
  'account.keychain.refused.detail':
    'Demande refusée ({{keychain}} : {{detail}}) : réessayez ou demandez à l’administrateur.',
  'account.keychain.unreadable':
    'Les clés du compte {{account}} ({{keychain}}) sont illisibles : saisissez à nouveau les clés du compte.',
  'account.keychain.noAccountId': 'Il faut un identifiant de compte pour trouver ses clés.',
};
