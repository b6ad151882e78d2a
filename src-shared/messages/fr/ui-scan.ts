import type { uiScan as english } from '../en/ui-scan';
import type { Translation } from '../translation';

export const uiScan: Translation<typeof english> = {};
