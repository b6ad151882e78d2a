// Several boxes (multicollo): one shipment, one label per box. Said by main and shown by the renderer.
export const boxes = {} as const;
