// Sendcloud accounts, the keychain, merchants and billing (said by main).
export const accounts = {} as const;
