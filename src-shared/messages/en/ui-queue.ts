// The queue panel and its settings.
export const uiQueue = {} as const;
