import type { warehouseJoin as english } from '../en/warehouse-join';
import type { Translation } from '../translation';

export const warehouseJoin: Translation<typeof english> = {
  'rules.warehouse.empty':
    'Indiquez la chaîne de connexion de la base de l’entrepôt, p. ex. postgres://packdesk@db.example:5432/entrepot.',
  'rules.warehouse.notPostgres':
    'Une chaîne de connexion PostgreSQL commence par postgres:// ou postgresql://.',
  'rules.warehouse.noHost':
    'La chaîne de connexion ne nomme aucun serveur : postgres://utilisateur@hote:5432/base.',
  'rules.warehouse.badPort': 'Le port doit être un nombre de 1 à 65535.',
  'error.input.stationName': 'Donnez un nom au poste.',
  'warehouse.join.wrongPassword':
    'La base de l’entrepôt a refusé le nom d’utilisateur ou le mot de passe. Vérifiez les deux et réessayez.',
  'warehouse.join.passwordNeeded':
    'La base de l’entrepôt demande un mot de passe : saisissez-le dans le champ du mot de passe.',
  'warehouse.join.refused':
    'La base de l’entrepôt n’accepte pas cet utilisateur depuis cet ordinateur : demandez à son administrateur.',
  'warehouse.join.unreachable':
    'Aucun serveur de base de données ne répond à {{target}}. Vérifiez le nom d’hôte et le port, et que cet ordinateur peut le joindre.',
  'warehouse.join.noDatabase': 'Le serveur à {{target}} n’a aucune base de ce nom.',
  'warehouse.join.schemaNewer':
    'La base de l’entrepôt est plus récente (schéma {{found}}) que ce que connaît ce poste ({{known}}) : mettez d’abord Packdesk à jour sur ce poste.',
  'warehouse.join.failed':
    'La base de l’entrepôt a répondu par une erreur (code PostgreSQL {{code}}).',
  'warehouse.fromEnvironment':
    'PACKDESK_WAREHOUSE_DB définit l’entrepôt sur cet ordinateur : modifiez-le ou retirez-le là.',
  'warehouse.nameFromEnvironment': 'PACKDESK_STATION_NAME nomme ce poste : modifiez-le là.',
  'warehouse.alone.keychain':
    'Le mot de passe de l’entrepôt ne peut pas être lu dans le trousseau : {{reason}}',
};
