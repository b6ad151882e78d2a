// Copies of the customs documents per carrier: read when the Printers panel opens, set one
// carrier at a time.
import type { AppErrorData, CustomsCopies } from '../../../src-shared';
import type { SliceContext } from './context';

export interface CustomsSlice {
  customsCopies: CustomsCopies | null;
  customsCopiesError: AppErrorData | null;
  loadCustomsCopies(): Promise<void>;
  setCustomsCopies(carrier: string, copies: number): Promise<void>;
}

export function customsSlice(ctx: SliceContext): CustomsSlice {
  const settle = (
    result: { ok: true; value: CustomsCopies } | { ok: false; error: AppErrorData },
  ) =>
    ctx.set(
      result.ok
        ? { customsCopies: result.value, customsCopiesError: null }
        : { customsCopiesError: result.error },
    );
  return {
    customsCopies: null,
    customsCopiesError: null,
    async loadCustomsCopies() {
      settle(await ctx.api.customs.copies({}));
    },
    async setCustomsCopies(carrier, copies) {
      settle(await ctx.api.customs.setCopies({ carrier, copies }));
    },
  };
}
