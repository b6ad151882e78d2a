// The app frame: navigation, the header, banners, the language picker.
export const uiFrame = {} as const;
