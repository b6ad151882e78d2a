// Returns: a return label or portal link made from a shipment. Said by main and shown by the renderer.
export const returns = {} as const;
