import type { servicePoints as english } from '../en/service-points';
import type { Translation } from '../translation';

export const servicePoints: Translation<typeof english> = {
  'servicePoints.error.closed':
    'Commande {{order}} : le point relais {{point}} est fermé. Choisissez un autre point pour l’étiquette.',
  'servicePoints.error.unknown':
    'Commande {{order}} : Sendcloud ne connaît pas le point relais {{point}}. Choisissez un autre point pour l’étiquette.',
  'servicePoints.error.notWaiting': 'La commande {{order}} n’attend pas de point relais.',
  'servicePoints.error.choose': 'Choisissez un point relais, ou la livraison à domicile.',
  'servicePoints.error.homeNotAllowed':
    'Ce compte ne livre pas les commandes en point relais à l’adresse du client.',
  'servicePoints.error.noHomeOption': '{{carrier}} ne livre pas à domicile à cette adresse.',
  'servicePoints.ui.point': 'Point relais',
  'servicePoints.ui.pointLine':
    '{{carrier}} · {{name}}, {{number}} {{street}}, {{postcode}} {{city}} (point {{id}})',
  'servicePoints.ui.offers': 'Points relais ouverts les plus proches de {{carrier}}',
  'servicePoints.ui.looking': 'Recherche de points ouverts à proximité…',
  'servicePoints.ui.none': 'Aucun point ouvert de ce transporteur à proximité.',
  'servicePoints.ui.distance': '{{km}} km',
  'servicePoints.ui.home': 'Livrer plutôt à l’adresse du client',
  'servicePoints.ui.keys': '↑ ↓ pour choisir, Entrée ou un chiffre pour valider',
  'servicePoints.ui.allowHome':
    'Livrer à domicile les commandes en point relais quand leur point est fermé',
};
