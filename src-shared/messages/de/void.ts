import type { voidLabel as english } from '../en/void';
import type { Translation } from '../translation';

export const voidLabel: Translation<typeof english> = {
  'void.rule.free':
    'Kostenlos stornierbar bis 23:59 Uhr am Tag, an dem das Etikett erstellt wurde.',
  'void.rule.refund':
    'Die kostenlose Frist ist vorbei: Sendcloud erstattet das Etikett nur, wenn das Paket noch nicht verschickt ist, innerhalb von 42 Tagen (noch {{days}} Tage). Stornieren darf jetzt nur ein Supervisor.',
  'void.rule.none':
    'Sendcloud storniert dieses Etikett nicht mehr: Das Paket ist unterwegs oder das Etikett ist älter als 42 Tage.',
  'void.refusal.voided': 'Dieses Etikett ist bereits storniert.',
  'void.refusal.requested': 'Dieses Etikett wird bereits storniert.',
  'void.refusal.shipped': 'Das Paket ist unterwegs: Sendcloud storniert das Etikett nicht mehr.',
  'void.refusal.tooOld': 'Das Etikett ist älter als 42 Tage: Sendcloud storniert es nicht mehr.',
  'void.refusal.supervisorOnly':
    'Nach dem Tag, an dem das Etikett erstellt wurde, darf nur ein Supervisor es stornieren.',
  'void.error.notFound': 'Diese Station kennt keine Sendung mit Paket {{parcel}}.',
  'void.error.missing': 'Die Sendung dieser Stornierung fehlt.',
  'void.missing': 'Die Sendung dieser Stornierung fehlt; brechen Sie den Auftrag ab.',
  'void.done': 'Etikett storniert: Die Bestellung kann neu etikettiert werden.',
  'void.queued':
    'Sendcloud hat die Stornierung eingereiht: Das Etikett bleibt auf „Stornierung angefragt“, bis der Versanddienstleister sie bestätigt.',
  'void.refused': 'Sendcloud hat die Stornierung abgelehnt: {{reason}}',
  'void.waiting.offline':
    'Sendcloud ist nicht erreichbar: Die Stornierung wartet und geht raus, sobald die Verbindung zurück ist.',
  'void.waiting.sendcloud':
    'Sendcloud hat Probleme: Die Stornierung wird gleich noch einmal versucht.',
  'void.confirmed': 'Sendcloud hat die Stornierung bestätigt.',
};
