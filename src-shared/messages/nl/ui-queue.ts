import type { uiQueue as english } from '../en/ui-queue';
import type { Translation } from '../translation';

export const uiQueue: Translation<typeof english> = {};
