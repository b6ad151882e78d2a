// The accounts screen: onboarding, accounts, reconnect, merchants, billing export.
export const uiAccounts = {} as const;
