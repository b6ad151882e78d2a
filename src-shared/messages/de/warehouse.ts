import type { warehouse as english } from '../en/warehouse';
import type { Translation } from '../translation';

export const warehouse: Translation<typeof english> = {
  'warehouse.alone.starting': 'Verbindung zur Lagerdatenbank wird aufgebaut…',
  'warehouse.alone.unreachable':
    'Die Lagerdatenbank ist nicht erreichbar: Diese Station arbeitet allein und holt auf, sobald sie wieder da ist.',
  'warehouse.alone.refused':
    'Die Lagerdatenbank hat Benutzer oder Passwort dieser Station abgelehnt.',
  'warehouse.alone.noDatabase': 'Die in den Einstellungen genannte Lagerdatenbank gibt es nicht.',
  'warehouse.alone.schemaNewer':
    'Die Lagerdatenbank ist neuer (Schema {{found}}), als diese Station kennt ({{known}}): Aktualisieren Sie Packdesk auf dieser Station.',
  'header.warehouse': 'Lager',
  'header.warehouse.connected_one': 'Verbunden, {{count}} Station',
  'header.warehouse.connected_other': 'Verbunden, {{count}} Stationen',
  'header.warehouse.alone': 'Arbeitet allein',
};
