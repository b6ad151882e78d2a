// Words shared by every screen, and the wrapper for text stored before messages were keys.
export const common = {
  'legacy.text': '{{text}}',
} as const;
