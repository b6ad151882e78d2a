// Which screen the frame shows, whether the queue drawer is open, and which account's reconnect
// form the Accounts screen opens at. Opening a screen reads its data fresh.
import { needsOnboarding } from '../accounts';
import { liveBatch } from '../batch';
import type { SliceContext } from './context';

export const screens = [
  'scan',
  'batch',
  'shipments',
  'day',
  'printers',
  'accounts',
  'packers',
  'rules',
  'warehouse',
] as const;
export type ScreenId = (typeof screens)[number];

/** The screens under Settings; the others are the packer's daily work. */
export const settingsScreens: readonly ScreenId[] = [
  'printers',
  'accounts',
  'packers',
  'rules',
  'warehouse',
];

export interface UiSlice {
  screen: ScreenId;
  /** The queue: beside the scan screen, or as a drawer over any other screen. */
  queueOpen: boolean;
  /** The account whose reconnect form the Accounts screen opens at (from the banner), if any. */
  reconnectTarget: string | null;
  /** Go to a screen; the one already shown stays as it is. */
  showScreen(screen: ScreenId): void;
  /** Open the queue and read the outbox and its settings fresh. */
  openQueue(): void;
  closeQueue(): void;
  /** Go to Settings → Printers. */
  openPrinters(): void;
  /** Leave Printers for the scan screen. */
  closePrinters(): void;
  /** Go to Settings → Accounts (at an account's reconnect form). */
  openAccounts(reconnect?: string): void;
  /** Leave Accounts for the scan screen. */
  closeAccounts(): void;
  /** Open one account's reconnect form, or close it (null). */
  showReconnect(id: string | null): void;
}

function leave(ctx: SliceContext, screen: ScreenId): void {
  if (screen !== 'accounts') return;
  ctx.set({ reconnectTarget: null });
  // Choices read with the typed keys belong to the screen's add form: leaving it forgets them.
  // While onboarding is the screen, the add form is there, not on the Accounts screen.
  const { status, accounts } = ctx.get();
  if (!needsOnboarding(status, accounts)) ctx.get().resetOnboarding();
}

function enter(ctx: SliceContext, screen: ScreenId): void {
  const state = ctx.get();
  if (screen === 'day') {
    // Figures, not a form: read the picked day fresh each time the screen opens.
    void state.loadDay();
  } else if (screen === 'printers') {
    ctx.set({ printersRefresh: null });
    void state.loadPrinters();
  } else if (screen === 'accounts') {
    ctx.set({ billing: null });
    void state.loadAccounts();
    void state.loadMerchants();
  } else if (screen === 'packers') {
    ctx.set({ packerEdit: null });
    void state.loadPackers();
  } else if (screen === 'batch') {
    // Orders were labelled elsewhere and batches moved while the screen was away.
    void state.loadOpenOrders();
    void state.loadBatches().then(() => {
      const live = liveBatch(ctx.get().batches);
      if (live && ctx.get().batchOpen === null) void ctx.get().openBatch(live.id);
    });
  } else if (screen === 'warehouse') {
    ctx.set({ warehouseAction: null });
    void state.loadWarehouse();
  } else if (screen === 'shipments') {
    // Labels were made, printed and voided while the screen was away: read them fresh.
    void state.loadShipments();
  }
}

export function uiSlice(ctx: SliceContext): UiSlice {
  return {
    screen: 'scan',
    queueOpen: false,
    reconnectTarget: null,

    showScreen(screen) {
      const was = ctx.get().screen;
      if (was === screen) return;
      leave(ctx, was);
      ctx.set({ screen });
      enter(ctx, screen);
    },

    openQueue() {
      if (ctx.get().queueOpen) return;
      ctx.set({ queueOpen: true, printHeld: null });
      void ctx.get().loadJobs();
      void ctx.get().loadOutboxSettings();
    },

    closeQueue() {
      ctx.set({ queueOpen: false });
    },

    openPrinters() {
      ctx.get().showScreen('printers');
    },

    closePrinters() {
      if (ctx.get().screen === 'printers') ctx.get().showScreen('scan');
    },

    openAccounts(reconnect) {
      ctx.get().showScreen('accounts');
      ctx.set({ reconnectTarget: reconnect ?? null });
    },

    closeAccounts() {
      if (ctx.get().screen === 'accounts') ctx.get().showScreen('scan');
    },

    showReconnect(id) {
      ctx.set({ reconnectTarget: id });
    },
  };
}
