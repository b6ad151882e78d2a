import type { uiPrinters as english } from '../en/ui-printers';
import type { Translation } from '../translation';

export const uiPrinters: Translation<typeof english> = {};
