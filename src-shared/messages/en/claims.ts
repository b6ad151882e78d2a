// Claims: which station labels an order in a warehouse of several (said by main).
export const claims = {
  'claims.labellingAt': 'This order is being labelled at station {{station}}.',
  'claims.labelledAt':
    'This order was already labelled at station {{station}} (tracking number {{tracking}}).',
  'claims.conflict.labelledTwice':
    'Order {{order}} was labelled here ({{ours}}) while the warehouse database could not be reached, and also at station {{station}} ({{tracking}}): void one of the labels.',
} as const;
