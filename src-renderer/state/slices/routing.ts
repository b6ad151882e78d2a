// Settings → Rules (the routing rules and their tester), each account's way of choosing an
// option (Accounts screen), and the one-off option for the next scan (Scan screen).
import type {
  AppErrorData,
  CommandInput,
  Result,
  RoutingRulesInput,
  RoutingSetup,
  RoutingTest,
} from '../../../src-shared';
import type { SliceContext } from './context';

export type RoutingSave =
  { kind: 'pending' } | { kind: 'saved' } | { kind: 'failed'; error: AppErrorData };

export interface RoutingSlice {
  routing: RoutingSetup | null;
  routingError: AppErrorData | null;
  routingSave: RoutingSave | null;
  /** Per account id: the last save of its way of choosing. */
  accountRoutingSaves: Record<string, RoutingSave>;
  routingTest: Result<RoutingTest> | { ok: null } | null;
  loadRouting(): Promise<void>;
  saveRoutingRules(rules: RoutingRulesInput): Promise<boolean>;
  saveAccountRouting(input: CommandInput<'routing.saveAccount'>): Promise<boolean>;
  testRouting(code: string): Promise<void>;
  /** A one-off option for the next scan (null clears it); `nextScan` follows (next-label). */
  setNextOption(optionCode: string | null): Promise<boolean>;
}

export function routingSlice(ctx: SliceContext): RoutingSlice {
  const loaded = (result: Result<RoutingSetup>): boolean => {
    if (result.ok) ctx.set({ routing: result.value, routingError: null });
    return result.ok;
  };
  return {
    routing: null,
    routingError: null,
    routingSave: null,
    accountRoutingSaves: {},
    routingTest: null,
    async loadRouting() {
      const result = await ctx.api.routing.rules({});
      if (!loaded(result) && !result.ok) ctx.set({ routingError: result.error });
    },

    async saveRoutingRules(rules) {
      ctx.set({ routingSave: { kind: 'pending' } });
      const result = await ctx.api.routing.saveRules(rules);
      loaded(result);
      ctx.set({
        routingSave: result.ok ? { kind: 'saved' } : { kind: 'failed', error: result.error },
      });
      return result.ok;
    },

    async saveAccountRouting(input) {
      const set = (save: RoutingSave) =>
        ctx.set({
          accountRoutingSaves: { ...ctx.get().accountRoutingSaves, [input.accountId]: save },
        });
      set({ kind: 'pending' });
      const result = await ctx.api.routing.saveAccount(input);
      loaded(result);
      set(result.ok ? { kind: 'saved' } : { kind: 'failed', error: result.error });
      return result.ok;
    },

    async testRouting(code) {
      ctx.set({ routingTest: { ok: null } });
      ctx.set({ routingTest: await ctx.api.routing.test({ code }) });
    },

    async setNextOption(optionCode) {
      const result = await ctx.api.scan.setNext({ optionCode });
      if (result.ok) {
        const { applied, ...next } = result.value;
        ctx.set({ nextScan: next, nextScanError: null, nextScanApplied: applied });
      } else ctx.set({ nextScanError: result.error });
      return result.ok;
    },
  };
}
