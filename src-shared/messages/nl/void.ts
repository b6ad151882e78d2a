import type { voidLabel as english } from '../en/void';
import type { Translation } from '../translation';

export const voidLabel: Translation<typeof english> = {
  'void.rule.free': 'Gratis te annuleren tot 23:59 op de dag dat het label is gemaakt.',
  'void.rule.refund':
    'De gratis periode is voorbij: Sendcloud betaalt het label alleen terug als het pakket nog niet verzonden is, binnen 42 dagen (nog {{days}} dagen). Alleen een supervisor mag het nu annuleren.',
  'void.rule.none':
    'Sendcloud annuleert dit label niet meer: het pakket is verzonden of het label is ouder dan 42 dagen.',
  'void.refusal.voided': 'Dit label is al geannuleerd.',
  'void.refusal.requested': 'Dit label wordt al geannuleerd.',
  'void.refusal.shipped': 'Het pakket is verzonden: Sendcloud annuleert het label niet meer.',
  'void.refusal.tooOld': 'Het label is ouder dan 42 dagen: Sendcloud annuleert het niet meer.',
  'void.refusal.supervisorOnly':
    'Na de dag waarop het label is gemaakt, mag alleen een supervisor het annuleren.',
  'void.error.notFound': 'Dit station kent geen zending met pakket {{parcel}}.',
  'void.error.missing': 'De zending van deze annulering ontbreekt.',
  'void.missing': 'De zending van deze annulering ontbreekt; annuleer de taak.',
  'void.done': 'Label geannuleerd: de bestelling kan opnieuw een label krijgen.',
  'void.queued':
    'Sendcloud heeft de annulering in de wachtrij gezet: het label blijft op “annulering aangevraagd” tot de vervoerder het bevestigt.',
  'void.refused': 'Sendcloud weigerde het label te annuleren: {{reason}}',
  'void.waiting.offline':
    'Sendcloud is niet bereikbaar: de annulering staat in de wachtrij en gaat zodra de verbinding terug is.',
  'void.waiting.sendcloud': 'Sendcloud heeft problemen: de annulering wordt zo opnieuw geprobeerd.',
  'void.confirmed': 'Sendcloud heeft de annulering bevestigd.',
};
