// The right carrier: shipping rules, local routing rules, fallbacks, one-off overrides. Said by main and shown by the renderer.
export const routing = {} as const;
