import type { uiWarehouse as english } from '../en/ui-warehouse';
import type { Translation } from '../translation';

export const uiWarehouse: Translation<typeof english> = {
  'nav.warehouse': 'Lager',
  'ui.warehouse.title': 'Lager',
  'ui.warehouse.intro':
    'Die Stationen eines Lagers teilen sich eine PostgreSQL-Datenbank: ein Label pro Bestellung, ein Sendcloud-Budget, ein Tag. Ohne sie arbeitet diese Station für sich.',
  'ui.warehouse.now': 'Jetzt',
  'ui.warehouse.state.single': 'In keinem Lager: Diese Station arbeitet für sich.',
  'ui.warehouse.state.connected_one': 'Verbunden mit {{target}}, {{count}} Station.',
  'ui.warehouse.state.connected_other': 'Verbunden mit {{target}}, {{count}} Stationen.',
  'ui.warehouse.state.alone': 'Arbeitet allein ({{target}}): {{reason}}',
  'ui.warehouse.fromEnvironment':
    'Auf diesem Computer mit PACKDESK_WAREHOUSE_DB festgelegt: hier angezeigt, dort geändert.',
  'ui.warehouse.connection': 'Verbindungszeichenfolge',
  'ui.warehouse.connectionHint':
    'postgres://benutzer@host:5432/datenbank. Ein darin eingegebenes Passwort kommt in den Schlüsselbund, nicht in die Einstellungen der Station.',
  'ui.warehouse.password': 'Passwort',
  'ui.warehouse.passwordHint':
    'Im Schlüsselbund dieses Computers aufbewahrt, nie in den Einstellungen der Station.',
  'ui.warehouse.stationName': 'Name der Station',
  'ui.warehouse.stationNameHint':
    'So nennen die anderen Stationen und die Tagesansicht diese Station.',
  'ui.warehouse.stationNameFixed': 'Mit PACKDESK_STATION_NAME auf diesem Computer festgelegt.',
  'ui.warehouse.join': 'Prüfen und beitreten',
  'ui.warehouse.checking': 'Die Verbindung wird geprüft…',
  'ui.warehouse.joined': 'Beigetreten: Diese Station arbeitet jetzt mit dem Lager.',
  'ui.warehouse.notJoined': 'Nicht beigetreten: {{reason}}',
  'ui.warehouse.leave': 'Lager verlassen',
  'ui.warehouse.leaveConfirm':
    'Das Lager verlassen? Diese Station arbeitet dann für sich, und ihr Lagerpasswort wird aus dem Schlüsselbund entfernt.',
  'ui.warehouse.leaveYes': 'Verlassen',
  'ui.warehouse.leaving': 'Wird verlassen…',
  'ui.warehouse.left': 'Verlassen: Diese Station arbeitet für sich.',
  'ui.warehouse.notLeft': 'Nicht verlassen: {{reason}}',
  'ui.warehouse.rename': 'Umbenennen',
  'ui.warehouse.renamed': 'Umbenannt.',
  'ui.warehouse.reading': 'Die Lagereinstellungen werden gelesen…',
  'ui.warehouse.readFailed': 'Die Lagereinstellungen können nicht gelesen werden: {{reason}}',
};
