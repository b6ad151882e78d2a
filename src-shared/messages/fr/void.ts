import type { voidLabel as english } from '../en/void';
import type { Translation } from '../translation';

export const voidLabel: Translation<typeof english> = {
  'void.rule.free': 'Annulation gratuite jusqu’à 23 h 59 le jour où l’étiquette a été créée.',
  'void.rule.refund':
    'La période gratuite est passée : Sendcloud ne rembourse l’étiquette que si le colis n’est pas encore parti, dans les 42 jours (jours restants : {{days}}). Seul un superviseur peut l’annuler maintenant.',
  'void.rule.none':
    'Sendcloud n’annule plus cette étiquette : le colis est parti ou l’étiquette a plus de 42 jours.',
  'void.refusal.voided': 'Cette étiquette est déjà annulée.',
  'void.refusal.requested': 'L’annulation de cette étiquette est déjà en cours.',
  'void.refusal.shipped': 'Le colis est parti : Sendcloud n’annule plus son étiquette.',
  'void.refusal.tooOld': 'L’étiquette a plus de 42 jours : Sendcloud ne l’annule plus.',
  'void.refusal.supervisorOnly':
    'Après le jour de création de l’étiquette, seul un superviseur peut l’annuler.',
  'void.error.notFound': 'Ce poste ne connaît aucun envoi avec le colis {{parcel}}.',
  'void.error.missing': 'L’envoi de cette annulation est introuvable.',
  'void.missing': 'L’envoi de cette annulation est introuvable ; annulez la tâche.',
  'void.done': 'Étiquette annulée : la commande peut recevoir une nouvelle étiquette.',
  'void.queued':
    'Sendcloud a mis l’annulation en file d’attente : l’étiquette reste « annulation demandée » jusqu’à la confirmation du transporteur.',
  'void.refused': 'Sendcloud a refusé d’annuler l’étiquette : {{reason}}',
  'void.waiting.offline':
    'Sendcloud est injoignable : l’annulation attend et part dès que la connexion revient.',
  'void.waiting.sendcloud': 'Sendcloud a des soucis : l’annulation est retentée sous peu.',
  'void.confirmed': 'Sendcloud a confirmé l’annulation.',
};
