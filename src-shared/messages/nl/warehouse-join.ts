import type { warehouseJoin as english } from '../en/warehouse-join';
import type { Translation } from '../translation';

export const warehouseJoin: Translation<typeof english> = {
  'rules.warehouse.empty':
    'Geef de verbindingstekst van de magazijndatabase, bijv. postgres://packdesk@db.example:5432/magazijn.',
  'rules.warehouse.notPostgres':
    'Een PostgreSQL-verbindingstekst begint met postgres:// of postgresql://.',
  'rules.warehouse.noHost':
    'De verbindingstekst noemt geen server: postgres://gebruiker@host:5432/database.',
  'rules.warehouse.badPort': 'De poort moet een getal van 1 tot 65535 zijn.',
  'error.input.stationName': 'Geef het station een naam.',
  'warehouse.join.wrongPassword':
    'De magazijndatabase weigerde de gebruikersnaam of het wachtwoord. Controleer beide en probeer het opnieuw.',
  'warehouse.join.passwordNeeded':
    'De magazijndatabase vraagt om een wachtwoord: typ het in het wachtwoordveld.',
  'warehouse.join.refused':
    'De magazijndatabase laat deze gebruiker niet toe vanaf deze computer: vraag het de beheerder.',
  'warehouse.join.unreachable':
    'Geen databaseserver antwoordt op {{target}}. Controleer de hostnaam en de poort, en of deze computer hem kan bereiken.',
  'warehouse.join.noDatabase': 'De server op {{target}} heeft geen database met die naam.',
  'warehouse.join.schemaNewer':
    'De magazijndatabase is nieuwer (schema {{found}}) dan dit station kent ({{known}}): werk Packdesk op dit station eerst bij.',
  'warehouse.join.failed':
    'De magazijndatabase antwoordde met een fout (PostgreSQL-code {{code}}).',
  'warehouse.fromEnvironment':
    'PACKDESK_WAREHOUSE_DB stelt het magazijn in op deze computer: wijzig of verwijder het daar.',
  'warehouse.nameFromEnvironment':
    'PACKDESK_STATION_NAME geeft dit station zijn naam: wijzig het daar.',
  'warehouse.alone.keychain':
    'Het magazijnwachtwoord kan niet uit de sleutelhanger worden gelezen: {{reason}}',
};
