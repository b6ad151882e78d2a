import type { printing as english } from '../en/printing';
import type { Translation } from '../translation';

export const printing: Translation<typeof english> = {};
