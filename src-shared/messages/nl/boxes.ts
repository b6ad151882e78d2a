import type { boxes as english } from '../en/boxes';
import type { Translation } from '../translation';

export const boxes: Translation<typeof english> = {
  'boxes.error.noWeight':
    'Order {{order}} heeft geen bekend gewicht om over de dozen te verdelen: vul het gewicht in de shop in en scan opnieuw.',
  'boxes.step.printing': 'Label {{nr}} van {{count}} wordt geprint…',
  'boxes.step.printed': '{{labels}} labels geprint',
  'boxes.applied': 'Order {{order}} gaat in {{boxes}} dozen.',
  'boxes.next.title': 'Volgend label',
  'boxes.next.boxes': '{{boxes}} dozen',
  'boxes.next.until': 'Tot het label van de volgende order het gebruikt.',
  'boxes.next.set': 'Dozen (Alt+B)',
  'boxes.next.clear': 'Wissen',
  'boxes.next.field': 'Aantal dozen',
  'boxes.next.hint': 'Enter om in te stellen, Escape om te sluiten',
  'boxes.next.failed': 'Niet ingesteld: {{reason}}',
  'boxes.void.all':
    'Dit label is doos {{nr}} van {{count}}: annuleren annuleert alle {{count}} labels van de zending in Sendcloud.',
  'boxes.row.box': 'Doos {{nr}}/{{count}}',
};
