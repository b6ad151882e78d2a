// Words the renderer uses on every screen: buttons, states, formats.
export const uiCommon = {} as const;
