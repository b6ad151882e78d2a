import type { day as english } from '../en/day';
import type { Translation } from '../translation';

export const day: Translation<typeof english> = {
  'day.exception.needsAttention': 'Dit label is gestopt; iemand moet beslissen.',
  'day.exception.stale': 'Dit label heeft lang gewacht en vraagt eerst of het mag printen.',
  'day.exception.failed': 'Deze scan is mislukt.',
  'day.exception.voided': 'Het label is geannuleerd.',
  'day.exception.reprinted': 'Het label is opnieuw geprint.',
  'day.handover.noParcels': 'Er zijn geen pakketten van {{carrier}} op {{day}} om over te dragen.',
  'day.handover.noA4Printer':
    'Geen printer voor A4-documenten: kies er een onder Printers, of sla de lijst op.',
  'day.handover.pdf.title': 'Overdrachtslijst {{carrier}} {{day}}',
  'day.handover.pdf.heading': 'Overdrachtslijst: {{carrier}}',
  'day.handover.pdf.day': 'Dag: {{day}}',
  'day.handover.pdf.station': 'Station: {{station}}',
  'day.handover.pdf.parcels_one': '{{count}} pakket',
  'day.handover.pdf.parcels_other': '{{count}} pakketten',
  'day.handover.pdf.page': 'Pagina {{page}} van {{pages}}',
  'day.handover.pdf.received_one': '{{count}} pakket in goede staat ontvangen.',
  'day.handover.pdf.received_other': '{{count}} pakketten in goede staat ontvangen.',
  'day.handover.pdf.driver': 'Naam chauffeur',
  'day.handover.pdf.signature': 'Handtekening chauffeur en tijd',
};
