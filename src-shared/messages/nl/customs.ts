import type { customs as english } from '../en/customs';
import type { Translation } from '../translation';

export const customs: Translation<typeof english> = {};
