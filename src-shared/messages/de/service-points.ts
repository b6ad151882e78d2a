import type { servicePoints as english } from '../en/service-points';
import type { Translation } from '../translation';

export const servicePoints: Translation<typeof english> = {
  'servicePoints.error.closed':
    'Bestellung {{order}}: Servicepunkt {{point}} ist geschlossen. Wählen Sie einen anderen Punkt für das Etikett.',
  'servicePoints.error.unknown':
    'Bestellung {{order}}: Sendcloud kennt den Servicepunkt {{point}} nicht. Wählen Sie einen anderen Punkt für das Etikett.',
  'servicePoints.error.notWaiting': 'Bestellung {{order}} wartet nicht auf einen Servicepunkt.',
  'servicePoints.error.choose': 'Wählen Sie einen Servicepunkt oder die Lieferung nach Hause.',
  'servicePoints.error.homeNotAllowed':
    'Dieses Konto liefert Servicepunkt-Bestellungen nicht an die Adresse des Kunden.',
  'servicePoints.error.noHomeOption': '{{carrier}} liefert an diese Adresse nicht nach Hause.',
  'servicePoints.ui.point': 'Servicepunkt',
  'servicePoints.ui.pointLine':
    '{{carrier}} · {{name}}, {{street}} {{number}}, {{postcode}} {{city}} (Punkt {{id}})',
  'servicePoints.ui.offers': 'Nächste geöffnete Punkte von {{carrier}}',
  'servicePoints.ui.looking': 'Geöffnete Punkte in der Nähe werden gesucht…',
  'servicePoints.ui.none': 'Kein geöffneter Punkt dieses Versanddienstleisters in der Nähe.',
  'servicePoints.ui.distance': '{{km}} km',
  'servicePoints.ui.home': 'Stattdessen an die Adresse des Kunden liefern',
  'servicePoints.ui.keys': '↑ ↓ zum Wählen, Enter oder eine Ziffer zum Übernehmen',
  'servicePoints.ui.allowHome':
    'Servicepunkt-Bestellungen nach Hause liefern, wenn der Punkt geschlossen ist',
};
