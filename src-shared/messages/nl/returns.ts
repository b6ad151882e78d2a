import type { returns as english } from '../en/returns';
import type { Translation } from '../translation';

export const returns: Translation<typeof english> = {
  'returns.error.address':
    'Order {{order}}: de zending bij Sendcloud mist een adres dat de retour nodig heeft. Er is geen retour gemaakt.',
  'returns.error.weight':
    'Order {{order}}: het pakket heeft geen bekend gewicht, dus er is geen retour gemaakt.',
  'returns.error.option':
    'Order {{order}}: de zending noemt geen verzendoptie voor de retour. Er is geen retour gemaakt.',
  'returns.error.unsure':
    'Sendcloud heeft de retour misschien gemaakt, maar is nu niet te bereiken. Probeer het opnieuw als Sendcloud antwoordt: het station kijkt eerst voordat het er nog een maakt.',
  'returns.error.notFound': 'Dit station heeft geen retour {{id}}.',
  'returns.print.noPrinter':
    'Er is geen labelprinter ingesteld. Het retourlabel is bewaard: print het vanuit de retourlijst.',
  'returns.print.noLabel': 'Sendcloud heeft nog geen label voor deze retour.',
  'ui.returns.action': 'Retour',
  'ui.returns.fromScan': 'Retour maken voor dit pakket…',
  'ui.returns.keyHint': 'T retour',
  'ui.returns.title': 'Retour maken',
  'ui.returns.intro':
    'Sendcloud maakt een retour van de klant terug naar het magazijn, met de verzendoptie van deze zending.',
  'ui.returns.delivery': 'De klant krijgt',
  'ui.returns.delivery.label': 'het retourlabel, geprint voor in de doos',
  'ui.returns.delivery.link': 'de link naar het retourportaal (gekopieerd)',
  'ui.returns.confirm': 'Retour maken',
  'ui.returns.making': 'Sendcloud om de retour vragen…',
  'ui.returns.made.label': 'Retour gemaakt: het label is geprint.',
  'ui.returns.made.link': 'Retour gemaakt: de portaallink is gekopieerd.',
  'ui.returns.existing': 'Deze zending heeft al een retour: hier getoond, niet opnieuw gemaakt.',
  'ui.returns.notPrinted': 'De retour is gemaakt, het label is niet geprint: {{reason}}',
  'ui.returns.noPortal':
    'De retour is gemaakt, maar deze zending heeft geen retourportaal (het merk heeft er geen).',
  'ui.returns.failed': 'Geen retour gemaakt: {{reason}}',
  'ui.returns.copy': 'Link kopiëren',
  'ui.returns.copied': 'Link gekopieerd.',
  'ui.returns.printAgain': 'Retourlabel printen',
  'ui.returns.onShipment': 'Retour',
  'ui.returns.tab.shipments': 'Zendingen',
  'ui.returns.tab.returns': 'Retouren',
  'ui.returns.list.reading': 'De retouren lezen…',
  'ui.returns.list.failed': 'Kon de retouren niet lezen: {{reason}}',
  'ui.returns.list.empty': 'Geen retouren gemaakt op deze dagen.',
  'ui.returns.list.refresh': 'Sendcloud om hun status vragen',
  'ui.returns.column.made': 'Gemaakt',
  'ui.returns.column.order': 'Order',
  'ui.returns.column.tracking': 'Retour-tracking',
  'ui.returns.column.status': 'Status',
  'ui.returns.column.link': 'Portaallink',
  'ui.returns.status.announcing': 'Wordt aangemeld',
  'ui.returns.status.ready-to-send': 'Klaar voor verzending',
  'ui.returns.status.in-transit': 'Onderweg terug',
  'ui.returns.status.delivered': 'Terug in het magazijn',
  'ui.returns.status.cancelled': 'Geannuleerd',
  'ui.returns.status.unknown': 'Onbekend',
  'ui.returns.day.count': 'Retouren gemaakt',
};
