// Customs: what a parcel outside the EU needs, and its documents. Said by main and shown by the renderer.
export const customs = {} as const;
