import type { shipments as english } from '../en/shipments';
import type { Translation } from '../translation';

export const shipments: Translation<typeof english> = {
  'shipments.notFound': 'Diese Station kennt keine Sendung {{parcel}}.',
  'shipments.label.voided':
    'Das Etikett {{tracking}} ist storniert: Es kann nicht erneut gedruckt werden.',
  'shipments.range.reversed': 'Der erste Tag liegt nach dem letzten.',
  'shipments.reprint.damaged': 'Etikett beschädigt: erneut gedruckt auf {{printer}}.',
  'shipments.reprint.lost': 'Etikett verloren: erneut gedruckt auf {{printer}}.',
  'shipments.reprint.wrongPrinter':
    'Am falschen Drucker gelandet: erneut gedruckt auf {{printer}}.',
  'shipments.reprint.other': 'Erneut gedruckt auf {{printer}}.',
  'shipments.reprint.otherNote': '{{note}}: erneut gedruckt auf {{printer}}.',
};
