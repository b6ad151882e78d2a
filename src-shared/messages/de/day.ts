import type { day as english } from '../en/day';
import type { Translation } from '../translation';

export const day: Translation<typeof english> = {
  'day.exception.needsAttention': 'Dieses Label ist hängen geblieben; jemand muss entscheiden.',
  'day.exception.stale': 'Dieses Label hat lange gewartet und fragt, bevor es druckt.',
  'day.exception.failed': 'Dieser Scan ist fehlgeschlagen.',
  'day.exception.voided': 'Das Label wurde storniert.',
  'day.exception.reprinted': 'Das Label wurde noch einmal gedruckt.',
  'day.handover.noParcels': 'Am {{day}} gibt es keine {{carrier}}-Pakete zu übergeben.',
  'day.handover.noA4Printer':
    'Kein Drucker für A4-Dokumente: Wähle einen unter Drucker oder speichere die Liste.',
  'day.handover.pdf.title': 'Übergabeliste {{carrier}} {{day}}',
  'day.handover.pdf.heading': 'Übergabeliste: {{carrier}}',
  'day.handover.pdf.day': 'Tag: {{day}}',
  'day.handover.pdf.station': 'Station: {{station}}',
  'day.handover.pdf.parcels_one': '{{count}} Paket',
  'day.handover.pdf.parcels_other': '{{count}} Pakete',
  'day.handover.pdf.page': 'Seite {{page}} von {{pages}}',
  'day.handover.pdf.received_one': '{{count}} Paket in einwandfreiem Zustand erhalten.',
  'day.handover.pdf.received_other': '{{count}} Pakete in einwandfreiem Zustand erhalten.',
  'day.handover.pdf.driver': 'Name des Fahrers',
  'day.handover.pdf.signature': 'Unterschrift des Fahrers und Uhrzeit',
};
