import type { warehouseJoin as english } from '../en/warehouse-join';
import type { Translation } from '../translation';

export const warehouseJoin: Translation<typeof english> = {
  'rules.warehouse.empty':
    'Geben Sie die Verbindungszeichenfolge der Lagerdatenbank an, z. B. postgres://packdesk@db.example:5432/lager.',
  'rules.warehouse.notPostgres':
    'Eine PostgreSQL-Verbindungszeichenfolge beginnt mit postgres:// oder postgresql://.',
  'rules.warehouse.noHost':
    'Die Verbindungszeichenfolge nennt keinen Server: postgres://benutzer@host:5432/datenbank.',
  'rules.warehouse.badPort': 'Der Port muss eine Zahl von 1 bis 65535 sein.',
  'error.input.stationName': 'Geben Sie der Station einen Namen.',
  'warehouse.join.wrongPassword':
    'Die Lagerdatenbank hat Benutzername oder Passwort abgelehnt. Prüfen Sie beides und versuchen Sie es erneut.',
  'warehouse.join.passwordNeeded':
    'Die Lagerdatenbank verlangt ein Passwort: Geben Sie es im Passwortfeld ein.',
  'warehouse.join.refused':
    'Die Lagerdatenbank lässt diesen Benutzer von diesem Computer nicht zu: Fragen Sie die Administration.',
  'warehouse.join.unreachable':
    'Unter {{target}} antwortet kein Datenbankserver. Prüfen Sie Hostname und Port und ob dieser Computer ihn erreichen kann.',
  'warehouse.join.noDatabase': 'Der Server unter {{target}} hat keine Datenbank dieses Namens.',
  'warehouse.join.schemaNewer':
    'Die Lagerdatenbank ist neuer (Schema {{found}}) als diese Station kennt ({{known}}): Aktualisieren Sie zuerst Packdesk auf dieser Station.',
  'warehouse.join.failed':
    'Die Lagerdatenbank hat mit einem Fehler geantwortet (PostgreSQL-Code {{code}}).',
  'warehouse.fromEnvironment':
    'PACKDESK_WAREHOUSE_DB legt das Lager auf diesem Computer fest: Ändern oder entfernen Sie es dort.',
  'warehouse.nameFromEnvironment':
    'PACKDESK_STATION_NAME gibt dieser Station ihren Namen: Ändern Sie ihn dort.',
  'warehouse.alone.keychain':
    'Das Lagerpasswort kann nicht aus dem Schlüsselbund gelesen werden: {{reason}}',
};
