import type { errors as english } from '../en/errors';
import type { Translation } from '../translation';

export const errors: Translation<typeof english> = {
  'error.invalidInput': 'Deze invoer kan niet worden gebruikt: {{detail}}',
  'error.input.scanEmpty': 'De scan is leeg.',
  'error.input.scanTooLong': 'De scan is langer dan elk order- of trackingnummer.',
  'error.input.scanCharacters': 'De scan bevat tekens die in geen barcode staan.',
  'error.input.printerName': 'Geef de printer een naam.',
  'error.input.packerName': 'Geef de inpakker een naam.',
  'error.input.pin': 'Een pincode heeft vier cijfers.',
  'error.input.badge': 'Een badgecode heeft 4 tot 40 letters, cijfers of tekens, zonder spaties.',
  'error.input.printerAddress': 'Geef het adres van de printer op.',
  'error.input.accountName': 'Geef het account een naam.',
  'error.input.merchantName': 'Geef de verkoper een naam.',
  'error.input.merchantPrefix': 'Geef het voorvoegsel van de ordernummers van deze verkoper.',
  'error.input.merchantPrefixCharacters':
    'Een ordernummervoorvoegsel bevat alleen letters, cijfers en gewone tekens.',
  'error.input.date': 'Een datum zoals 2026-11-21.',
  'error.internal': 'Er ging iets mis in het station. Kijk in het logboek.',
  'error.unknownCommand': 'Het station kent de opdracht {{command}} niet.',
  'error.forbidden': 'Dit venster mag het station niet gebruiken.',
  'error.notJson': 'De inhoud van het verzoek is geen JSON.',
  'error.orderNotFound':
    'Geen open order gevonden voor “{{code}}”. Controleer het ordernummer of synchroniseer de orders.',
  'error.orderNotCached': 'Order {{order}} staat niet in de lokale lijst.',
};
