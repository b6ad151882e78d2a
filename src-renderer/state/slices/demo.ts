// Demo mode's injected Sendcloud faults (the virtual printer's faults are in the printers slice).
import type { AppErrorData, DemoFaults, Result } from '../../../src-shared';
import type { SliceContext } from './context';

export interface DemoSlice {
  /** Demo mode's injected Sendcloud faults, once loaded. */
  demoFaults: DemoFaults | null;
  demoFaultsError: AppErrorData | null;
  loadDemoFaults(): Promise<void>;
  applyDemoFaults(faults: DemoFaults): Promise<boolean>;
}

export function demoSlice(ctx: SliceContext): DemoSlice {
  const answer = (result: Result<DemoFaults>): boolean => {
    if (result.ok) ctx.set({ demoFaults: result.value, demoFaultsError: null });
    else ctx.set({ demoFaultsError: result.error });
    return result.ok;
  };
  return {
    demoFaults: null,
    demoFaultsError: null,
    async loadDemoFaults() {
      answer(await ctx.api.demo.faults({}));
    },
    applyDemoFaults: async (faults) => answer(await ctx.api.demo.setFaults(faults)),
  };
}
