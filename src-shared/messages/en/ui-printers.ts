// The printers screen: set-up, routes, discovery, test print.
export const uiPrinters = {} as const;
