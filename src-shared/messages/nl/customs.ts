import type { customs as english } from '../en/customs';
import type { Translation } from '../translation';

export const customs: Translation<typeof english> = {
  'customs.item.noDescription':
    'Artikel {{item}} heeft geen omschrijving: de douane vraagt er een.',
  'customs.item.noQuantity': 'Artikel {{item}}, {{name}}: geen aantal.',
  'customs.item.noWeight': 'Artikel {{item}}, {{name}}: geen gewicht.',
  'customs.item.noValue': 'Artikel {{item}}, {{name}}: geen waarde.',
  'customs.item.noHsCode': 'Artikel {{item}}, {{name}}: geen HS-code.',
  'customs.item.noOrigin': 'Artikel {{item}}, {{name}}: geen land van herkomst.',
  'customs.parcel.noWeight':
    'Order {{order}} heeft geen gewicht, niet op de order en niet op elk artikel: een label voor 0 kg wordt nooit gemaakt.',
  'customs.documents.waitForA4':
    'De douanedocumenten wachten op een A4-printer: stel er een in onder Printers.',
  'customs.documents.error.noA4': 'Er is geen A4-printer ingesteld.',
  'customs.scan.printed': 'Label + douanedocumenten geprint',
  'customs.scan.documentsWaiting': 'Label geprint, douanedocumenten wachten',
  'customs.scan.documentsPrinting': 'Label geprint, douanedocumenten worden geprint',
  'customs.copies.title': 'Douanedocumenten',
  'customs.copies.help':
    'Hoeveel exemplaren van de douaneverklaring (en air waybill) elke vervoerder nodig heeft, geprint op de A4-printer.',
  'customs.copies.carrier': 'Exemplaren voor {{carrier}}',
};
