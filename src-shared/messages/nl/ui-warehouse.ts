import type { uiWarehouse as english } from '../en/ui-warehouse';
import type { Translation } from '../translation';

export const uiWarehouse: Translation<typeof english> = {
  'nav.warehouse': 'Magazijn',
  'ui.warehouse.title': 'Magazijn',
  'ui.warehouse.intro':
    'De stations van één magazijn delen een PostgreSQL-database: één label per order, één Sendcloud-budget, één dag. Zonder database werkt dit station op zichzelf.',
  'ui.warehouse.now': 'Nu',
  'ui.warehouse.state.single': 'Niet in een magazijn: dit station werkt op zichzelf.',
  'ui.warehouse.state.connected_one': 'Verbonden met {{target}}, {{count}} station.',
  'ui.warehouse.state.connected_other': 'Verbonden met {{target}}, {{count}} stations.',
  'ui.warehouse.state.alone': 'Werkt alleen ({{target}}): {{reason}}',
  'ui.warehouse.fromEnvironment':
    'Op deze computer ingesteld met PACKDESK_WAREHOUSE_DB: hier getoond, daar gewijzigd.',
  'ui.warehouse.connection': 'Verbindingstekst',
  'ui.warehouse.connectionHint':
    'postgres://gebruiker@host:5432/database. Een wachtwoord daarin gaat naar de sleutelhanger, niet in de instellingen van het station.',
  'ui.warehouse.password': 'Wachtwoord',
  'ui.warehouse.passwordHint':
    'Bewaard in de sleutelhanger van deze computer, nooit in de instellingen van het station.',
  'ui.warehouse.stationName': 'Naam van het station',
  'ui.warehouse.stationNameHint': 'Zo noemen de andere stations en het Dag-scherm dit station.',
  'ui.warehouse.stationNameFixed': 'Ingesteld met PACKDESK_STATION_NAME op deze computer.',
  'ui.warehouse.join': 'Controleren en aansluiten',
  'ui.warehouse.checking': 'De verbinding wordt gecontroleerd…',
  'ui.warehouse.joined': 'Aangesloten: dit station werkt nu met het magazijn.',
  'ui.warehouse.notJoined': 'Niet aangesloten: {{reason}}',
  'ui.warehouse.leave': 'Magazijn verlaten',
  'ui.warehouse.leaveConfirm':
    'Het magazijn verlaten? Dit station werkt dan op zichzelf, en zijn magazijnwachtwoord wordt uit de sleutelhanger verwijderd.',
  'ui.warehouse.leaveYes': 'Verlaten',
  'ui.warehouse.leaving': 'Bezig met verlaten…',
  'ui.warehouse.left': 'Verlaten: dit station werkt op zichzelf.',
  'ui.warehouse.notLeft': 'Niet verlaten: {{reason}}',
  'ui.warehouse.rename': 'Hernoemen',
  'ui.warehouse.renamed': 'Hernoemd.',
  'ui.warehouse.reading': 'De magazijninstellingen worden gelezen…',
  'ui.warehouse.readFailed': 'De magazijninstellingen kunnen niet worden gelezen: {{reason}}',
};
