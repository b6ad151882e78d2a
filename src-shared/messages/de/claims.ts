import type { claims as english } from '../en/claims';
import type { Translation } from '../translation';

export const claims: Translation<typeof english> = {
  'claims.labellingAt':
    'Für diesen Auftrag wird gerade an Station {{station}} ein Etikett erstellt.',
  'claims.labelledAt':
    'Dieser Auftrag hat schon ein Etikett von Station {{station}} (Sendungsnummer {{tracking}}).',
  'claims.conflict.labelledTwice':
    'Auftrag {{order}} bekam hier ein Etikett ({{ours}}), während die Lagerdatenbank nicht erreichbar war, und auch an Station {{station}} ({{tracking}}): stornieren Sie eines der Etiketten.',
};
