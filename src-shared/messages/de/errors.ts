import type { errors as english } from '../en/errors';
import type { Translation } from '../translation';

export const errors: Translation<typeof english> = {
  'error.invalidInput': 'Diese Eingabe geht nicht: {{detail}}',
  'error.input.scanEmpty': 'Der Scan ist leer.',
  'error.input.scanTooLong': 'Der Scan ist länger als jede Auftrags- oder Sendungsnummer.',
  'error.input.scanCharacters': 'Der Scan enthält Zeichen, die in keinem Barcode vorkommen.',
  'error.input.printerName': 'Gib dem Drucker einen Namen.',
  'error.input.packerName': 'Gib dem Packer einen Namen.',
  'error.input.pin': 'Eine PIN hat vier Ziffern.',
  'error.input.badge':
    'Ein Ausweiscode hat 4 bis 40 Buchstaben, Ziffern oder Zeichen, ohne Leerzeichen.',
  'error.input.printerAddress': 'Gib die Adresse des Druckers an.',
  'error.input.accountName': 'Gib dem Konto einen Namen.',
  'error.input.merchantName': 'Gib dem Händler einen Namen.',
  'error.input.merchantPrefix': 'Gib das Präfix der Auftragsnummern dieses Händlers an.',
  'error.input.merchantPrefixCharacters':
    'Ein Auftragsnummern-Präfix enthält nur Buchstaben, Ziffern und einfache Zeichen.',
  'error.input.date': 'Ein Datum wie 2026-11-21.',
  'error.internal': 'Im Packplatz ist etwas schiefgelaufen. Siehe Protokoll.',
  'error.unknownCommand': 'Der Packplatz kennt den Befehl {{command}} nicht.',
  'error.forbidden': 'Dieses Fenster darf den Packplatz nicht benutzen.',
  'error.notJson': 'Der Inhalt der Anfrage ist kein JSON.',
  'error.orderNotFound':
    'Kein offener Auftrag passt zu „{{code}}“. Prüfe die Auftragsnummer oder gleiche die Aufträge ab.',
  'error.orderNotCached': 'Auftrag {{order}} ist nicht im lokalen Speicher.',
};
