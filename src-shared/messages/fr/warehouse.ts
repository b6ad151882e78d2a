import type { warehouse as english } from '../en/warehouse';
import type { Translation } from '../translation';

export const warehouse: Translation<typeof english> = {
  'warehouse.alone.starting': 'Connexion à la base de l’entrepôt…',
  'warehouse.alone.unreachable':
    'La base de l’entrepôt est injoignable : ce poste travaille seul et rattrape son retard dès son retour.',
  'warehouse.alone.refused':
    'La base de l’entrepôt a refusé l’utilisateur ou le mot de passe de ce poste.',
  'warehouse.alone.noDatabase': 'La base de l’entrepôt indiquée dans les réglages n’existe pas.',
  'warehouse.alone.schemaNewer':
    'La base de l’entrepôt est plus récente (schéma {{found}}) que ce que connaît ce poste ({{known}}) : mettez Packdesk à jour sur ce poste.',
  'header.warehouse': 'Entrepôt',
  'header.warehouse.connected_one': 'Connecté, {{count}} poste',
  'header.warehouse.connected_other': 'Connecté, {{count}} postes',
  'header.warehouse.connected_many': 'Connecté, {{count}} postes',
  'header.warehouse.alone': 'Travaille seul',
};
