// Voiding a label and Sendcloud's rules for it (said by main).
export const voidLabel = {
  'void.rule.free': 'Free to void until 23:59 on the day the label was made.',
  'void.rule.refund':
    'The free window has closed: Sendcloud refunds the label only if the parcel has not shipped, within 42 days (days left: {{days}}). Only a supervisor may void it now.',
  'void.rule.none':
    'Sendcloud no longer voids this label: the parcel has shipped or the label is more than 42 days old.',
  'void.refusal.voided': 'This label is already voided.',
  'void.refusal.requested': 'A void of this label is already on its way.',
  'void.refusal.shipped': 'The parcel has shipped: Sendcloud no longer voids its label.',
  'void.refusal.tooOld': 'The label is more than 42 days old: Sendcloud no longer voids it.',
  'void.refusal.supervisorOnly': 'After the day the label was made, only a supervisor may void it.',
  'void.error.notFound': 'This station knows no shipment with parcel {{parcel}}.',
  'void.error.missing': 'The shipment of this void is missing.',
  'void.missing': 'The shipment of this void is missing; cancel the job.',
  'void.done': 'Label voided: the order can be labelled again.',
  'void.queued':
    'Sendcloud queued the void: the label stays “void requested” until the carrier confirms it.',
  'void.refused': 'Sendcloud refused to void the label: {{reason}}',
  'void.waiting.offline':
    'Sendcloud is unreachable: the void is queued and goes when the connection is back.',
  'void.waiting.sendcloud': 'Sendcloud is having trouble: the void is tried again shortly.',
  'void.confirmed': 'Sendcloud confirmed the void.',
} as const;
