// The scan screen: the result panel, recent scans, the label preview.
export const uiScan = {} as const;
