import type { sendcloud as english } from '../en/sendcloud';
import type { Translation } from '../translation';

export const sendcloud: Translation<typeof english> = {};
