import type { uiFrame as english } from '../en/ui-frame';
import type { Translation } from '../translation';

export const uiFrame: Translation<typeof english> = {};
