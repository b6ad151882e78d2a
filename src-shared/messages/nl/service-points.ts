import type { servicePoints as english } from '../en/service-points';
import type { Translation } from '../translation';

export const servicePoints: Translation<typeof english> = {};
