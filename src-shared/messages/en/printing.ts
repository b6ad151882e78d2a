// Printers: faults, live status, discovery problems, test prints (said by main).
export const printing = {} as const;
