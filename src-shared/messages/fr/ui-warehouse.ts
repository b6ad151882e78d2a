import type { uiWarehouse as english } from '../en/ui-warehouse';
import type { Translation } from '../translation';

export const uiWarehouse: Translation<typeof english> = {
  'nav.warehouse': 'Entrepôt',
  'ui.warehouse.title': 'Entrepôt',
  'ui.warehouse.intro':
    'Les postes d’un entrepôt partagent une base PostgreSQL : une étiquette par commande, un budget Sendcloud, une journée. Sans elle, ce poste travaille seul.',
  'ui.warehouse.now': 'En ce moment',
  'ui.warehouse.state.single': 'Dans aucun entrepôt : ce poste travaille seul.',
  'ui.warehouse.state.connected_one': 'Connecté à {{target}}, {{count}} poste.',
  'ui.warehouse.state.connected_many': 'Connecté à {{target}}, {{count}} postes.',
  'ui.warehouse.state.connected_other': 'Connecté à {{target}}, {{count}} postes.',
  'ui.warehouse.state.alone': 'Travaille seul ({{target}}) : {{reason}}',
  'ui.warehouse.fromEnvironment':
    'Défini sur cet ordinateur par PACKDESK_WAREHOUSE_DB : affiché ici, modifié là.',
  'ui.warehouse.connection': 'Chaîne de connexion',
  'ui.warehouse.connectionHint':
    'postgres://utilisateur@hote:5432/base. Un mot de passe saisi dedans va dans le trousseau, pas dans les réglages du poste.',
  'ui.warehouse.password': 'Mot de passe',
  'ui.warehouse.passwordHint':
    'Conservé dans le trousseau de cet ordinateur, jamais dans les réglages du poste.',
  'ui.warehouse.stationName': 'Nom du poste',
  'ui.warehouse.stationNameHint':
    'Le nom que les autres postes et l’écran Journée donnent à celui-ci.',
  'ui.warehouse.stationNameFixed': 'Défini par PACKDESK_STATION_NAME sur cet ordinateur.',
  'ui.warehouse.join': 'Vérifier et rejoindre',
  'ui.warehouse.checking': 'Vérification de la connexion…',
  'ui.warehouse.joined': 'Rejoint : ce poste travaille désormais avec l’entrepôt.',
  'ui.warehouse.notJoined': 'Non rejoint : {{reason}}',
  'ui.warehouse.leave': 'Quitter l’entrepôt',
  'ui.warehouse.leaveConfirm':
    'Quitter l’entrepôt ? Ce poste travaille alors seul, et son mot de passe d’entrepôt est retiré du trousseau.',
  'ui.warehouse.leaveYes': 'Quitter',
  'ui.warehouse.leaving': 'Départ en cours…',
  'ui.warehouse.left': 'Quitté : ce poste travaille seul.',
  'ui.warehouse.notLeft': 'Non quitté : {{reason}}',
  'ui.warehouse.rename': 'Renommer',
  'ui.warehouse.renamed': 'Renommé.',
  'ui.warehouse.reading': 'Lecture des réglages de l’entrepôt…',
  'ui.warehouse.readFailed': 'Les réglages de l’entrepôt ne peuvent pas être lus : {{reason}}',
};
