import type { shipments as english } from '../en/shipments';
import type { Translation } from '../translation';

export const shipments: Translation<typeof english> = {
  'shipments.notFound': 'Dit station kent geen zending {{parcel}}.',
  'shipments.label.voided':
    'Het label {{tracking}} is geannuleerd: het kan niet opnieuw geprint worden.',
  'shipments.range.reversed': 'De eerste dag ligt na de laatste.',
  'shipments.reprint.damaged': 'Label beschadigd: opnieuw geprint op {{printer}}.',
  'shipments.reprint.lost': 'Label kwijt: opnieuw geprint op {{printer}}.',
  'shipments.reprint.wrongPrinter':
    'Naar de verkeerde printer gegaan: opnieuw geprint op {{printer}}.',
  'shipments.reprint.other': 'Opnieuw geprint op {{printer}}.',
  'shipments.reprint.otherNote': '{{note}}: opnieuw geprint op {{printer}}.',
};
