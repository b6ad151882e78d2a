import type { returns as english } from '../en/returns';
import type { Translation } from '../translation';

export const returns: Translation<typeof english> = {
  'returns.error.address':
    'Commande {{order}} : il manque à l’envoi Sendcloud une adresse dont le retour a besoin. Aucun retour n’a été créé.',
  'returns.error.weight':
    'Commande {{order}} : le colis n’a pas de poids connu, aucun retour n’a donc été créé.',
  'returns.error.option':
    'Commande {{order}} : l’envoi ne nomme aucune option d’expédition pour le retour. Aucun retour n’a été créé.',
  'returns.error.unsure':
    'Sendcloud a peut-être créé le retour mais ne répond pas pour l’instant. Réessayez quand il répond : le poste vérifie avant d’en créer un autre.',
  'returns.error.notFound': 'Ce poste n’a pas de retour {{id}}.',
  'returns.print.noPrinter':
    'Aucune imprimante d’étiquettes n’est configurée. L’étiquette de retour est conservée : imprimez-la depuis la liste des retours.',
  'returns.print.noLabel': 'Sendcloud n’a pas encore d’étiquette pour ce retour.',
  'ui.returns.action': 'Retour',
  'ui.returns.fromScan': 'Créer un retour pour ce colis…',
  'ui.returns.keyHint': 'T retour',
  'ui.returns.title': 'Créer un retour',
  'ui.returns.intro':
    'Sendcloud crée un retour du client vers l’entrepôt, avec l’option d’expédition de cet envoi.',
  'ui.returns.delivery': 'Le client reçoit',
  'ui.returns.delivery.label': 'l’étiquette de retour, imprimée pour le carton',
  'ui.returns.delivery.link': 'le lien du portail de retour (copié)',
  'ui.returns.confirm': 'Créer le retour',
  'ui.returns.making': 'Demande du retour à Sendcloud…',
  'ui.returns.made.label': 'Retour créé : son étiquette est imprimée.',
  'ui.returns.made.link': 'Retour créé : le lien du portail est copié.',
  'ui.returns.existing': 'Cet envoi a déjà un retour : affiché ici, pas créé une seconde fois.',
  'ui.returns.notPrinted': 'Le retour est créé, son étiquette n’a pas été imprimée : {{reason}}',
  'ui.returns.noPortal':
    'Le retour est créé, mais cet envoi n’a pas de portail de retour (sa marque n’en a pas).',
  'ui.returns.failed': 'Aucun retour créé : {{reason}}',
  'ui.returns.copy': 'Copier le lien',
  'ui.returns.copied': 'Lien copié.',
  'ui.returns.printAgain': 'Imprimer l’étiquette de retour',
  'ui.returns.onShipment': 'Retour',
  'ui.returns.tab.shipments': 'Envois',
  'ui.returns.tab.returns': 'Retours',
  'ui.returns.list.reading': 'Lecture des retours…',
  'ui.returns.list.failed': 'Impossible de lire les retours : {{reason}}',
  'ui.returns.list.empty': 'Aucun retour créé ces jours-là.',
  'ui.returns.list.refresh': 'Demander leur statut à Sendcloud',
  'ui.returns.column.made': 'Créé',
  'ui.returns.column.order': 'Commande',
  'ui.returns.column.tracking': 'Suivi du retour',
  'ui.returns.column.status': 'Statut',
  'ui.returns.column.link': 'Lien du portail',
  'ui.returns.status.announcing': 'En cours d’annonce',
  'ui.returns.status.ready-to-send': 'Prêt à partir',
  'ui.returns.status.in-transit': 'En route vers l’entrepôt',
  'ui.returns.status.delivered': 'Revenu à l’entrepôt',
  'ui.returns.status.cancelled': 'Annulé',
  'ui.returns.status.unknown': 'Inconnu',
  'ui.returns.day.count': 'Retours créés',
};
