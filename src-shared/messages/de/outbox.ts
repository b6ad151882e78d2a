import type { outbox as english } from '../en/outbox';
import type { Translation } from '../translation';

export const outbox: Translation<typeof english> = {};
