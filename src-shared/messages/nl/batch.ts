import type { batch as english } from '../en/batch';
import type { Translation } from '../translation';

export const batch: Translation<typeof english> = {
  'batch.order.notFound': 'Sendcloud kent deze bestelling (niet meer).',
  'batch.order.houseNumber':
    'Het adres heeft geen huisnummer: vul het aan in Sendcloud en probeer het opnieuw.',
  'batch.order.weight': 'Het pakket is te zwaar voor de verzendoptie: {{detail}}',
  'batch.order.address':
    'Het verzendadres is onvolledig: pas het aan in Sendcloud en probeer het opnieuw.',
  'batch.order.option': 'De verzendoptie kan niet voor deze bestelling: {{detail}}',
  'batch.order.servicePoint':
    'Het servicepunt is gesloten of onbekend ({{detail}}): scan de bestelling apart om een ander punt te kiezen.',
  'batch.order.carrier': 'De vervoerder weigerde het pakket: {{detail}}',
  'batch.order.refused': 'Sendcloud weigerde de bestelling: {{detail}}',
  'batch.waiting.accountKeys':
    'Sendcloud weigerde de sleutels van het account: de batch wacht tot het account opnieuw is gekoppeld.',
  'batch.step.waitingForLabels_one': 'Sendcloud maakt {{count}} label.',
  'batch.step.waitingForLabels_other': 'Sendcloud maakt {{count}} labels.',
  'batch.paused': 'Gepauzeerd: gaat verder waar hij stopte zodra je hervat.',
  'batch.event.made': 'Gemaakt in een batch.',
  'batch.event.printed': 'Geprint in een batch.',
  'batch.event.reprinted': 'Opnieuw geprint met de batch.',
  'batch.scan.inBatch':
    'Bestelling {{order}} zit in een lopende batch: het label komt met de batch.',
  'batch.scan.labelled': 'Bestelling {{order}} heeft al een label: zie Zendingen.',
  'batch.scan.unknown': 'Geen open bestelling {{code}} op dit station.',
  'batch.start.skipped.labelled': 'Heeft intussen een label.',
  'batch.start.skipped.inBatch': 'Zit in een andere batch.',
  'batch.start.skipped.gone': 'Is geen open bestelling meer op dit station.',
  'batch.error.notFound': 'Dit station kent geen batch {{id}}.',
  'batch.error.orderNotInBatch': 'Bestelling {{order}} zit niet in deze batch.',
  'batch.error.notFailed': 'Alleen een geweigerde bestelling kan opnieuw of worden overgeslagen.',
  'batch.error.running': 'De batch loopt nog: wacht tot hij klaar is.',
  'batch.error.nothingPrinted': 'Er is nog geen label van deze batch geprint.',
  'batch.error.noPrinter': 'Er is geen labelprinter ingesteld: voeg er een toe onder Printers.',
  'batch.error.finished': 'De batch is klaar: er valt niets meer te pauzeren of te annuleren.',
};
