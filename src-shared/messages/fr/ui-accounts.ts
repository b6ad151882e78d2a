import type { uiAccounts as english } from '../en/ui-accounts';
import type { Translation } from '../translation';

export const uiAccounts: Translation<typeof english> = {
  'ui.accounts.title': 'Comptes Sendcloud',
  'ui.accounts.readFailed': 'Comptes illisibles : {{reason}}',
  'ui.accounts.empty':
    'Pas encore de compte Sendcloud : les scans attendent qu’un compte soit ajouté.',
  'ui.accounts.emptyDemo':
    'Le mode démo utilise le Sendcloud intégré ; ajoutez un vrai compte pour expédier pour de vrai.',
  'ui.accounts.onboarding.intro':
    'Packdesk crée les étiquettes avec votre compte Sendcloud. Ajoutez-le une fois ; une place de marché peut ensuite ajouter les comptes de ses marchands sous <strong>Comptes</strong>. Le scan démarre dès qu’un compte est ajouté.',
  'ui.accounts.state.connected': 'Connecté',
  'ui.accounts.state.reconnect': 'À reconnecter',
  'ui.accounts.state.locked': 'Trousseau verrouillé',
  'ui.accounts.problem.reconnect': 'doit être reconnecté',
  'ui.accounts.problem.reconnectAdvice':
    'Sendcloud n’accepte plus ses clés (changées ou révoquées dans le panneau Sendcloud).',
  'ui.accounts.problem.locked': 'clés illisibles',
  'ui.accounts.problem.lockedAdvice': 'Le trousseau de cet ordinateur n’a pas donné ses clés.',
  'ui.accounts.testMode': 'Mode test',
  'ui.accounts.testModeHint': 'Mode test (lettres non affranchies gratuites, rien n’est payé)',
  'ui.accounts.fixed':
    'Défini par PACKDESK_SENDCLOUD_* sur cet ordinateur : modifiez-le là-bas, pas ici.',
  'ui.accounts.row.integration': 'Intégration n° {{id}} · API {{api}}',
  'ui.accounts.row.sender': 'adresse d’expédition n° {{id}}',
  'ui.accounts.row.brand': 'marque n° {{id}}',
  'ui.accounts.row.shipsWith': 'Expédie avec {{option}}, sauf si la commande dit autre chose.',
  'ui.accounts.row.shipsAsOrder': 'Expédie avec l’option de la commande ou les règles du compte.',
  'ui.accounts.failed.update': 'Compte non modifié : {{reason}}',
  'ui.accounts.failed.remove': 'Compte non supprimé : {{reason}}',
  'ui.accounts.failed.reconnect': 'Reconnexion impossible : {{reason}}',
  'ui.accounts.remove.confirmLabel': 'Confirmer la suppression de {{name}}',
  'ui.accounts.remove.confirm': 'Supprimer le compte',
  'ui.accounts.remove.question':
    'Supprimer {{name}} ? Ses clés sont effacées du trousseau de cet ordinateur, et les étiquettes qui l’attendent ne seront pas créées.',
  'ui.accounts.reconnect': 'Reconnecter',
  'ui.accounts.reconnect.label': 'Reconnecter {{name}}',
  'ui.accounts.reconnect.hint':
    'De nouvelles clés pour {{name}}, depuis <strong>Paramètres → Intégrations</strong> dans le panneau Sendcloud. Ses étiquettes en attente sont créées dès que Sendcloud les accepte.',
  'ui.accounts.edit.label': 'Modifier {{name}}',
  'ui.accounts.edit.shippingCode': 'Code de l’option d’expédition par défaut',
  'ui.accounts.edit.shippingPlaceholder': 'vide : celle de la commande',
  'ui.accounts.keys.public': 'Clé publique',
  'ui.accounts.keys.secret': 'Clé secrète',
  'ui.accounts.keys.check': 'Vérifier les clés',
  'ui.accounts.keys.checking': 'Vérification auprès de Sendcloud…',
  'ui.accounts.keys.change': 'Changer de clés',
  'ui.accounts.keys.refused':
    'Sendcloud n’a pas accepté ces clés. Copiez-les à nouveau depuis Paramètres → Intégrations dans le panneau Sendcloud.',
  'ui.accounts.keys.unreachable': 'Sendcloud injoignable : {{reason}}',
  'ui.accounts.form.nameMissing': 'Donnez un nom au compte.',
  'ui.accounts.form.nameTaken': 'Un compte s’appelle déjà « {{name}} ».',
  'ui.accounts.form.nameTakenNew':
    'Un compte s’appelle déjà « {{name}} » : donnez un autre nom à celui-ci.',
  'ui.accounts.form.noIntegration':
    'Ce compte Sendcloud n’a pas d’intégration API : ajoutez-en une sous Paramètres → Intégrations dans le panneau Sendcloud, puis vérifiez à nouveau les clés.',
  'ui.accounts.add.title': 'Ajouter un compte Sendcloud',
  'ui.accounts.add.keys': 'Clés Sendcloud',
  'ui.accounts.add.step1':
    'Étape 1 sur 2 : les clés API de l’intégration du compte, depuis <strong>Paramètres → Intégrations</strong> dans le panneau Sendcloud. Elles sont gardées dans le trousseau de cet ordinateur, nulle part ailleurs.',
  'ui.accounts.add.settings': 'Réglages du compte',
  'ui.accounts.add.step2':
    'Étape 2 sur 2 : Sendcloud a accepté les clés. Choisissez comment ce poste expédie avec elles.',
  'ui.accounts.add.integration': 'Intégration',
  'ui.accounts.add.noIntegration': 'Aucune intégration API',
  'ui.accounts.add.sender': 'Adresse d’expédition',
  'ui.accounts.add.senderDefault': 'Celle par défaut dans Sendcloud',
  'ui.accounts.add.brand': 'Marque (facultatif)',
  'ui.accounts.add.noBrand': 'Aucune marque',
  'ui.accounts.add.shipping': 'Option d’expédition par défaut (facultatif)',
  'ui.accounts.add.shippingDefault': 'Celle de la commande, ou les règles d’expédition du compte',
  'ui.accounts.add.api': 'API Sendcloud',
  'ui.accounts.add.apiV3': 'v3 (par défaut)',
  'ui.accounts.add.apiV2': 'v2 — seulement pour les comptes créés avant le 13 avril 2026',
  'ui.accounts.add.submit': 'Ajouter le compte',
  'ui.accounts.add.done':
    '{{name}} ajouté. Ses commandes sont lues chez Sendcloud ; scannez-les dès qu’elles apparaissent.',
  'ui.accounts.merchants.title': 'Marchands',
  'ui.accounts.merchants.readFailed': 'Marchands illisibles : {{reason}}',
  'ui.accounts.merchants.reading': 'Lecture des marchands…',
  'ui.accounts.merchants.empty':
    'Aucun marchand : chaque commande part avec son propre compte. Une place de marché ajoute ses marchands ici.',
  'ui.accounts.merchant.orders': 'commandes',
  'ui.accounts.merchant.mode.centralised': 'Centralisé',
  'ui.accounts.merchant.mode.decentralised': 'Décentralisé',
  'ui.accounts.merchant.modeDetail.centralised':
    'étiquettes créées avec le compte de la place de marché',
  'ui.accounts.merchant.modeDetail.decentralised':
    'les commandes vont au compte Sendcloud du marchand, pas d’étiquette ici',
  'ui.accounts.merchant.accountGone': 'son compte n’est plus configuré',
  'ui.accounts.merchant.remove.confirmLabel': 'Confirmer la suppression de {{name}}',
  'ui.accounts.merchant.remove.confirm': 'Supprimer le marchand',
  'ui.accounts.merchant.remove.question':
    'Supprimer {{name}} ? Ses commandes partiront comme les autres, et il ne figurera plus dans l’export de facturation.',
  'ui.accounts.merchant.remove.failed': 'Marchand non supprimé : {{reason}}',
  'ui.accounts.merchant.addTitle': 'Ajouter un marchand',
  'ui.accounts.merchant.editTitle': 'Modifier {{name}}',
  'ui.accounts.merchant.prefix': 'Préfixe des numéros de commande',
  'ui.accounts.merchant.prefixPlaceholder': 'par ex. ACME-',
  'ui.accounts.merchant.how': 'Comment ses commandes sont expédiées',
  'ui.accounts.merchant.account': 'Compte du marchand',
  'ui.accounts.merchant.chooseAccount': 'Choisissez un compte…',
  'ui.accounts.merchant.addSubmit': 'Ajouter le marchand',
  'ui.accounts.merchant.added': '{{name}} ajouté.',
  'ui.accounts.merchant.nameMissing': 'Donnez un nom au marchand.',
  'ui.accounts.merchant.nameTaken': 'Un marchand s’appelle déjà « {{name}} ».',
  'ui.accounts.merchant.prefixMissing':
    'Indiquez le préfixe des numéros de commande de ce marchand, par ex. ACME-.',
  'ui.accounts.merchant.prefixChars':
    'Un préfixe ne contient que des lettres, des chiffres et de la ponctuation.',
  'ui.accounts.merchant.prefixTaken':
    'Les commandes de {{name}} commencent déjà par « {{prefix}} ».',
  'ui.accounts.merchant.accountMissing':
    'Choisissez le compte Sendcloud du marchand (ajoutez-le d’abord plus haut).',
  'ui.accounts.billing.title': 'Export de facturation',
  'ui.accounts.billing.from': 'Du',
  'ui.accounts.billing.to': 'au',
  'ui.accounts.billing.submit': 'Exporter la facturation en CSV',
  'ui.accounts.billing.exporting': 'Export…',
  'ui.accounts.billing.failed': 'Export impossible : {{reason}}',
  'ui.accounts.billing.fromMissing': 'Choisissez un premier jour.',
  'ui.accounts.billing.toMissing': 'Choisissez un dernier jour.',
  'ui.accounts.billing.backwards': 'Le dernier jour est avant le premier.',
  'ui.accounts.billing.empty':
    'Aucune étiquette créée sur ces jours : {{filename}} n’a aucune ligne.',
  'ui.accounts.billing.exported_one': '{{count}} ligne exportée vers {{filename}}.',
  'ui.accounts.billing.exported_many': '{{count}} lignes exportées vers {{filename}}.',
  'ui.accounts.billing.exported_other': '{{count}} lignes exportées vers {{filename}}.',
};
