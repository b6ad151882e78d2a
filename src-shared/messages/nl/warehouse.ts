import type { warehouse as english } from '../en/warehouse';
import type { Translation } from '../translation';

export const warehouse: Translation<typeof english> = {
  'warehouse.alone.starting': 'Verbinden met de magazijndatabase…',
  'warehouse.alone.unreachable':
    'De magazijndatabase is niet bereikbaar: dit station werkt alleen en haalt in zodra ze terug is.',
  'warehouse.alone.refused':
    'De magazijndatabase weigerde de gebruiker of het wachtwoord van dit station.',
  'warehouse.alone.noDatabase': 'De magazijndatabase uit de instellingen bestaat niet.',
  'warehouse.alone.schemaNewer':
    'De magazijndatabase is nieuwer (schema {{found}}) dan dit station kent ({{known}}): werk Packdesk op dit station bij.',
  'header.warehouse': 'Magazijn',
  'header.warehouse.connected_one': 'Verbonden, {{count}} station',
  'header.warehouse.connected_other': 'Verbonden, {{count}} stations',
  'header.warehouse.alone': 'Werkt alleen',
};
