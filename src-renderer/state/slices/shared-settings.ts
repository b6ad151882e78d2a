// Another station of the warehouse changed packers, accounts or rules, and this station has them
// now: a screen that shows them reads them again; a screen that is not open reads them on opening.
import type { SharedSettingsArea } from '../../../src-shared';
import type { SliceContext } from './context';

export function onSettingsShared(ctx: SliceContext, areas: readonly SharedSettingsArea[]): void {
  const state = ctx.get();
  if (areas.includes('packers') && state.screen === 'packers') void state.loadPackers();
  if (areas.includes('accounts') && state.screen === 'accounts') void state.loadAccounts();
  // The rules screen lists every account's way of choosing: an account's settings count too.
  const routingShown = state.screen === 'rules' || state.routing !== null;
  if ((areas.includes('routing') || areas.includes('accounts')) && routingShown) {
    void state.loadRouting();
  }
}
