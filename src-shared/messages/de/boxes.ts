import type { boxes as english } from '../en/boxes';
import type { Translation } from '../translation';

export const boxes: Translation<typeof english> = {
  'boxes.error.noWeight':
    'Bestellung {{order}} hat kein bekanntes Gewicht zum Aufteilen auf die Kartons: Gewicht im Shop eintragen und erneut scannen.',
  'boxes.step.printing': 'Etikett {{nr}} von {{count}} wird gedruckt…',
  'boxes.step.printed': '{{labels}} Etiketten gedruckt',
  'boxes.applied': 'Bestellung {{order}} geht in {{boxes}} Kartons.',
  'boxes.next.title': 'Nächstes Etikett',
  'boxes.next.boxes': '{{boxes}} Kartons',
  'boxes.next.until': 'Bis das Etikett der nächsten Bestellung es verwendet.',
  'boxes.next.set': 'Kartons (Alt+B)',
  'boxes.next.clear': 'Löschen',
  'boxes.next.field': 'Anzahl Kartons',
  'boxes.next.hint': 'Enter zum Setzen, Escape zum Schließen',
  'boxes.next.failed': 'Nicht gesetzt: {{reason}}',
  'boxes.void.all':
    'Dieses Etikett ist Karton {{nr}} von {{count}}: Stornieren storniert alle {{count}} Etiketten der Sendung bei Sendcloud.',
  'boxes.row.box': 'Karton {{nr}}/{{count}}',
};
