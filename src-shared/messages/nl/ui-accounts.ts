import type { uiAccounts as english } from '../en/ui-accounts';
import type { Translation } from '../translation';

export const uiAccounts: Translation<typeof english> = {};
