import type { returns as english } from '../en/returns';
import type { Translation } from '../translation';

export const returns: Translation<typeof english> = {};
