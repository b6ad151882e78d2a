import type { station as english } from '../en/station';
import type { Translation } from '../translation';

export const station: Translation<typeof english> = {};
