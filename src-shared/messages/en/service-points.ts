// Service points: the point a label goes to, and the replacements offered. Said by main and shown by the renderer.
export const servicePoints = {} as const;
