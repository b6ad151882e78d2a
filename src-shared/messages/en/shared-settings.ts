// Settings shared across the warehouse: what a station says of an account set up at another.
export const sharedSettings = {
  'account.state.keysElsewhere':
    'Set up at another station of the warehouse: its keys stay there. Enter them here to ship with it at this station.',
} as const;
