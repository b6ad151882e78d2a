import type { customs as english } from '../en/customs';
import type { Translation } from '../translation';

export const customs: Translation<typeof english> = {
  'customs.item.noDescription': 'Artikel {{item}} hat keine Beschreibung: der Zoll braucht eine.',
  'customs.item.noQuantity': 'Artikel {{item}}, {{name}}: keine Menge.',
  'customs.item.noWeight': 'Artikel {{item}}, {{name}}: kein Gewicht.',
  'customs.item.noValue': 'Artikel {{item}}, {{name}}: kein Warenwert.',
  'customs.item.noHsCode': 'Artikel {{item}}, {{name}}: kein HS-Code.',
  'customs.item.noOrigin': 'Artikel {{item}}, {{name}}: kein Ursprungsland.',
  'customs.parcel.noWeight':
    'Auftrag {{order}} hat kein Gewicht, weder am Auftrag noch an jedem Artikel: ein Etikett für 0 kg wird nie erstellt.',
  'customs.documents.waitForA4':
    'Die Zolldokumente warten auf einen A4-Drucker: richten Sie einen unter Drucker ein.',
  'customs.documents.error.noA4': 'Kein A4-Drucker eingerichtet.',
  'customs.scan.printed': 'Etikett + Zolldokumente gedruckt',
  'customs.scan.documentsWaiting': 'Etikett gedruckt, Zolldokumente warten',
  'customs.scan.documentsPrinting': 'Etikett gedruckt, Zolldokumente werden gedruckt',
  'customs.copies.title': 'Zolldokumente',
  'customs.copies.help':
    'Exemplare der Zollinhaltserklärung (und des Luftfrachtbriefs), die jeder Versanddienstleister braucht, gedruckt auf dem A4-Drucker.',
  'customs.copies.carrier': 'Exemplare für {{carrier}}',
};
