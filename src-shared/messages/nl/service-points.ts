import type { servicePoints as english } from '../en/service-points';
import type { Translation } from '../translation';

export const servicePoints: Translation<typeof english> = {
  'servicePoints.error.closed':
    'Bestelling {{order}}: servicepunt {{point}} is gesloten. Kies een ander punt voor het label.',
  'servicePoints.error.unknown':
    'Bestelling {{order}}: Sendcloud kent servicepunt {{point}} niet. Kies een ander punt voor het label.',
  'servicePoints.error.notWaiting': 'Bestelling {{order}} wacht niet op een servicepunt.',
  'servicePoints.error.choose': 'Kies een servicepunt, of thuisbezorging.',
  'servicePoints.error.homeNotAllowed':
    'Dit account bezorgt servicepuntbestellingen niet op het adres van de klant.',
  'servicePoints.error.noHomeOption': '{{carrier}} bezorgt niet thuis op dit adres.',
  'servicePoints.ui.point': 'Servicepunt',
  'servicePoints.ui.pointLine':
    '{{carrier}} · {{name}}, {{street}} {{number}}, {{postcode}} {{city}} (punt {{id}})',
  'servicePoints.ui.offers': 'Dichtstbijzijnde open punten van {{carrier}}',
  'servicePoints.ui.looking': 'Open punten in de buurt zoeken…',
  'servicePoints.ui.none': 'Geen open punt van deze vervoerder in de buurt.',
  'servicePoints.ui.distance': '{{km}} km',
  'servicePoints.ui.home': 'In plaats daarvan op het adres van de klant bezorgen',
  'servicePoints.ui.keys': '↑ ↓ om te kiezen, Enter of een cijfer om te nemen',
  'servicePoints.ui.allowHome': 'Servicepuntbestellingen thuis bezorgen als het punt gesloten is',
};
