import type { batch as english } from '../en/batch';
import type { Translation } from '../translation';

export const batch: Translation<typeof english> = {
  'batch.order.notFound': 'Sendcloud ne connaît pas (plus) cette commande.',
  'batch.order.houseNumber':
    'L’adresse n’a pas de numéro de rue : ajoutez-le dans Sendcloud, puis réessayez.',
  'batch.order.weight': 'Le colis est trop lourd pour son option d’expédition : {{detail}}',
  'batch.order.address':
    'L’adresse de livraison est incomplète : corrigez-la dans Sendcloud, puis réessayez.',
  'batch.order.option': 'L’option d’expédition ne convient pas à cette commande : {{detail}}',
  'batch.order.servicePoint':
    'Le point relais est fermé ou inconnu ({{detail}}) : scannez la commande seule pour choisir un autre point.',
  'batch.order.carrier': 'Le transporteur a refusé le colis : {{detail}}',
  'batch.order.refused': 'Sendcloud a refusé la commande : {{detail}}',
  'batch.waiting.accountKeys':
    'Sendcloud a refusé les clés du compte : le lot attend que le compte soit reconnecté.',
  'batch.step.waitingForLabels_one': 'Sendcloud crée {{count}} étiquette.',
  'batch.step.waitingForLabels_many': 'Sendcloud crée {{count}} étiquettes.',
  'batch.step.waitingForLabels_other': 'Sendcloud crée {{count}} étiquettes.',
  'batch.paused': 'En pause : il reprend là où il s’est arrêté.',
  'batch.event.made': 'Créée dans un lot.',
  'batch.event.printed': 'Imprimée dans un lot.',
  'batch.event.reprinted': 'Réimprimée avec son lot.',
  'batch.scan.inBatch':
    'La commande {{order}} est dans un lot en cours : son étiquette viendra avec le lot.',
  'batch.scan.labelled': 'La commande {{order}} a déjà une étiquette : voir Envois.',
  'batch.scan.unknown': 'Aucune commande ouverte {{code}} sur ce poste.',
  'batch.start.skipped.labelled': 'Elle a une étiquette entre-temps.',
  'batch.start.skipped.inBatch': 'Elle est dans un autre lot.',
  'batch.start.skipped.gone': 'Ce n’est plus une commande ouverte sur ce poste.',
  'batch.error.notFound': 'Ce poste ne connaît aucun lot {{id}}.',
  'batch.error.orderNotInBatch': 'La commande {{order}} n’est pas dans ce lot.',
  'batch.error.notFailed': 'Seule une commande refusée peut être réessayée ou écartée.',
  'batch.error.running': 'Le lot est encore en cours : attendez qu’il soit terminé.',
  'batch.error.nothingPrinted': 'Aucune étiquette de ce lot n’a encore été imprimée.',
  'batch.error.noPrinter': 'Aucune imprimante d’étiquettes : ajoutez-en une sous Imprimantes.',
  'batch.error.finished': 'Le lot est terminé : plus rien à mettre en pause ni à annuler.',
};
