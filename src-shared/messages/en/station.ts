// The station's command handlers: queue actions, merchants, demo mode (said by main).
export const station = {} as const;
