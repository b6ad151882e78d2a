import type { uiCommon as english } from '../en/ui-common';
import type { Translation } from '../translation';

export const uiCommon: Translation<typeof english> = {};
