import type { customs as english } from '../en/customs';
import type { Translation } from '../translation';

export const customs: Translation<typeof english> = {
  'customs.item.noDescription':
    "L'article {{item}} n'a pas de description : la douane en demande une.",
  'customs.item.noQuantity': 'Article {{item}}, {{name}} : pas de quantité.',
  'customs.item.noWeight': 'Article {{item}}, {{name}} : pas de poids.',
  'customs.item.noValue': 'Article {{item}}, {{name}} : pas de valeur.',
  'customs.item.noHsCode': 'Article {{item}}, {{name}} : pas de code SH.',
  'customs.item.noOrigin': "Article {{item}}, {{name}} : pas de pays d'origine.",
  'customs.parcel.noWeight':
    "La commande {{order}} n'a pas de poids, ni sur la commande ni sur chaque article : aucune étiquette n'est faite pour 0 kg.",
  'customs.documents.waitForA4':
    'Les documents douaniers attendent une imprimante A4 : configurez-en une dans Imprimantes.',
  'customs.documents.error.noA4': "Aucune imprimante A4 n'est configurée.",
  'customs.scan.printed': 'Étiquette + documents douaniers imprimés',
  'customs.scan.documentsWaiting': 'Étiquette imprimée, documents douaniers en attente',
  'customs.scan.documentsPrinting': 'Étiquette imprimée, impression des documents douaniers',
  'customs.copies.title': 'Documents douaniers',
  'customs.copies.help':
    "Exemplaires de la déclaration en douane (et de la lettre de transport aérien) qu'exige chaque transporteur, imprimés sur l'imprimante A4.",
  'customs.copies.carrier': 'Exemplaires pour {{carrier}}',
};
