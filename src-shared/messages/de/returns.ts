import type { returns as english } from '../en/returns';
import type { Translation } from '../translation';

export const returns: Translation<typeof english> = {
  'returns.error.address':
    'Bestellung {{order}}: Der Sendung bei Sendcloud fehlt eine Adresse, die die Retoure braucht. Es wurde keine Retoure erstellt.',
  'returns.error.weight':
    'Bestellung {{order}}: Das Paket hat kein bekanntes Gewicht, daher wurde keine Retoure erstellt.',
  'returns.error.option':
    'Bestellung {{order}}: Die Sendung nennt keine Versandoption für die Retoure. Es wurde keine Retoure erstellt.',
  'returns.error.unsure':
    'Sendcloud hat die Retoure vielleicht erstellt, ist aber gerade nicht erreichbar. Versuchen Sie es erneut, wenn Sendcloud antwortet: Die Station prüft zuerst, bevor sie eine weitere erstellt.',
  'returns.error.notFound': 'Diese Station hat keine Retoure {{id}}.',
  'returns.print.noPrinter':
    'Kein Etikettendrucker eingerichtet. Das Retourenetikett ist gespeichert: Drucken Sie es aus der Retourenliste.',
  'returns.print.noLabel': 'Sendcloud hat noch kein Etikett für diese Retoure.',
  'ui.returns.action': 'Retoure',
  'ui.returns.fromScan': 'Retoure für dieses Paket erstellen…',
  'ui.returns.keyHint': 'T Retoure',
  'ui.returns.title': 'Retoure erstellen',
  'ui.returns.intro':
    'Sendcloud erstellt eine Retoure vom Kunden zurück ins Lager, mit der Versandoption dieser Sendung.',
  'ui.returns.delivery': 'Der Kunde bekommt',
  'ui.returns.delivery.label': 'das Retourenetikett, gedruckt für den Karton',
  'ui.returns.delivery.link': 'den Link zum Retourenportal (kopiert)',
  'ui.returns.confirm': 'Retoure erstellen',
  'ui.returns.making': 'Sendcloud wird um die Retoure gebeten…',
  'ui.returns.made.label': 'Retoure erstellt: Das Etikett ist gedruckt.',
  'ui.returns.made.link': 'Retoure erstellt: Der Portal-Link ist kopiert.',
  'ui.returns.existing':
    'Diese Sendung hat schon eine Retoure: hier gezeigt, nicht noch einmal erstellt.',
  'ui.returns.notPrinted': 'Die Retoure ist erstellt, das Etikett wurde nicht gedruckt: {{reason}}',
  'ui.returns.noPortal':
    'Die Retoure ist erstellt, aber diese Sendung hat kein Retourenportal (ihre Marke hat keins).',
  'ui.returns.failed': 'Keine Retoure erstellt: {{reason}}',
  'ui.returns.copy': 'Link kopieren',
  'ui.returns.copied': 'Link kopiert.',
  'ui.returns.printAgain': 'Retourenetikett drucken',
  'ui.returns.onShipment': 'Retoure',
  'ui.returns.tab.shipments': 'Sendungen',
  'ui.returns.tab.returns': 'Retouren',
  'ui.returns.list.reading': 'Retouren werden gelesen…',
  'ui.returns.list.failed': 'Die Retouren konnten nicht gelesen werden: {{reason}}',
  'ui.returns.list.empty': 'An diesen Tagen wurden keine Retouren erstellt.',
  'ui.returns.list.refresh': 'Sendcloud nach dem Status fragen',
  'ui.returns.column.made': 'Erstellt',
  'ui.returns.column.order': 'Bestellung',
  'ui.returns.column.tracking': 'Retouren-Tracking',
  'ui.returns.column.status': 'Status',
  'ui.returns.column.link': 'Portal-Link',
  'ui.returns.status.announcing': 'Wird angemeldet',
  'ui.returns.status.ready-to-send': 'Versandbereit',
  'ui.returns.status.in-transit': 'Auf dem Rückweg',
  'ui.returns.status.delivered': 'Zurück im Lager',
  'ui.returns.status.cancelled': 'Storniert',
  'ui.returns.status.unknown': 'Unbekannt',
  'ui.returns.day.count': 'Retouren erstellt',
};
