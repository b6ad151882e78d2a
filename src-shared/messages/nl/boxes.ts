import type { boxes as english } from '../en/boxes';
import type { Translation } from '../translation';

export const boxes: Translation<typeof english> = {};
