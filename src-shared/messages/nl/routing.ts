import type { routing as english } from '../en/routing';
import type { Translation } from '../translation';

export const routing: Translation<typeof english> = {};
